import QuarryCore
import QuarryModel

/// PageRank by power iteration, as networkx's `pagerank` computes it.
enum PageRank {
  struct Result {
    var ranks: [Double]
    var iterations: Int
    var converged: Bool
  }

  /// Parallel edges' weights add up, a node without outgoing weight spreads its rank
  /// evenly, and iteration stops when the L1 change falls under `nodes × tolerance` (or
  /// after `maxIterations`). An undirected edge carries rank both ways. Each iteration
  /// pulls rank along incoming edges on every core, each thread a range of nodes with
  /// about the same number of edges.
  static func compute(
    _ graph: PropertyGraph, damping: Double = 0.85, tolerance: Double = 1e-6, maxIterations: Int = 100,
    weighted: Bool = true
  ) throws(Interrupted) -> Result {
    let count = graph.nodeCount
    guard count > 0 else { return Result(ranks: [], iterations: 0, converged: true) }
    let outgoing = graph.adjacency(.init(.out))
    let incoming = graph.adjacency(.init(.in))
    var outWeight = [Double](repeating: 0, count: count)
    for node in 0..<count {
      for position in outgoing.range(node) { outWeight[node] += weighted ? outgoing.weights[position] : 1 }
    }
    // Each incoming entry's share of its source's rank, computed once.
    let share = SharedBuffer<Double>(repeating: 0, count: incoming.neighbors.count)
    for position in 0..<incoming.neighbors.count {
      let source = Int(incoming.neighbors[position])
      share[position] = (weighted ? incoming.weights[position] : 1) / outWeight[source]
    }
    let dangling = (0..<count).filter { outWeight[$0] == 0 }
    let parts = ParallelWork.ranges(count, parts: ProcessorCount.active) { incoming.degree($0) }
    let uniform = 1 / Double(count)
    let rank = SharedBuffer<Double>(repeating: uniform, count: count)
    let next = SharedBuffer<Double>(repeating: 0, count: count)
    let change = SharedBuffer<Double>(repeating: 0, count: parts.count)
    for iteration in 1...max(1, maxIterations) {
      var lost = 0.0
      for node in dangling { lost += rank[node] }
      let base = (1 - damping) * uniform + damping * lost * uniform
      let step: @Sendable (Int, Int) -> Void = { _, part in
        var moved = 0.0
        for node in parts[part] {
          var sum = 0.0
          for position in incoming.range(node) {
            sum += rank[Int(incoming.neighbors[position])] * share[position]
          }
          let value = base + damping * sum
          moved += abs(value - rank[node])
          next[node] = value
        }
        change[part] = moved
      }
      if parts.count == 1 {
        step(0, 0)
      } else {
        try ParallelWork.run(parts.count, workers: parts.count, step)
      }
      _ = rank.pointer.update(fromContentsOf: next.pointer)
      var total = 0.0
      for part in parts.indices { total += change[part] }
      if total < Double(count) * tolerance {
        return Result(ranks: rank.array, iterations: iteration, converged: true)
      }
    }
    return Result(ranks: rank.array, iterations: maxIterations, converged: false)
  }
}
