import Testing

@testable import QuarryExtractor

@Suite struct TokenizerTests {
  func texts(_ text: String) -> [String] { Tokenizer.tokenize(text).map(\.text) }

  @Test func keepsAbbreviationsAndInitialsWhole() {
    #expect(
      texts("U.S. Defense Secretary Lloyd Austin") == ["U.S.", "Defense", "Secretary", "Lloyd", "Austin"])
    #expect(
      texts("Mr. Li met J. Smith in Calif. today.") == [
        "Mr.", "Li", "met", "J.", "Smith", "in", "Calif.", "today", ".",
      ])
  }

  @Test func splitsCliticsAndPunctuation() {
    #expect(texts("the country's leading officials") == ["the", "country", "'s", "leading", "officials"])
    #expect(texts("They don't know.") == ["They", "do", "n't", "know", "."])
    #expect(
      texts("\"Is there any sincerity?\" Pengyu added.") == [
        "\"", "Is", "there", "any", "sincerity", "?", "\"", "Pengyu", "added", ".",
      ])
  }

  @Test func keepsHyphenatedWordsAndNumbersWhole() {
    #expect(
      texts("Tsai Ing-wen, R-Calif., spent $1,000.50 (3.5%)") == [
        "Tsai", "Ing-wen", ",", "R-Calif.", ",", "spent", "$", "1,000.50", "(", "3.5", "%", ")",
      ])
    #expect(
      texts("military-to-military talks in the 1990s") == [
        "military-to-military", "talks", "in", "the", "1990s",
      ])
  }

  @Test func offsetsAreCodePointsIntoTheText() {
    let text = "Zürich: 李尚福 met him."
    let tokens = Tokenizer.tokenize(text)
    let scalars = Array(text.unicodeScalars)
    for token in tokens {
      #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
    }
    #expect(tokens.map(\.text) == ["Zürich", ":", "李尚福", "met", "him", "."])
  }

  @Test func survivesALongLineWithoutSpaces() {
    let tokens = Tokenizer.tokenize(String(repeating: "a", count: 1_000_000))
    #expect(tokens.count == 1)
  }
}

@Suite struct TokenizerLineBreakTests {
  @Test func countsTheLineBreaksBeforeEachToken() {
    let tokens = Tokenizer.tokenize("one\ntwo\n\n three")
    #expect(tokens.map(\.lineBreaksBefore) == [0, 1, 2])
  }

  @Test func hyphenatedAbbreviationsKeepTheirStop() {
    #expect(Tokenizer.tokenize("R-Calif. said").map(\.text) == ["R-Calif.", "said"])
    #expect(
      Tokenizer.tokenize("Maj. Gen. Lee and Brig. Gen. Ryder").map(\.text) == [
        "Maj.", "Gen.", "Lee", "and", "Brig.", "Gen.", "Ryder",
      ])
    #expect(Tokenizer.tokenize("the end.").map(\.text) == ["the", "end", "."])
  }
}
