import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct ClausesCommandTests {
  @Test func clausesHaveTheirColumnsAndFilters() throws {
    let session = ExtractorTestSupport.extractedSample()
    let all = try #require(ExtractorTestSupport.table("clauses", session))
    #expect(
      Array(all.columns.prefix(5)) == ["subject", "predicate", "object", "arguments", "negated"])
    #expect(
      all.columns.contains("doc") && all.columns.contains("sentence") && all.columns.contains("evidence"))
    #expect(all.rows.count > 20)
    let declined = try #require(ExtractorTestSupport.table("clauses --predicate decline", session))
    #expect(!declined.rows.isEmpty)
    #expect(declined.rows.allSatisfy { $0[1] == .string("decline") })
    let column = { (table: Table, name: String) in table.columns.firstIndex(of: name)! }
    let named = try #require(ExtractorTestSupport.table("clauses --named", session))
    #expect(!named.rows.isEmpty)
    #expect(
      named.rows.allSatisfy {
        $0[column(named, "subject_entity")] != .null && $0[column(named, "object_entity")] != .null
      })
    let china = try #require(ExtractorTestSupport.table("clauses --about China", session))
    #expect(!china.rows.isEmpty && china.rows.count < all.rows.count)
    let copulas = try #require(ExtractorTestSupport.table("clauses --kind apposition", session))
    #expect(copulas.rows.allSatisfy { $0[1] == .string("be") })
  }

  @Test func argumentsAreARecordAndEvidenceIsOneLine() throws {
    let session = ExtractorTestSupport.extractedSample()
    let all = try #require(ExtractorTestSupport.table("clauses", session))
    let arguments = all.columns.firstIndex(of: "arguments")!
    let evidence = all.columns.firstIndex(of: "evidence")!
    #expect(
      all.rows.allSatisfy {
        if case .record = $0[arguments] { true } else { false }
      })
    #expect(all.rows.allSatisfy { !$0[evidence].plainText.contains("\n") })
  }

  @Test func badFlagsAreClearErrors() {
    let session = ExtractorTestSupport.extractedSample()
    let kind = ExtractorTestSupport.run("clauses --kind verbs", in: session)
    #expect(kind.errors.messages.contains("unknown clause kind 'verbs'"))
    let about = ExtractorTestSupport.run("clauses --about Chian", in: session)
    #expect(about.errors.messages.contains("no entity named 'Chian'"))
  }

  @Test func oneLineJoinsWhiteSpace() {
    let scalars = Array("a\n\n  b c ".unicodeScalars)
    #expect(ClausesCommand.oneLine(scalars, 0, scalars.count) == "a b c")
  }
}
