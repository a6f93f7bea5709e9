import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct PersonGenderTests {
  @Test func firstNamesAndFormsOfAddressTell() {
    let text = "Elena Petrova met Mr. Kim Lee and John Smith. Chris Park left."
    let annotations = Annotator().annotate(text: text)
    let tokens = Tokenizer.tokenize(text)
    let documentText = DocumentText(
      scalars: Array(text.unicodeScalars), tokens: tokens, lower: tokens.map { $0.text.lowercased() },
      sentences: SentenceSplitter.split(tokens), sentenceOf: [])
    let ranges = annotations.mentions.map { mention in
      tokens.range(covering: Int(mention.start), Int(mention.end))
    }
    let genders = PersonGender.standard.genders(documentText, mentions: annotations.mentions, ranges: ranges)
    #expect(genders["Elena Petrova"] == .female)
    #expect(genders["John Smith"] == .male)
    #expect(genders["Kim Lee"] == .male)  // "Mr." says so, whatever the first name
    #expect(genders["Chris Park"] == nil)  // given to both
  }

  @Test func heAndSheFindTheirPerson() {
    let annotations = Annotator().annotate(
      text: "Her son, Andriy Koval, joined the navy last year. Elena Petrova said he visited her in May.")
    let visit = annotations.clauses.first { $0.predicate == "visit" }
    #expect(visit?.subject?.entities == ["Andriy Koval"])
    #expect(visit?.object?.entities == ["Elena Petrova"])
  }
}
