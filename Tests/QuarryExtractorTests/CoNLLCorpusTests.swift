import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct CoNLLCorpusTests {
  func read(_ text: String) throws -> [CoNLLDocument] {
    let path = ExtractorTestSupport.temporaryDirectory() + "/data.txt"
    try FilePaths.write(text, to: path)
    return try CoNLLCorpus.read(path: path)
  }

  @Test func rebuildsRunningTextAndCharacterSpans() throws {
    let documents = try read(ExtractorTestSupport.conll)
    #expect(documents.count == 2)
    let first = documents[0]
    #expect(
      first.text
        == "Angela Merkel visited Paris on Monday.\nThe United Nations said (in a statement) the German leader's trip was \"useful\"."
    )
    let scalars = Array(first.text.unicodeScalars)
    let spans = first.entities.map { (String(String.UnicodeScalarView(scalars[$0.start..<$0.end])), $0.type) }
    #expect(spans.map(\.0) == ["Angela Merkel", "Paris", "United Nations", "German"])
    #expect(spans.map(\.1) == ["PER", "LOC", "ORG", "MISC"])
    #expect(first.tokenCount == 26)
  }

  @Test func readsThePartOfSpeechColumnAsTaggedSentences() throws {
    let path = ExtractorTestSupport.temporaryDirectory() + "/tagged.txt"
    let marker = CoNLLCorpus.documentMarker + " -X- -X- O\n\n"
    try FilePaths.write(
      marker + "the DT B-NP O\nminister NN I-NP O\n\n" + marker + "Lena NNP B-NP B-PER\nsaw VBD B-VP O\n",
      to: path)
    let sentences = try CoNLLCorpus.readTagged(path: path)
    #expect(sentences.map { $0.map(\.form) } == [["the", "minister"], ["Lena", "saw"]])
    #expect(sentences.map { $0.map(\.xpos) } == [["DT", "NN"], ["NNP", "VBD"]])
    try FilePaths.write("the DT\nminister\n", to: path)
    #expect(throws: CoNLLCorpus.FormatError.self) { try CoNLLCorpus.readTagged(path: path) }
    do {
      _ = try CoNLLCorpus.readTagged(path: path)
    } catch {
      #expect(
        String(describing: error).hasSuffix("tagged.txt:2: expected a token and a tag, found 'minister'"))
    }
  }

  @Test func writesWhatItReads() throws {
    let documents = [[[("Angela", "B-PER"), ("Merkel", "I-PER"), ("spoke", "O")]]]
    let text = CoNLLCorpus.write(documents)
    #expect(text.hasPrefix(CoNLLCorpus.documentMarker))
    let back = try read(text)
    #expect(back.count == 1)
    #expect(back[0].text == "Angela Merkel spoke")
    #expect(back[0].entities == [TypedSpan(start: 0, end: 13, type: "PER")])
  }

  @Test func acceptsIOB1Tags() throws {
    let documents = try read(
      "Maria NNP B-NP I-PER\nFernandez NNP I-NP I-PER\nand CC O O\nRuiz NNP B-NP I-PER\n")
    #expect(documents[0].entities.map(\.type) == ["PER", "PER"])
    #expect(documents[0].entities.map(\.start) == [0, 20])
  }

  @Test func namesTheLineOfABadTag() throws {
    #expect(throws: CoNLLCorpus.FormatError.self) {
      try read("Maria NNP B-NP B-PER\nFernandez NNP I-NP PERSON\n")
    }
    do {
      _ = try read("Maria NNP B-NP B-PER\nFernandez NNP I-NP PERSON\n")
    } catch {
      #expect("\(error)".contains("data.txt:2: 'PERSON' is not an IOB tag"))
    }
  }
}
