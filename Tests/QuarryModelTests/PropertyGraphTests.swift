import QuarryCore
import QuarryModel
import Testing

@Suite struct PropertyGraphTests {
  func triangle() -> PropertyGraph {
    var builder = PropertyGraph.Builder()
    let a = builder.node("A", label: "PERSON")
    let b = builder.node("B", label: "ORG")
    let c = builder.node("C", label: "GPE")
    #expect(builder.node("A", label: "ORG") == a)  // names are unique
    builder.edge(a, b, type: "member_of", document: "d1", sentence: 2, date: "2024-01")
    builder.edge(b, c, type: "based_in")
    builder.edge(a, c, type: "visit")
    builder.edge(a, c, type: "visit")  // multi-edges stay
    builder.edge(c, c, type: "self")
    return builder.build(kind: "test")
  }

  @Test func adjacencyIsCompressedBothWays() {
    let graph = triangle()
    #expect(graph.nodeCount == 3)
    #expect(graph.edgeCount == 5)
    let a = graph.node(named: "A")!
    let c = graph.node(named: "C")!
    #expect(graph.outgoing(a).map { graph.edgeType(Int($0)) } == ["member_of", "visit", "visit"])
    #expect(graph.incoming(c).count == 4)
    #expect(graph.outgoing(c).count == 1)
    #expect(graph.outOffsets == [0, 3, 4, 5])
    #expect(graph.node(named: "D") == nil)
  }

  @Test func tablesAndSummary() {
    let graph = triangle()
    #expect(graph.summary == "test graph: 3 nodes, 5 edges")
    #expect(graph.nodesTable().columns == ["id", "name", "label", "out", "in"])
    let edges = graph.edgesTable()
    #expect(edges.columns == ["source", "type", "target", "weight", "date", "doc", "sentence"])
    #expect(edges.rows[0][4].plainText == "2024-01")
    #expect(graph.asTable() == nil)
  }

  @Test func anEmptyGraphIsFine() {
    let graph = PropertyGraph.Builder().build(kind: "empty")
    #expect(graph.nodeCount == 0 && graph.edgeCount == 0)
    #expect(graph.outOffsets == [0])
  }
}
