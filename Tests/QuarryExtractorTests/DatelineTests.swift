import Testing

@testable import QuarryExtractor

@Suite struct DatelineTests {
  func split(_ text: String) -> [String] {
    let tokens = Tokenizer.tokenize(Array(text.unicodeScalars), from: 0)
    let sentences = SentenceSplitter.split(tokens)
    return Dateline.split(tokens, sentences).map { range in
      range.map { tokens[$0].text }.joined(separator: " ")
    }
  }

  @Test func aDatelineIsReadApartFromItsSentence() {
    #expect(
      split("BRUSSELS (Reuters) - The Commission met on Tuesday.") == [
        "BRUSSELS ( Reuters ) -", "The Commission met on Tuesday .",
      ])
    #expect(split("WASHINGTON, Dec 6 (AP) — Officials said.").first == "WASHINGTON , Dec 6 ( AP ) —")
    #expect(split("SAN FRANCISCO - Lumina AI raised money.").count == 2)
  }

  @Test func otherOpeningsAreLeftAlone() {
    #expect(split("The U.S. - a close ally - said so.").count == 1)
    #expect(split("NATO said on Friday it would help.").count == 1)
    #expect(split("BRUSSELS -").count == 1)
    #expect(Dateline.isCapitals("D.C.") && !Dateline.isCapitals("I") && !Dateline.isCapitals("Paris"))
  }
}
