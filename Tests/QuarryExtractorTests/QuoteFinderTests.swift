import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct QuoteFinderTests {
  func quotes(_ text: String) -> [(String?, String)] {
    Annotator().annotate(text: text).quotes.map { ($0.speaker, $0.text) }
  }

  @Test func speakerAfterTheQuotation() {
    let found = quotes(
      """
      Maria Lopez runs the port. "We are ready," Lopez said. "Is it enough?" asked Tom Reed.
      "Nothing has changed," the Pentagon told reporters.
      """)
    #expect(found.map(\.0) == ["Maria Lopez", "Tom Reed", "Pentagon"])
    #expect(found[0].1 == "We are ready,")
  }

  @Test func speakerBeforeTheQuotation() {
    let found = quotes("Prime Minister Rishi Sunak said: \"We will not be rushed.\" Then he left.")
    #expect(found.first?.0 == "Rishi Sunak")
    #expect(found.first?.1 == "We will not be rushed.")
  }

  @Test func pronounsAndAccordingTo() {
    let found = quotes(
      """
      Sarah Klein leads the union. "The offer is an insult," she said.
      "Talks are over," according to Klein.
      """)
    #expect(found.map(\.0) == ["Sarah Klein", "Sarah Klein"])
  }

  @Test func heAndSheTakeAPersonOfTheirGender() {
    let found = quotes(
      """
      Sarah Klein met John Reed on Monday. "The offer is an insult," he said.
      "Talks are over," she said.
      """)
    #expect(
      found.filter { $0.1.hasPrefix("The offer") || $0.1.hasPrefix("Talks") }.map(\.0) == [
        "John Reed", "Sarah Klein",
      ])
  }

  @Test func curlyQuotesAndParagraphContinuation() {
    let text = """
      “We have waited long enough,” Governor Ana Ruiz said. “The bridge opens in May.

      “Anyone who doubts it can come and see.”
      """
    let found = quotes(text)
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0.0 == "Ana Ruiz" })
    let offsets = Annotator().annotate(text: text).quotes.map { ($0.start, $0.end) }
    let scalars = Array(text.unicodeScalars)
    for (start, end) in offsets {
      #expect(scalars[Int(start) - 1] == "“")
      #expect(end > start)
    }
  }

  @Test func unknownSpeakersAndUnclosedQuotes() {
    let found = quotes("The sign read \"no entry\" in red letters. \"This never closes")
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.0 == nil })
    #expect(found[1].1 == "This never closes")
  }

  @Test func noQuotesNoCrash() {
    #expect(quotes("").isEmpty)
    #expect(quotes("\"").isEmpty)
    #expect(quotes(String(repeating: "word ", count: 5000)).isEmpty)
  }

  @Test func aPronounMeansTheSubjectCarriedOver() {
    let found = quotes(
      "Kamala Harris attacked Donald Trump over abortion. \"We will restore it,\" she told the crowd.")
    #expect(found.first?.0 == "Kamala Harris")
  }

  @Test func scareQuotesHaveNoSpeakerAndTitlesMayStandBetween() {
    let scare = quotes("Officials criticized the \"red lines\" on Taiwan at length.")
    #expect(scare.first?.0 == nil)
    let titled = quotes("\"This will be long,\" FEMA Administrator Deanne Criswell said.")
    #expect(titled.first?.0 == "Deanne Criswell")
  }

  @Test func twoApostrophesCloseAQuotation() {
    let found = quotes("“The plan is sound,’’ Nora Blake told the committee. “We will vote on it.’’")
    #expect(found.map(\.1) == ["The plan is sound,", "We will vote on it."])
    #expect(found.allSatisfy { $0.0 == "Nora Blake" })
  }

  @Test func namesAndTermsInQuotationMarksAreNobodysSpeech() {
    #expect(quotes("The city launched a campaign with the slogan “Clean streets, clear minds.”").isEmpty)
    #expect(quotes("She appeared on the television show “Morning Market Watch” on Friday.").isEmpty)
    #expect(quotes("The company asked to stop using the word “Go” in its ads.").isEmpty)
    // Attributed, a short quotation is speech all the same.
    #expect(quotes("“Never,” said Tom Reed.").first?.0 == "Tom Reed")
  }

  @Test func aCountryOrOrganisationBeforeATitleQualifiesThePersonAfterTheVerb() {
    let found = quotes("“Justice was done,” said U.S. Attorney Helen Park.")
    #expect(found.first?.0 == "Helen Park")
  }

  @Test func aQuotationAfterAnAttributionKeepsItsSpeakerNotANameInsideTheFirst() {
    let found = quotes(
      """
      "Markets will watch Tokyo and Seoul," said Dana Ortiz, an analyst at Northfield Research. "Neither will move much."
      """)
    #expect(found.map(\.0) == ["Dana Ortiz", "Dana Ortiz"])
  }

  @Test func aQuotationLaterInTheParagraphOfAnAttributedOneIsTheSameSpeakers() {
    let found = quotes(
      """
      "We wanted to win," Coach Ray Duval said, according to the local paper. "Now we need help."
      """)
    #expect(found.map(\.0) == ["Ray Duval", "Ray Duval"])
  }

  @Test func theyAndItAreNotThePersonNamedLast() {
    let found = quotes(
      """
      Singer Mia Rowe criticized Harbor Records last week. "We never blocked her," they said in a statement.
      """)
    #expect(found.first?.0 != "Mia Rowe")
  }
}
