import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphSubgraphCommandsTests {
  func session() -> Session {
    let session = graphSession()
    CurrentGraph.of(session).graph = twoTriangles()
    return session
  }

  @Test func egoKeepsTheNodesWithinTheRadiusAndTheirEdges() throws {
    let session = session()
    let one = try #require(session.evaluate("graph ego a").lastGraph)
    #expect(Set(one.nodeNames) == ["a", "b", "c"] && one.edgeCount == 3)
    let two = try #require(session.evaluate("graph ego a --radius 2").lastGraph)
    #expect(two.nodeCount == 4 && two.edgeCount == 4)
    let zero = try #require(session.evaluate("graph ego a --radius 0").lastGraph)
    #expect(zero.nodeNames == ["a"])
    // The current graph is unchanged.
    #expect(CurrentGraph.of(session).graph?.nodeCount == 6)
  }

  @Test func subgraphByNamesLabelsClosuresAndPipes() throws {
    let session = session()
    #expect(try #require(session.evaluate("graph subgraph c d").lastGraph).edgeCount == 1)
    #expect(try #require(session.evaluate("[a b c] | graph subgraph").lastGraph).edgeCount == 3)
    let core = try #require(session.evaluate("graph kcore | where core >= 2 | graph subgraph").lastGraph)
    #expect(core.nodeCount == 6)
    let busy = try #require(session.evaluate("graph subgraph --where {|n| $n.degree > 2}").lastGraph)
    #expect(Set(busy.nodeNames) == ["c", "d"])
    #expect(try #require(session.evaluate("graph subgraph --label OTHER").lastGraph).nodeCount == 0)
    #expect(try #require(session.evaluate("graph subgraph --edge-type other").lastGraph).edgeCount == 0)
    let missing = session.evaluate("graph subgraph a zz")
    #expect(missing.firstMessage == "no node named 'zz' in the graph")
  }

  @Test func subgraphKeepsPropertiesWrittenBefore() throws {
    let session = session()
    _ = session.evaluate("graph pagerank --write")
    let part = try #require(session.evaluate("graph subgraph a b").lastGraph)
    #expect(part.nodeProperties.names == ["pagerank"])
    #expect(part.nodeProperties.value("pagerank", at: 0).doubleValue != nil)
  }
}
