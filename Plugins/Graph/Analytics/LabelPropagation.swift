import QuarryCore
import QuarryModel

/// Communities by asynchronous label propagation (Raghavan, Albert and Kumara), as
/// networkx's `asyn_lpa_communities`: in a seeded random order, each node takes the label
/// that weighs most among its neighbours (ties broken at random), until every node has a
/// label that is among its neighbours' heaviest. Edge directions are ignored.
enum LabelPropagation {
  static func communities(
    _ graph: PropertyGraph, seed: UInt64 = 0, weighted: Bool = true, maxRounds: Int = 100
  )
    throws(Interrupted) -> [Int]
  {
    let count = graph.nodeCount
    let adjacency = graph.adjacency(.init(.both, parallel: .sum, selfLoops: false))
    var label = Array(0..<count)
    var weight = [Double](repeating: 0, count: count)
    var touched: [Int] = []
    var heaviest: [Int] = []
    var generator = SeededGenerator(state: seed)
    for _ in 0..<maxRounds {
      try Interrupt.check()
      var changed = false
      for node in generator.shuffled(count) where adjacency.degree(node) > 0 {
        touched.removeAll(keepingCapacity: true)
        for entry in adjacency.range(node) {
          let other = label[Int(adjacency.neighbors[entry])]
          if weight[other] == 0 { touched.append(other) }
          weight[other] += weighted ? adjacency.weights[entry] : 1
        }
        var best = -Double.infinity
        heaviest.removeAll(keepingCapacity: true)
        for candidate in touched {
          if weight[candidate] > best {
            best = weight[candidate]
            heaviest.removeAll(keepingCapacity: true)
          }
          if weight[candidate] == best { heaviest.append(candidate) }
        }
        for candidate in touched { weight[candidate] = 0 }
        guard !heaviest.contains(label[node]) else { continue }
        label[node] =
          heaviest.count == 1 ? heaviest[0] : heaviest[Int(generator.next() % UInt64(heaviest.count))]
        changed = true
      }
      if !changed { break }
    }
    return ConnectedComponents.numberedBySize(label)
  }
}
