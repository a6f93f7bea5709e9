import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

/// Quarry's analytics against networkx's answers on the same graphs (written by
/// Scripts/graph-fixtures): degrees, components, k-cores, triangles and path lengths
/// exactly; PageRank, betweenness, closeness and clustering within 1e-6; Louvain's
/// modularity within 1% of networkx's.
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
    var betweenness: [String: Double]
    var betweenness_weighted: [String: Double]
    var betweenness_raw: [String: Double]
    var closeness: [String: Double]
    var closeness_weighted: [String: Double]
    var core: [String: Int]
    var triangles: [String: Int]
    var clustering: [String: Double]
    var paths: [PathLength]
    var louvain_modularity: Double
    var split: [String: Int]
    var split_modularity: Double
    var split_modularity_2: Double?
    var description: String { name }

    struct PathLength: Decodable {
      var from: String
      var to: String
      var hops: Int?
      var weighted: Double?
      var paths: Int
    }

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

  /// Three blocks of random edges, and nodes no edge touches, come out as they are.
  @Test func componentsOfALargeGraphAreItsBlocks() {
    var builder = PropertyGraph.Builder()
    var generator = SeededGenerator(state: 7)
    let block = 20_000
    for node in 0..<(3 * block + 5) { _ = builder.node("n\(node)", label: "N") }
    for edge in 0..<240_000 {
      let base = Int32((edge % 3) * block)
      // A chain through each block, then random edges inside it.
      let (a, b): (Int32, Int32) =
        edge < 3 * block
        ? (base + Int32(edge / 3), base + Int32((edge / 3 + 1) % block))
        : (
          base + Int32.random(in: 0..<Int32(block), using: &generator),
          base + Int32.random(in: 0..<Int32(block), using: &generator)
        )
      builder.edge(a, b, type: "r")
    }
    let numbers = ConnectedComponents.compute(builder.build(kind: "blocks", directed: false), strong: false)
    var sizes: [Int: Int] = [:]
    for number in numbers { sizes[number, default: 0] += 1 }
    #expect(sizes.values.sorted() == [1, 1, 1, 1, 1, block, block, block])
    #expect(numbers[0] == 0 && numbers[block] == 1 && numbers[2 * block] == 2)
  }

  /// Against a plain search, on random graphs with one large component and many small
  /// ones (which the shortcut for the largest leaves to the full pass), both directed and
  /// not, with self-loops and parallel edges.
  @Test(arguments: [false, true])
  func componentsMatchASearch(directed: Bool) {
    var generator = SeededGenerator(state: directed ? 11 : 12)
    for round in 0..<20 {
      var builder = PropertyGraph.Builder()
      let count = 200 + round * 150
      for node in 0..<count { _ = builder.node("n\(node)", label: "N") }
      let large = Int32(count / 2)
      for _ in 0..<count {
        // Half the nodes joined densely; the rest in pairs and short chains.
        let a = Int32.random(in: 0..<large, using: &generator)
        builder.edge(a, Int32.random(in: 0..<large, using: &generator), type: "r")
        let b = Int32.random(in: large..<Int32(count), using: &generator)
        if Int.random(in: 0..<3, using: &generator) == 0 {
          builder.edge(b, min(Int32(count - 1), b + 1), type: "r")
        }
      }
      let graph = builder.build(kind: "random", directed: directed)
      let numbers = ConnectedComponents.compute(graph, strong: false)
      var reference = [Int](repeating: -1, count: count)
      var found = 0
      for start in 0..<count where reference[start] < 0 {
        var stack = [start]
        reference[start] = found
        while let node = stack.popLast() {
          for edge in graph.outgoing(Int32(node)) + graph.incoming(Int32(node)) {
            for end in [graph.edgeSources[Int(edge)], graph.edgeTargets[Int(edge)]]
            where reference[Int(end)] < 0 {
              reference[Int(end)] = found
              stack.append(Int(end))
            }
          }
        }
        found += 1
      }
      // The same partition: the numbers match one to one.
      var pairs = Set<[Int]>()
      for node in 0..<count { pairs.insert([numbers[node], reference[node]]) }
      #expect(pairs.count == found && Set(numbers).count == found, "round \(round)")
    }
  }

  @Test func thereAreFixtures() { #expect(Self.fixtures.count >= 3) }

  @Test(arguments: fixtures)
  func degreesMatch(_ fixture: Fixture) {
    let graph = fixture.graph()
    let plain = Degree.compute(graph, weighted: false)
    let weighted = Degree.compute(graph, weighted: true)
    for (node, name) in graph.nodeNames.enumerated() {
      #expect(Int(plain.in[node]) == fixture.in_degree[name], "\(name)")
      #expect(Int(plain.out[node]) == fixture.out_degree[name], "\(name)")
      #expect(abs(weighted.in[node] - fixture.weighted_in_degree[name]!) < 1e-9, "\(name)")
    }
  }

  @Test(arguments: fixtures)
  func pageRankMatches(_ fixture: Fixture) throws {
    let graph = fixture.graph()
    for (weighted, expected) in [(true, fixture.pagerank), (false, fixture.pagerank_unweighted)] {
      let result = try PageRank.compute(graph, tolerance: 1e-10, maxIterations: 1000, weighted: weighted)
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
      let numbers = ConnectedComponents.compute(graph, strong: strong)
      var groups: [Int: [String]] = [:]
      for (node, number) in numbers.enumerated() { groups[number, default: []].append(graph.nodeNames[node]) }
      let partition = groups.values.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
      #expect(partition == expected, "strong: \(strong)")
      // Numbered largest first.
      let sizes = (0..<groups.count).map { groups[$0]!.count }
      #expect(sizes == sizes.sorted(by: >))
    }
  }

  /// Each node's value against networkx's, within `tolerance`.
  func expectClose(
    _ values: [Double], _ expected: [String: Double], _ graph: PropertyGraph, tolerance: Double = 1e-6,
    _ what: String
  ) {
    for (node, name) in graph.nodeNames.enumerated() {
      #expect(abs(values[node] - expected[name]!) < tolerance, "\(what) of \(name): \(values[node])")
    }
  }

  @Test(arguments: fixtures)
  func betweennessMatches(_ fixture: Fixture) throws {
    let graph = fixture.graph()
    expectClose(try Betweenness.compute(graph), fixture.betweenness, graph, "betweenness")
    expectClose(
      try Betweenness.compute(graph, weighted: true), fixture.betweenness_weighted, graph, "weighted")
    expectClose(try Betweenness.compute(graph, normalized: false), fixture.betweenness_raw, graph, "raw")
  }

  @Test(arguments: fixtures)
  func closenessMatches(_ fixture: Fixture) throws {
    let graph = fixture.graph()
    expectClose(try Closeness.compute(graph), fixture.closeness, graph, "closeness")
    expectClose(try Closeness.compute(graph, weighted: true), fixture.closeness_weighted, graph, "weighted")
  }

  @Test(arguments: fixtures)
  func coresTrianglesAndClusteringMatch(_ fixture: Fixture) throws {
    let graph = fixture.graph()
    let core = CoreNumber.compute(graph)
    let triangles = try Triangles.count(graph)
    let clustering = Triangles.clustering(graph, triangles: triangles)
    for (node, name) in graph.nodeNames.enumerated() {
      #expect(core[node] == fixture.core[name], "core of \(name)")
      #expect(triangles[node] == fixture.triangles[name], "triangles of \(name)")
    }
    expectClose(clustering, fixture.clustering, graph, "clustering")
  }

  @Test(arguments: fixtures)
  func pathLengthsMatch(_ fixture: Fixture) {
    let graph = fixture.graph()
    for pair in fixture.paths {
      let from = graph.node(named: pair.from)!
      let to = graph.node(named: pair.to)!
      let hops = GraphQueries.shortestPath(graph, from: from, to: to, direction: .out)
      #expect(hops?.count == pair.hops, "\(pair.from) → \(pair.to)")
      let lightest = GraphQueries.lightestPath(graph, from: from, to: to, direction: .out)
      if let weighted = pair.weighted {
        #expect(abs((lightest?.weight ?? .infinity) - weighted) < 1e-9, "\(pair.from) → \(pair.to)")
      } else {
        #expect(lightest == nil)
      }
      let all = GraphQueries.allShortestPaths(graph, from: from, to: to, direction: .out, limit: 10_000)
      #expect(all.count == pair.paths, "all paths \(pair.from) → \(pair.to)")
      // Every path found walks edge to edge from the source to the target.
      for path in all + [hops ?? []] where !path.isEmpty {
        var at = from
        for edge in path {
          let (source, target) = (graph.edgeSources[Int(edge)], graph.edgeTargets[Int(edge)])
          #expect(source == at || (!graph.isDirected && target == at))
          at = source == at ? target : source
        }
        #expect(at == to)
      }
    }
  }

  @Test(arguments: fixtures)
  func modularityMatches(_ fixture: Fixture) throws {
    let graph = fixture.graph()
    let split = graph.nodeNames.map { fixture.split[$0] ?? 0 }
    #expect(abs(Louvain.modularity(graph, split) - fixture.split_modularity) < 1e-9)
    if let atTwo = fixture.split_modularity_2 {
      #expect(abs(Louvain.modularity(graph, split, resolution: 2) - atTwo) < 1e-9)
    }
    // Both sides' mean over twenty seeds: Louvain finds local optima that depend on order.
    var total = 0.0
    for seed in 0..<20 {
      total += Louvain.modularity(graph, try Louvain.communities(graph, seed: UInt64(seed)))
    }
    let quality = total / 20
    #expect(quality >= fixture.louvain_modularity - 0.01 * abs(fixture.louvain_modularity), "\(quality)")
  }

  @Test func aLongChainDoesNotOverflowTheStack() {
    var builder = PropertyGraph.Builder()
    var previous = builder.node("0", label: "N")
    for number in 1..<200_000 {
      let node = builder.node(String(number), label: "N")
      builder.edge(previous, node, type: "next")
      previous = node
    }
    let numbers = ConnectedComponents.compute(builder.build(kind: "chain"), strong: true)
    #expect(Set(numbers).count == 200_000)
  }
}
