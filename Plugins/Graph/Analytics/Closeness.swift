import QuarryCore
import QuarryModel

/// Closeness centrality as networkx's `closeness_centrality` computes it (Wasserman and
/// Faust's improved formula): the reciprocal of the mean distance from the nodes that can
/// reach a node, scaled by the share of the graph that can reach it. In a directed graph
/// the distances are those *to* the node.
enum Closeness {
  static func compute(_ graph: PropertyGraph, weighted: Bool = false, session: Session? = nil)
    throws(Interrupted) -> [Double]
  {
    let count = graph.nodeCount
    // Searching backwards along incoming edges gives the distances to the node.
    let adjacency = graph.adjacency(.init(.in, parallel: weighted ? .minimum : .sum, selfLoops: false))
    let workers = max(1, min(ProcessorCount.active, count))
    let spaces = WorkerSpaces((0..<workers).map { _ in Betweenness.Scratch(count) })
    let closeness = SharedBuffer<Double>(repeating: 0, count: count)
    try ParallelWork.run(count, workers: workers, session: session, unit: "nodes") { worker, node in
      let space = spaces[worker]
      var total = 0.0
      if weighted {
        space.dijkstra(adjacency, from: node)
        for other in space.order { total += space.distance[Int(other)] }
      } else {
        space.breadthFirst(adjacency, from: node)
        for other in space.order { total += Double(space.hops[Int(other)]) }
      }
      let reached = Double(space.order.count - 1)
      if total > 0 && count > 1 {
        closeness[node] = reached / total * (reached / Double(count - 1))
      }
    }
    return closeness.array
  }
}
