import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct NodeLinkWriterTests {
  func write(_ graph: PropertyGraph) throws -> String {
    try exported("graph.json") {
      try NodeLinkWriter(graph: graph, schema: try ExportSchema(graph)).write(to: $0)
    }
  }

  @Test(.enabled(if: Readers.available(Readers.python)))
  func hostileNamesRoundTripThroughNetworkxUnchanged() throws {
    let graph = hostileGraph()
    let back = ReadBack(try Readers.readBack("json", try write(graph)))
    // JSON holds every character, NUL included: nothing is replaced.
    try expectHostileNodes(back, graph, names: { $0 })
    for (index, name) in graph.nodeNames.enumerated() {
      let aliases = back.property(name, "aliases") as? [String]
      #expect(aliases == [hostileNames[(index + 1) % hostileNames.count], "alias;\(index)"])
    }
    #expect(back.edgeKeys == edgeKeys(graph))
  }

  /// d3 reads the file with JSON.parse and links edges to nodes by id.
  @Test func everyEdgeNamesNodesThatExist() throws {
    let graph = hostileGraph()
    let data = try #require(FileManager.default.contents(atPath: try write(graph)))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    let ids = Set(nodes.compactMap { $0["id"] as? String })
    #expect(ids.count == graph.nodeCount)
    let edges = try #require(object["edges"] as? [[String: Any]])
    #expect(edges.count == graph.edgeCount)
    #expect(
      edges.allSatisfy {
        ids.contains($0["source"] as? String ?? "?") && ids.contains($0["target"] as? String ?? "?")
      })
    #expect(object["directed"] as? Bool == true)
    #expect(object["multigraph"] as? Bool == true)
  }

  @Test func nonFiniteNumbersAreNull() throws {
    var builder = PropertyGraph.Builder()
    _ = builder.node("a", label: "N")
    builder.nodeProperties.set("score", [.float(.nan)])
    let text = contents(try write(builder.build(kind: "test")))
    #expect(text.contains(#"{"id": "a", "type": "N", "score": null}"#))
  }
}
