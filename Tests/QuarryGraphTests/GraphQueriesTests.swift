import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphQueriesTests {
  /// A chain A → B → C → D, and E alone.
  func chain() -> PropertyGraph {
    var builder = PropertyGraph.Builder()
    let names = ["A", "B", "C", "D", "E"].map { builder.node($0, label: "PERSON") }
    builder.edge(names[0], names[1], type: "meet")
    builder.edge(names[1], names[2], type: "meet")
    builder.edge(names[2], names[3], type: "visit")
    return builder.build(kind: "test")
  }

  @Test func neighborsByDepthAndDirection() {
    let graph = chain()
    let b = graph.node(named: "B")!
    let both = GraphQueries.neighbors(graph, of: b, depth: 1, direction: .both).map {
      graph.nodeNames[Int($0.node)]
    }
    #expect(Set(both) == ["A", "C"])
    let out = GraphQueries.neighbors(graph, of: b, depth: 5, direction: .out).map {
      ($0.distance, graph.nodeNames[Int($0.node)])
    }
    #expect(out.map(\.1) == ["C", "D"])
    #expect(out.map(\.0) == [1, 2])
    // A huge depth is answered: the walk ends when nothing new is reached.
    #expect(GraphQueries.neighbors(graph, of: b, depth: 1_000_000, direction: .both).count == 3)
  }

  @Test func shortestPathsAndNone() {
    let graph = chain()
    let a = graph.node(named: "A")!
    let d = graph.node(named: "D")!
    let e = graph.node(named: "E")!
    let path = GraphQueries.shortestPath(graph, from: d, to: a, direction: .both)!
    #expect(path.map { graph.edgeType(Int($0)) } == ["visit", "meet", "meet"])
    #expect(GraphQueries.shortestPath(graph, from: d, to: a, direction: .out) == nil)
    #expect(GraphQueries.shortestPath(graph, from: a, to: e, direction: .both) == nil)
    #expect(GraphQueries.shortestPath(graph, from: a, to: a, direction: .both) == [])
  }

  @Test func componentsCountIsolatedNodes() {
    let components = ConnectedComponents.compute(chain(), strong: false)
    #expect(Set(components).count == 2)
    #expect(components.filter { $0 == 0 }.count == 4)
  }
}
