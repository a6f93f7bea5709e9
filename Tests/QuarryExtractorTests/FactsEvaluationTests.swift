import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct FactsEvaluationTests {
  func folder(gold: String) throws -> String {
    let directory = ExtractorTestSupport.temporaryDirectory()
    try FilePaths.write(
      "date 2024-02-14\nJapanese Prime Minister Fumio Kishida met Chinese President Xi Jinping. "
        + "\"We agreed on a lot,\" Kishida said.\n", to: directory + "/a.txt")
    try FilePaths.write(gold, to: directory + "/a.gold.json")
    return directory
  }

  @Test func countsGoldFoundAndCorrectPerKind() throws {
    let directory = try folder(
      gold: """
        {"entities": [{"name": "Fumio Kishida", "type": "PERSON", "aliases": ["Kishida"]},
                      {"name": "Xi Jinping", "type": "PERSON"}, {"name": "Japan", "type": "GPE", "aliases": ["Japanese"]},
                      {"name": "China", "type": "GPE", "aliases": ["Chinese"]}],
         "roles": [{"person": "Fumio Kishida", "title": "Prime Minister"}, {"person": "Xi Jinping", "title": "President"}],
         "memberships": [{"person": "Fumio Kishida", "group": "Japan"}, {"person": "Xi Jinping", "group": "China"}],
         "quotes": [{"speaker": "Fumio Kishida", "text": "We agreed on a lot,"}],
         "relations": [{"subject": "Fumio Kishida", "predicate": "meet", "object": "Xi Jinping"}]}
        """)
    let session = ExtractorTestSupport.session()
    let table = try #require(ExtractorTestSupport.table("facts evaluate \(directory)", session))
    #expect(table.columns == ["kind", "gold", "found", "correct", "precision", "recall"])
    let byKind = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0].plainText, $0) })
    #expect(byKind["entities"]?[1] == .int(4))
    #expect(byKind["roles"]?[3] == .int(2))
    #expect(byKind["memberships"]?[3] == .int(2))
    #expect(byKind["quotes"]?[3] == .int(1))
    #expect(byKind["relations"]?[3] == .int(1))
    #expect(byKind["relations"]?[5] == .float(100))
    let errors = try #require(ExtractorTestSupport.table("facts evaluate \(directory) --errors", session))
    #expect(errors.columns == ["doc", "kind", "error", "fact"])
  }

  @Test func aQuotationAnnotatedByItsFirstWordsMatchesOneThatBeginsWithThem() throws {
    let directory = try folder(
      gold: """
        {"quotes": [{"speaker": "Fumio Kishida", "text": "We agreed…"}], "source": {"set": "elsewhere"}}
        """)
    let session = ExtractorTestSupport.session()
    let table = try #require(ExtractorTestSupport.table("facts evaluate \(directory)", session))
    let quotes = try #require(table.rows.first { $0[0].plainText == "quotes" })
    #expect(quotes[3] == .int(1))
    let matches = FactsEvaluation.matches("quotes")
    let gold = FactsEvaluation.Fact(kind: "quotes", key: "A / we agreed…")
    #expect(matches(gold, FactsEvaluation.Fact(kind: "quotes", key: "A / we agreed on a lot")))
    #expect(!matches(gold, FactsEvaluation.Fact(kind: "quotes", key: "B / we agreed on a lot")))
    #expect(!matches(gold, FactsEvaluation.Fact(kind: "quotes", key: "A / we agree")))
  }

  @Test func badAnnotationsAreClearErrors() throws {
    let directory = try folder(gold: "{\"entities\": [")
    let session = ExtractorTestSupport.session()
    let result = ExtractorTestSupport.run("facts evaluate \(directory)", in: session)
    #expect(result.errors.messages.contains("a.gold.json"))
    let empty = ExtractorTestSupport.temporaryDirectory()
    #expect(
      ExtractorTestSupport.run("facts evaluate \(empty)", in: session).errors.messages.contains(
        "no NAME.gold.json"))
  }

  @Test func quotationsCompareWithoutEdgePunctuationOrCase() {
    #expect(FactsEvaluation.normalised("“We agreed on a lot,”") == "we agreed on a lot")
    #expect(FactsEvaluation.normalised("  ignores our farmers. ") == "ignores our farmers")
  }

  /// The targets on the annotated articles: roles and quotes ≥ 90% recall at ≥ 90%
  /// precision, relations ≥ 75% recall at ≥ 80% precision.
  @Test func theTargetsHoldOnTheAnnotatedArticles() throws {
    let session = ExtractorTestSupport.session()
    let table = try #require(
      ExtractorTestSupport.table("facts evaluate \(ExtractorTestSupport.root)/Scripts/gold", session))
    let byKind = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0].plainText, $0) })
    for (kind, target, floor) in [("roles", 90.0, 90.0), ("quotes", 90.0, 90.0), ("relations", 75.0, 80.0)] {
      let row = try #require(byKind[kind])
      let precision = try #require(row[4].doubleValue)
      let recall = try #require(row[5].doubleValue)
      #expect(recall >= target, "\(kind) recall \(recall)")
      #expect(precision >= floor, "\(kind) precision \(precision) below \(floor)")
    }
  }
}
