import QuarryModel

/// Breadth-first walks over a `PropertyGraph`.
enum GraphQueries {
  enum Direction: String, CaseIterable {
    case out, `in`, both
  }

  /// Nodes within `depth` hops of `start`, with their distance and the edge that first
  /// reached them, in order of distance.
  static func neighbors(_ graph: PropertyGraph, of start: Int32, depth: Int, direction: Direction)
    -> [(node: Int32, distance: Int, via: Int32)]
  {
    var distance = [Int32](repeating: -1, count: graph.nodeCount)
    distance[Int(start)] = 0
    var frontier = [start]
    var found: [(node: Int32, distance: Int, via: Int32)] = []
    var level = 0
    while !frontier.isEmpty && level < depth {
      level += 1
      var next: [Int32] = []
      for node in frontier {
        for (edge, other) in steps(graph, from: node, direction: direction) where distance[Int(other)] < 0 {
          distance[Int(other)] = Int32(level)
          next.append(other)
          found.append((other, level, edge))
        }
      }
      frontier = next
    }
    return found
  }

  /// The edges a walk may take from `node`, with the node at the other end.
  static func steps(_ graph: PropertyGraph, from node: Int32, direction: Direction) -> [(Int32, Int32)] {
    var result: [(Int32, Int32)] = []
    if direction != .in {
      for edge in graph.outgoing(node) { result.append((edge, graph.edgeTargets[Int(edge)])) }
    }
    if direction != .out {
      for edge in graph.incoming(node) { result.append((edge, graph.edgeSources[Int(edge)])) }
    }
    return result
  }

  /// The fewest hops from `source` to `target`, following edges either way: the edge ids
  /// in order, or nil when no path joins them.
  static func shortestPath(_ graph: PropertyGraph, from source: Int32, to target: Int32, direction: Direction)
    -> [Int32]?
  {
    if source == target { return [] }
    var via = [Int32](repeating: -1, count: graph.nodeCount)
    var seen = [Bool](repeating: false, count: graph.nodeCount)
    seen[Int(source)] = true
    var frontier = [source]
    while !frontier.isEmpty {
      var next: [Int32] = []
      for node in frontier {
        for (edge, other) in steps(graph, from: node, direction: direction) where !seen[Int(other)] {
          seen[Int(other)] = true
          via[Int(other)] = edge
          if other == target {
            var path: [Int32] = []
            var current = target
            while current != source {
              let step = via[Int(current)]
              path.append(step)
              let a = graph.edgeSources[Int(step)]
              current = a == current ? graph.edgeTargets[Int(step)] : a
            }
            return path.reversed()
          }
          next.append(other)
        }
      }
      frontier = next
    }
    return nil
  }

  /// Weakly connected components: the number of them and the size of the largest.
  static func components(_ graph: PropertyGraph) -> (count: Int, largest: Int) {
    var seen = [Bool](repeating: false, count: graph.nodeCount)
    var count = 0
    var largest = 0
    for start in 0..<graph.nodeCount where !seen[start] {
      count += 1
      seen[start] = true
      var stack = [Int32(start)]
      var size = 0
      while let node = stack.popLast() {
        size += 1
        for (_, other) in steps(graph, from: node, direction: .both) where !seen[Int(other)] {
          seen[Int(other)] = true
          stack.append(other)
        }
      }
      largest = max(largest, size)
    }
    return (count, largest)
  }
}
