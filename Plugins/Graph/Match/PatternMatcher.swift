import QuarryCore
import QuarryModel

/// Finds the places in a graph that fit a `GraphPattern`, by depth-first search from
/// each node that fits the pattern's more selective end. As in Cypher, one match uses an
/// edge at most once; a variable named twice must be the same node each time.
struct PatternMatcher {
  /// The nodes and the edges (one list per relationship, since a relationship may take
  /// several hops) of one match, in the pattern's order.
  struct Match {
    var nodes: [Int32]
    var edges: [[Int32]]
  }

  let graph: PropertyGraph
  let pattern: GraphPattern
  /// Variable-length relationships stop at this many hops.
  static let hopLimit = 100

  /// Up to `limit` matches; whether the limit cut the search short.
  func matches(limit: Int) throws(Interrupted) -> (matches: [Match], truncated: Bool) {
    // Start from the end that fewer nodes fit.
    let first = candidates(pattern.nodes[0])
    let last = pattern.nodes.count > 1 ? candidates(pattern.nodes[pattern.nodes.count - 1]) : first
    let reversed = last.count < first.count
    var search = Search(
      graph: graph, pattern: reversed ? pattern.reversed : pattern, limit: limit,
      fits: { node, index in self.fits(node, (reversed ? pattern.reversed : pattern).nodes[index]) })
    for (count, start) in (reversed ? last : first).enumerated() {
      if count & 0xFFF == 0 { try Interrupt.check() }
      search.start(at: start)
      if search.found.count >= limit { break }
    }
    guard reversed else { return (search.found, search.truncated) }
    return (
      search.found.map {
        Match(nodes: $0.nodes.reversed(), edges: $0.edges.reversed().map { $0.reversed() })
      },
      search.truncated
    )
  }

  private func candidates(_ node: GraphPattern.Node) -> [Int32] {
    if let name = node.properties.first(where: { $0.0 == "name" })?.1.stringValue {
      return graph.node(named: name).map { fits($0, node) ? [$0] : [] } ?? []
    }
    return (0..<Int32(graph.nodeCount)).filter { fits($0, node) }
  }

  func fits(_ node: Int32, _ wanted: GraphPattern.Node) -> Bool {
    if !wanted.labels.isEmpty && !wanted.labels.contains(graph.nodeLabels[Int(node)]) { return false }
    for (key, value) in wanted.properties {
      let actual: Value =
        switch key {
        case "name": .string(graph.nodeNames[Int(node)])
        case "label": .string(graph.nodeLabels[Int(node)])
        default: graph.nodeProperties.value(key, at: Int(node))
        }
      if !actual.isEqual(to: value) { return false }
    }
    return true
  }

  private struct Search {
    let graph: PropertyGraph
    let pattern: GraphPattern
    let limit: Int
    let fits: (Int32, Int) -> Bool
    var found: [Match] = []
    var truncated = false
    private var nodes: [Int32]
    private var edges: [[Int32]]
    /// The first position of each variable named more than once.
    private let sameAs: [Int?]

    init(graph: PropertyGraph, pattern: GraphPattern, limit: Int, fits: @escaping (Int32, Int) -> Bool) {
      self.graph = graph
      self.pattern = pattern
      self.limit = limit
      self.fits = fits
      nodes = Array(repeating: -1, count: pattern.nodes.count)
      edges = Array(repeating: [], count: pattern.relationships.count)
      var firstPosition: [String: Int] = [:]
      sameAs = pattern.nodes.enumerated().map { position, node in
        guard let variable = node.variable else { return nil }
        if let earlier = firstPosition[variable] { return earlier }
        firstPosition[variable] = position
        return nil
      }
    }

    mutating func start(at node: Int32) {
      nodes[0] = node
      extend(from: 0)
    }

    private mutating func extend(from position: Int) {
      if position == pattern.relationships.count {
        if found.count < limit {
          found.append(Match(nodes: nodes, edges: edges))
        } else {
          truncated = true
        }
        return
      }
      walk(position, from: nodes[position], hops: 0)
    }

    /// Takes relationship `position` one more hop from `node`, or stops here when enough
    /// hops are taken and the next node fits.
    private mutating func walk(_ position: Int, from node: Int32, hops: Int) {
      guard !truncated else { return }
      let relationship = pattern.relationships[position]
      if hops >= relationship.minimumHops && fitsNext(node, position + 1) {
        nodes[position + 1] = node
        extend(from: position + 1)
      }
      let maximum = min(relationship.maximumHops ?? PatternMatcher.hopLimit, PatternMatcher.hopLimit)
      guard hops < maximum else { return }
      let either = relationship.direction == .either || !graph.isDirected
      if relationship.direction == .out || either {
        for edge in graph.outgoing(node) where usable(edge, relationship) {
          step(position, along: edge, to: graph.edgeTargets[Int(edge)], hops: hops)
        }
      }
      if relationship.direction == .in || either {
        for edge in graph.incoming(node) where usable(edge, relationship) {
          // A self-loop was taken from the outgoing side already.
          if either && graph.edgeSources[Int(edge)] == node { continue }
          step(position, along: edge, to: graph.edgeSources[Int(edge)], hops: hops)
        }
      }
    }

    private mutating func step(_ position: Int, along edge: Int32, to next: Int32, hops: Int) {
      edges[position].append(edge)
      walk(position, from: next, hops: hops + 1)
      edges[position].removeLast()
    }

    private func fitsNext(_ node: Int32, _ position: Int) -> Bool {
      if let earlier = sameAs[position], nodes[earlier] != node { return false }
      return fits(node, position)
    }

    /// Of the right type and properties, and not used elsewhere in this match.
    private func usable(_ edge: Int32, _ relationship: GraphPattern.Relationship) -> Bool {
      if !relationship.types.isEmpty && !relationship.types.contains(graph.edgeType(Int(edge))) {
        return false
      }
      for (key, value) in relationship.properties {
        let actual: Value =
          switch key {
          case "type": .string(graph.edgeType(Int(edge)))
          case "weight": .float(graph.edgeWeights[Int(edge)])
          case "date": graph.edgeDate(Int(edge)).map(Value.string) ?? .null
          case "doc": graph.edgeDocument(Int(edge)).map(Value.string) ?? .null
          case "sentence": graph.edgeSentence(Int(edge)).map(Value.int) ?? .null
          default: graph.edgeProperties.value(key, at: Int(edge))
          }
        if !actual.isEqual(to: value) { return false }
      }
      for used in edges where used.contains(edge) { return false }
      return true
    }
  }
}
