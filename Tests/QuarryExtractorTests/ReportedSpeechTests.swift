import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct ReportedSpeechTests {
  func indirect(_ text: String) -> [String] {
    Annotator().annotate(text: text).quotes.filter(\.indirect).map { "\($0.speaker ?? "-"): \($0.text)" }
  }

  @Test func reportedClausesAreQuotationsOfTheirSpeaker() {
    #expect(
      indirect("Microsoft said on Tuesday it would buy Activision Blizzard.") == [
        "Microsoft: it would buy Activision Blizzard"
      ])
    #expect(indirect("Officials told reporters that the talks had failed.") == ["-: the talks had failed"])
  }

  @Test func directQuotationsAreNotReportedTwice() {
    let quotes = Annotator().annotate(text: "Smith said the plan was \"dead on arrival.\"").quotes
    #expect(quotes.filter { !$0.indirect }.map(\.text) == ["dead on arrival."])
    #expect(quotes.filter(\.indirect).isEmpty)
    #expect(indirect("Smith said: \"We will win.\"").isEmpty)
  }

  @Test func offsetsPointAtTheReportedWords() throws {
    let text = "Microsoft said it would buy Activision."
    let quotes = Annotator().annotate(text: text).quotes
    let quote = try #require(quotes.first { $0.indirect })
    let scalars = Array(text.unicodeScalars)
    #expect(Tokenizer.makeString(scalars, Int(quote.start), Int(quote.end)) == quote.text)
  }
}
