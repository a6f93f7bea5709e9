import QuarryCore
import QuarryModel

/// Triangles through each node and the local clustering coefficient, as networkx's
/// `triangles` and `clustering` compute them on the simple undirected graph (directions
/// ignored, parallel edges merged, self-loops left out).
enum Triangles {
  /// Each triangle is found once, from its lowest-ranked node (by degree, then id), so
  /// the work is about edges^1.5 whatever the hubs; nodes are spread over every core.
  static func count(_ graph: PropertyGraph, session: Session? = nil) throws(Interrupted) -> [Int] {
    let count = graph.nodeCount
    let adjacency = graph.adjacency(.init(.both, parallel: .sum, selfLoops: false))
    @Sendable func ranks(_ a: Int, above b: Int) -> Bool {
      let (da, db) = (adjacency.degree(a), adjacency.degree(b))
      return da != db ? da > db : a > b
    }
    let workers = max(1, min(ProcessorCount.active, count))
    let totals = (0..<workers).map { _ in SharedBuffer<Int>(repeating: 0, count: count) }
    let marks = (0..<workers).map { _ in SharedBuffer<Int32>(repeating: -1, count: count) }
    let spaces = WorkerSpaces(Array(zip(totals, marks)))
    try ParallelWork.run(count, workers: workers, session: session, unit: "nodes") { worker, node in
      let (total, mark) = spaces[worker]
      for entry in adjacency.range(node) { mark[Int(adjacency.neighbors[entry])] = Int32(node) }
      for entry in adjacency.range(node) {
        let second = Int(adjacency.neighbors[entry])
        guard ranks(second, above: node) else { continue }
        for further in adjacency.range(second) {
          let third = Int(adjacency.neighbors[further])
          guard ranks(third, above: second), mark[third] == Int32(node) else { continue }
          total[node] += 1
          total[second] += 1
          total[third] += 1
        }
      }
    }
    var triangles = [Int](repeating: 0, count: count)
    for total in totals {
      for node in 0..<count { triangles[node] += total[node] }
    }
    return triangles
  }

  /// The share of a node's pairs of neighbours that are joined: 2T / (d (d − 1)).
  static func clustering(_ graph: PropertyGraph, triangles: [Int]) -> [Double] {
    let adjacency = graph.adjacency(.init(.both, parallel: .sum, selfLoops: false))
    return (0..<graph.nodeCount).map { node in
      let degree = Double(adjacency.degree(node))
      return degree < 2 ? 0 : 2 * Double(triangles[node]) / (degree * (degree - 1))
    }
  }
}
