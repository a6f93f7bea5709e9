import QuarryModel

/// The k-core number of every node, as networkx's `core_number` computes it on the simple
/// graph (parallel edges merged, self-loops left out): the largest k such that the node
/// belongs to a subgraph where every node has degree at least k. In a directed graph the
/// degree is in plus out. Batagelj and Zaversnik's bucket algorithm, O(edges).
enum CoreNumber {
  static func compute(_ graph: PropertyGraph) -> [Int] {
    let count = graph.nodeCount
    let views =
      graph.isDirected
      ? [
        graph.adjacency(.init(.out, parallel: .sum, selfLoops: false)),
        graph.adjacency(.init(.in, parallel: .sum, selfLoops: false)),
      ]
      : [graph.adjacency(.init(.both, parallel: .sum, selfLoops: false))]
    var degree = [Int](repeating: 0, count: count)
    for view in views {
      for node in 0..<count { degree[node] += view.degree(node) }
    }
    let maxDegree = degree.max() ?? 0
    // Nodes sorted by degree, with where each degree's bucket starts.
    var bucketStart = [Int](repeating: 0, count: maxDegree + 2)
    for node in 0..<count { bucketStart[degree[node] + 1] += 1 }
    for value in 0...maxDegree { bucketStart[value + 1] += bucketStart[value] }
    var position = [Int](repeating: 0, count: count)
    var sorted = [Int](repeating: 0, count: count)
    var fill = bucketStart
    for node in 0..<count {
      position[node] = fill[degree[node]]
      sorted[position[node]] = node
      fill[degree[node]] += 1
    }
    for index in 0..<count {
      let node = sorted[index]
      for view in views {
        for entry in view.range(node) {
          let other = Int(view.neighbors[entry])
          guard degree[other] > degree[node] else { continue }
          // Move `other` to the front of its bucket, then shrink its degree by one.
          let otherDegree = degree[other]
          let front = bucketStart[otherDegree]
          let swapped = sorted[front]
          if swapped != other {
            sorted[position[other]] = swapped
            position[swapped] = position[other]
            sorted[front] = other
            position[other] = front
          }
          bucketStart[otherDegree] += 1
          degree[other] -= 1
        }
      }
    }
    return degree
  }
}
