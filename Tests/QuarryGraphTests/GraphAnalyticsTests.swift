import Foundation
import QuarryModel
import Testing

@testable import QuarryGraph

/// Quarry's analytics against networkx's answers on the same graphs (written by
/// Scripts/graph-fixtures): degrees and components exactly, PageRank within 1e-6.
@Suite struct GraphAnalyticsTests {
  struct Fixture: Decodable, CustomStringConvertible {
    var name: String
    var directed: Bool
    var nodes: [String]
    var edges: [[Edge]]
    var in_degree: [String: Int]
    var out_degree: [String: Int]
    var weighted_in_degree: [String: Double]
    var pagerank: [String: Double]
    var pagerank_unweighted: [String: Double]
    var weak: [[String]]
    var strong: [[String]]
    var description: String { name }

    enum Edge: Decodable {
      case name(String)
      case weight(Double)
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
          self = .name(text)
        } else {
          self = .weight(try container.decode(Double.self))
        }
      }
    }

    func graph() -> PropertyGraph {
      var builder = PropertyGraph.Builder()
      for node in nodes { builder.node(node, label: "NODE") }
      for edge in edges {
        guard case .name(let source) = edge[0], case .name(let target) = edge[1],
          case .weight(let weight) = edge[2]
        else { continue }
        builder.edge(
          builder.node(source, label: "NODE"), builder.node(target, label: "NODE"), type: "e", weight: weight)
      }
      return builder.build(kind: name, directed: directed)
    }
  }

  static let fixtures: [Fixture] = {
    var path = #filePath
    path = String(path[..<path.lastIndex(of: "/")!]) + "/Fixtures/networkx.json"
    struct File: Decodable { var graphs: [Fixture] }
    guard let data = FileManager.default.contents(atPath: path),
      let file = try? JSONDecoder().decode(File.self, from: data)
    else { return [] }
    return file.graphs
  }()

  @Test func thereAreFixtures() { #expect(Self.fixtures.count >= 3) }

  @Test(arguments: fixtures)
  func degreesMatch(_ fixture: Fixture) {
    let graph = fixture.graph()
    let plain = GraphAnalytics.degrees(graph, weighted: false)
    let weighted = GraphAnalytics.degrees(graph, weighted: true)
    for (node, name) in graph.nodeNames.enumerated() {
      #expect(Int(plain.in[node]) == fixture.in_degree[name], "\(name)")
      #expect(Int(plain.out[node]) == fixture.out_degree[name], "\(name)")
      #expect(abs(weighted.in[node] - fixture.weighted_in_degree[name]!) < 1e-9, "\(name)")
    }
  }

  @Test(arguments: fixtures)
  func pageRankMatches(_ fixture: Fixture) {
    let graph = fixture.graph()
    for (weighted, expected) in [(true, fixture.pagerank), (false, fixture.pagerank_unweighted)] {
      let result = GraphAnalytics.pageRank(graph, tolerance: 1e-10, maxIterations: 1000, weighted: weighted)
      #expect(result.converged)
      for (node, name) in graph.nodeNames.enumerated() {
        #expect(abs(result.ranks[node] - expected[name]!) < 1e-6, "\(name): \(result.ranks[node])")
      }
    }
  }

  @Test(arguments: fixtures)
  func componentsMatch(_ fixture: Fixture) {
    let graph = fixture.graph()
    for (strong, expected) in [(false, fixture.weak), (true, fixture.strong)] {
      let numbers = GraphAnalytics.components(graph, strong: strong)
      var groups: [Int: [String]] = [:]
      for (node, number) in numbers.enumerated() { groups[number, default: []].append(graph.nodeNames[node]) }
      let partition = groups.values.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
      #expect(partition == expected, "strong: \(strong)")
      // Numbered largest first.
      let sizes = (0..<groups.count).map { groups[$0]!.count }
      #expect(sizes == sizes.sorted(by: >))
    }
  }

  @Test func aLongChainDoesNotOverflowTheStack() {
    var builder = PropertyGraph.Builder()
    var previous = builder.node("0", label: "N")
    for number in 1..<200_000 {
      let node = builder.node(String(number), label: "N")
      builder.edge(previous, node, type: "next")
      previous = node
    }
    let numbers = GraphAnalytics.components(builder.build(kind: "chain"), strong: true)
    #expect(Set(numbers).count == 200_000)
  }
}
