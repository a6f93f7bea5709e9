import Testing

@testable import QuarryExtractor

@Suite struct SentenceSplitterTests {
  func sentences(_ text: String) -> [String] {
    let tokens = Tokenizer.tokenize(text)
    let scalars = Array(text.unicodeScalars)
    return SentenceSplitter.split(tokens).map { range in
      String(
        String.UnicodeScalarView(scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]))
    }
  }

  @Test(arguments: [
    ("One. Two.", ["One.", "Two."]),
    (
      "U.S. Defense Secretary Lloyd Austin met Mr. Li. It went badly.",
      ["U.S. Defense Secretary Lloyd Austin met Mr. Li.", "It went badly."]
    ),
    (
      "House Speaker Kevin McCarthy, R-Calif., spoke. Then he left.",
      ["House Speaker Kevin McCarthy, R-Calif., spoke.", "Then he left."]
    ),
    (
      "Tension has grown in the U.S. The talks failed.",
      ["Tension has grown in the U.S.", "The talks failed."]
    ),
    ("\"We will not go.\" He left.", ["\"We will not go.\"", "He left."]),
    (
      "\"Is there any sincerity?\" Pengyu added. He left.",
      ["\"Is there any sincerity?\" Pengyu added.", "He left."]
    ),
    ("The balloon was shot down in Jan. by a jet.", ["The balloon was shot down in Jan. by a jet."]),
    ("No full stop at the end", ["No full stop at the end"]),
  ])
  func splits(_ text: String, _ expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test func emptyTextHasNoSentences() {
    #expect(SentenceSplitter.split([]).isEmpty)
  }
}

@Suite struct SentenceSplitterLineTests {
  func sentences(_ text: String) -> [String] {
    let tokens = Tokenizer.tokenize(text)
    return SentenceSplitter.split(tokens).map { range in range.map { tokens[$0].text }.joined(separator: " ")
    }
  }

  @Test func headlinesAndDatelinesEndAtTheLineBreak() {
    #expect(
      sentences("Clinton wins vote\nWASHINGTON 1996-08-22\nThe Senate voted on Thursday.")
        == ["Clinton wins vote", "WASHINGTON 1996 - 08 - 22", "The Senate voted on Thursday ."])
  }

  @Test func aBlankLineAlwaysEndsASentence() {
    #expect(
      sentences("a sentence without a stop\n\nand another") == ["a sentence without a stop", "and another"])
  }

  @Test func wrappedRunningTextStaysWhole() {
    let text =
      "The minister said on Tuesday that the talks with the delegation had gone\nwell and would resume soon."
    #expect(sentences(text).count == 1)
  }
}
