import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct ClauseEventsTests {
  /// "subject predicate object class" for each event the clauses of a parse give.
  func events(_ sentences: [String], entities: [(Range<Int>, EntityType)]) -> [String] {
    let parsed = ClauseTestSupport.parse(sentences, entities: entities).parsed
    return ClauseEvents.events(ClauseFinder.readings(parsed, roles: []), in: parsed).map {
      "\($0.subject) \($0.predicate) \($0.object) \($0.eventClass ?? "-")\($0.negated ? " not" : "")"
    }
  }

  @Test func directObjectsPartnersAndTheObjectsPartner() {
    #expect(
      events(
        ["Pfizer PROPN NNP 2 nsubj|outbid VERB VBD 0 root outbid|Moderna PROPN NNP 2 obj|. PUNCT . 2 punct"],
        entities: [(0..<1, .organization), (2..<3, .organization)]) == ["Pfizer outbid Moderna other"])
    #expect(
      events(
        [
          "Germany PROPN NNP 2 nsubj|fought VERB VBD 0 root fight|against ADP IN 4 case|Russia PROPN NNP 2 obl|. PUNCT . 2 punct"
        ],
        entities: [(0..<1, .geopolitical), (3..<4, .geopolitical)]) == ["Germany fight Russia fight"])
    #expect(
      events(
        [
          "Microsoft PROPN NNP 2 nsubj|signed VERB VBD 0 root sign|a DET DT 4 det|deal NOUN NN 2 obj|with ADP IN 6 case|Lumina PROPN NNP 4 nmod|. PUNCT . 2 punct"
        ],
        entities: [(0..<1, .organization), (5..<6, .organization)]) == ["Microsoft sign Lumina cooperate"])
    #expect(
      events(
        [
          "Biden PROPN NNP 2 nsubj|held VERB VBD 0 root hold|talks NOUN NNS 2 obj talk|with ADP IN 5 case|Xi PROPN NNP 3 nmod|. PUNCT . 2 punct"
        ],
        entities: [(0..<1, .person), (4..<5, .person)]) == ["Biden meet Xi consult"])
  }

  @Test func coordinationNegationAndLightVerbs() {
    #expect(
      events(
        [
          "Smith PROPN NNP 6 nsubj|and CCONJ CC 3 cc|Jones PROPN NNP 1 conj|did AUX VBD 6 aux do|not PART RB 6 advmod|praise VERB VB 0 root|Brown PROPN NNP 6 obj|. PUNCT . 6 punct"
        ],
        entities: [(0..<1, .person), (2..<3, .person), (6..<7, .person)])
        == ["Smith praise Brown cooperate not", "Jones praise Brown cooperate not"])
    #expect(
      events(
        ["Apple PROPN NNP 2 nsubj|has VERB VBZ 0 root have|Beats PROPN NNP 2 obj|. PUNCT . 2 punct"],
        entities: [(0..<1, .organization), (2..<3, .organization)]
      ).isEmpty)
  }

  @Test func clauseEventsJoinThePatternFindersOnce() {
    let relations = Annotator().annotate(
      text: "Germany attacked France. Pfizer outbid Moderna Inc. for the contract."
    )
    .relations.filter { $0.eventClass != nil }
    #expect(relations.filter { $0.predicate == "attack" }.count == 1)
  }
}
