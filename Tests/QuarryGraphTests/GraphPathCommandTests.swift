import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphPathCommandTests {
  @Test func aTableOfPairsIsAnsweredRowByRow() throws {
    let session = graphSession()
    CurrentGraph.of(session).graph = twoTriangles()
    let result = session.evaluate("[{from: a, to: f}, {from: b, to: c}, {from: a, to: a}] | graph path")
    let table = try #require(result.lastTable)
    #expect(table.columns.first == "pair")
    // a to f is three hops (a-c, c-d, d-f); b to c one; a to a none.
    #expect(table.rows.filter { $0[0].intValue == 1 }.count == 3)
    #expect(table.rows.filter { $0[0].intValue == 2 }.count == 1)
    #expect(table.rows.filter { $0[0].intValue == 3 }.isEmpty)
    // The same answers as one query at a time.
    let one = try #require(session.evaluate("graph path a f").lastTable)
    #expect(
      one.rows.map { Array($0[2...4]).map(\.plainText) }
        == table.rows.prefix(3).map { Array($0[3...5]).map(\.plainText) })
    let unknown = session.evaluate("[{from: a, to: zz}] | graph path")
    #expect(unknown.firstMessage == "row 1: no node named 'zz' in the graph")
    #expect(
      session.evaluate("graph path").firstMessage
        == "'graph path' needs two nodes, or a table of pairs piped in")
  }
}
