import QuarryModel
import Testing

@testable import QuarryExtractor

/// Speakers the parse gives where the words around a quotation name none.
@Suite struct QuoteSpeakersTests {
  func quotes(_ text: String) -> [(String?, String)] {
    Annotator().annotate(text: text).quotes.filter { !$0.indirect }.map { ($0.speaker, $0.text) }
  }

  @Test func aPartialQuotationIsItsClausesSubjects() {
    let found = quotes(
      "Lena Ford ran the agency for a decade. She described the cuts as a \"slow-motion disaster\" on Monday."
    )
    #expect(found.first?.0 == "Lena Ford")
  }

  @Test func aQuotationInTheComplementOfAVerbOfSayingIsItsSubjects() {
    let found = quotes(
      "Mayor Paul Grant said on Friday that the new bridge \"will change how this city moves\" for good.")
    #expect(found.first?.0 == "Paul Grant")
  }

  @Test func theParseGivesAPartialQuotationItsClausesResolvedSubject() throws {
    let document = ClauseTestSupport.parse(
      [
        "Lena PROPN NNP 3 nsubj|Ford PROPN NNP 1 flat|runs VERB VBZ 0 root run|the DET DT 5 det|agency NOUN NN 3 obj|. PUNCT . 3 punct",
        "She PRON PRP 2 nsubj she|described VERB VBD 0 root describe|the DET DT 4 det|cuts NOUN NNS 2 obj cut|"
          + "as ADP IN 9 case|a DET DT 9 det|\" PUNCT `` 9 punct|slow ADJ JJ 9 amod|disaster NOUN NN 2 obl|"
          + "\" PUNCT '' 9 punct|. PUNCT . 2 punct",
      ], entities: [(0..<2, .person)])
    let text = document.string
    let start = try #require(text.firstRange(of: "slow")).lowerBound
    let end = try #require(text.firstRange(of: "disaster")).upperBound
    let offset = { (index: String.Index) in text.unicodeScalars.distance(from: text.startIndex, to: index) }
    var quotes = [
      Quote(speaker: nil, text: "slow disaster", start: offset(start), end: offset(end), sentence: 1)
    ]
    let readings = ClauseFinder.readings(document.parsed, roles: [])
    QuoteSpeakers.assign(&quotes, readings: readings, parsed: document.parsed)
    #expect(quotes[0].speaker == "Lena Ford")
    // A speaker the words around named stays.
    var named = [
      Quote(speaker: "Lena Ford", text: "slow disaster", start: offset(start), end: offset(end), sentence: 1)
    ]
    QuoteSpeakers.assign(&named, readings: readings, parsed: document.parsed)
    #expect(named[0].speaker == "Lena Ford")
  }

  @Test func aSubjectThatIsNoEntityLeavesTheSpeakerUnknown() {
    let found = quotes("Witnesses shouted \"Get out now\" as the fire spread.")
    #expect(found.allSatisfy { $0.0 == nil })
  }
}
