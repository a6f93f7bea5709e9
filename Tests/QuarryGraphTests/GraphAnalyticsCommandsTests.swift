import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphAnalyticsCommandsTests {
  func session(_ graph: PropertyGraph = twoTriangles()) -> Session {
    let session = graphSession()
    CurrentGraph.of(session).graph = graph
    return session
  }

  @Test func writeStoresTheResultAsNodeProperties() throws {
    let session = session()
    let result = session.evaluate("graph betweenness --write; graph kcore --write; graph nodes")
    #expect(result.errors.isEmpty)
    let nodes = try #require(result.lastTable)
    #expect(nodes.columns == ["id", "name", "label", "degree", "betweenness", "core"])
    // c and d carry every path between the triangles.
    let c = nodes.rows[2]
    #expect(c[1].plainText == "c" && c[4].doubleValue! > 0.5 && c[5].intValue == 2)
  }

  @Test func communitiesFindTheTwoTriangles() throws {
    for method in ["louvain", "label-propagation"] {
      let table = try #require(session().evaluate("graph communities --method \(method)").lastTable)
      let community = table.rows.map { $0[2].intValue! }
      #expect(community[0] == community[1] && community[1] == community[2], "\(method)")
      #expect(community[3] == community[4] && community[4] == community[5], "\(method)")
      #expect(community[0] != community[3], "\(method)")
    }
    let summary = session().evaluate("graph communities --summary")
    guard case .record(let record)? = summary.values.last else { Issue.record("no record"); return }
    #expect(record["communities"]?.intValue == 2)
    #expect(abs(record["modularity"]!.doubleValue! - 0.357142857) < 1e-6)
    #expect(session().evaluate("graph communities --method magic").firstMessage == "unknown method 'magic'")
  }

  @Test func sampledBetweennessIsExactWithEverySourceAndRepeats() throws {
    let exact = try Betweenness.compute(twoTriangles())
    let all = try Betweenness.compute(twoTriangles(), sources: Array(0..<6))
    for node in 0..<6 { #expect(abs(exact[node] - all[node]) < 1e-12) }
    let session = session()
    let first = try #require(session.evaluate("graph betweenness --samples 3 --seed 4").lastTable)
    let again = try #require(session.evaluate("graph betweenness --samples 3 --seed 4").lastTable)
    #expect(first.rows.map { $0[2].doubleValue! } == again.rows.map { $0[2].doubleValue! })
    #expect(session.evaluate("graph betweenness --samples 0").firstMessage == "--samples must be at least 1")
  }

  @Test func aRunTooLargeIsRefusedWithAnEstimate() {
    // A star of 150,000 nodes: exact betweenness is 150,000 searches of the whole graph.
    var builder = PropertyGraph.Builder()
    let hub = builder.node("hub", label: "N")
    for leaf in 0..<150_000 { builder.edge(hub, builder.node("n\(leaf)", label: "N"), type: "e") }
    let result = session(builder.build(kind: "star")).evaluate("graph betweenness")
    #expect(result.firstMessage?.hasPrefix("exact betweenness of 150,001 nodes would take about") == true)
    #expect((result.errors.first as? Diagnostic)?.help?.contains("--samples") == true)
  }

  @Test func selfLoopsAndEmptyGraphsAreAnswered() throws {
    var builder = PropertyGraph.Builder()
    let a = builder.node("a", label: "N")
    builder.edge(a, a, type: "self")
    let loop = session(builder.build(kind: "loop"))
    let result = loop.evaluate(
      "graph pagerank; graph betweenness; graph closeness; graph kcore; graph clustering; graph communities")
    #expect(result.errors.isEmpty)
    let empty = session(PropertyGraph.Builder().build(kind: "empty"))
    #expect(empty.evaluate("graph degree; graph components; graph communities --summary").errors.isEmpty)
  }
}
