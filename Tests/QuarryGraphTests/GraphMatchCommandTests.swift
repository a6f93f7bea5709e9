import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphMatchCommandTests {
  func session() -> Session {
    let session = graphSession()
    CurrentGraph.of(session).graph = PatternMatcherTests().news()
    return session
  }

  @Test func columnsAreTheNamedVariables() throws {
    let table = try #require(session().evaluate("graph match '(p:PERSON)-[r:meet]->(q)'").lastTable)
    #expect(table.columns == ["p", "r", "r_date", "r_doc", "q"])
    #expect(table.rows.map { $0.map(\.plainText) } == [["Austin", "meet", "2023-05", "", "Li"]])
    let hops = try #require(
      session().evaluate("graph match '(a {name: \"Austin\"})-[path*2]->(c:GPE)'").lastTable)
    #expect(hops.columns == ["a", "path", "path_hops", "c"])
    #expect(hops.rows.allSatisfy { $0[2].intValue == 2 })
    let unnamed = try #require(session().evaluate("graph match '(:PERSON)-->(:GPE)'").lastTable)
    #expect(unnamed.columns == ["n1", "n2"] && unnamed.rows.count == 2)
  }

  @Test func aBadPatternPointsAtItsColumn() {
    let result = session().evaluate("graph match '(p)-[:meet->(q)'")
    let diagnostic = result.errors.first as? Diagnostic
    #expect(
      diagnostic?.message
        == "bad pattern at column 11: expected ']' to close the relationship started at column 4")
    // The caret sits on the pattern's 11th character, inside the quotes.
    #expect(diagnostic?.span.map { $0.start } == "graph match '".utf8.count + 10)
  }

  @Test func theLimitIsSaidAndTheSessionKeepsItsGraph() throws {
    let session = session()
    let result = session.evaluate("graph match '(a)-[*]-(b)' --limit 3")
    #expect(result.lastTable?.rows.count == 3)
    #expect(session.evaluate("graph match '(('").firstMessage?.hasPrefix("bad pattern at column 2") == true)
    #expect(CurrentGraph.of(session).graph?.kind == "news")
  }
}
