import QuarryCore
import QuarryModel

/// Community detection by the Louvain method, as networkx's `louvain_communities`: nodes
/// move, one at a time, to the neighbouring community that raises modularity most; then
/// each community becomes one node of a smaller graph and the moves start again, until a
/// level gains less than `threshold`. Edge directions are ignored (as igraph's
/// multilevel method does); parallel edges' weights add up.
enum Louvain {
  /// An undirected weighted graph in CSR form; a self-loop's weight is stored once.
  struct Network {
    var offsets: [Int]
    var neighbors: [Int32]
    var weights: [Double]
    /// Each node's strength: its edges' weights, a self-loop's twice.
    var strength: [Double]
    var totalWeight: Double

    var nodeCount: Int { strength.count }

    init(offsets: [Int], neighbors: [Int32], weights: [Double]) {
      self.offsets = offsets
      self.neighbors = neighbors
      self.weights = weights
      let count = offsets.count - 1
      strength = [Double](repeating: 0, count: count)
      var total = 0.0
      for node in 0..<count {
        for entry in offsets[node]..<offsets[node + 1] {
          let weight = weights[entry]
          let isLoop = Int(neighbors[entry]) == node
          strength[node] += isLoop ? 2 * weight : weight
          total += isLoop ? 2 * weight : weight
        }
      }
      totalWeight = total / 2
    }

    init(_ graph: PropertyGraph) {
      let adjacency = graph.adjacency(.init(.both, parallel: .sum))
      self.init(
        offsets: adjacency.offsets.map(Int.init), neighbors: adjacency.neighbors, weights: adjacency.weights)
    }
  }

  /// The community of each node, numbered by size, largest first.
  static func communities(
    _ graph: PropertyGraph, resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0,
    weighted: Bool = true
  ) throws(Interrupted) -> [Int] {
    var network = Network(graph)
    if !weighted {
      network = Network(
        offsets: network.offsets, neighbors: network.neighbors, weights: network.weights.map { _ in 1 })
    }
    var membership = Array(0..<graph.nodeCount)
    guard network.totalWeight > 0 else { return ConnectedComponents.numberedBySize(membership) }
    var generator = SeededGenerator(state: seed)
    var quality = modularity(network, Array(0..<network.nodeCount), resolution: resolution)
    while true {
      let (moved, level) = try oneLevel(network, resolution: resolution, generator: &generator)
      guard moved else { break }
      let gained = modularity(network, level, resolution: resolution)
      for node in membership.indices { membership[node] = level[membership[node]] }
      if gained - quality <= threshold { break }
      quality = gained
      network = aggregate(network, level)
    }
    return ConnectedComponents.numberedBySize(membership)
  }

  /// Newman's modularity of a partition, as networkx's `modularity` computes it.
  static func modularity(_ network: Network, _ community: [Int], resolution: Double = 1) -> Double {
    let m = network.totalWeight
    guard m > 0 else { return 0 }
    var inside = [Double](repeating: 0, count: network.nodeCount)
    var strength = [Double](repeating: 0, count: network.nodeCount)
    for node in 0..<network.nodeCount {
      strength[community[node]] += network.strength[node]
      for entry in network.offsets[node]..<network.offsets[node + 1] {
        let other = Int(network.neighbors[entry])
        guard community[other] == community[node] else { continue }
        // Each edge is listed from both ends, a self-loop once.
        inside[community[node]] += other == node ? network.weights[entry] : network.weights[entry] / 2
      }
    }
    var quality = 0.0
    for group in 0..<network.nodeCount where strength[group] > 0 {
      quality += inside[group] / m - resolution * (strength[group] / (2 * m)) * (strength[group] / (2 * m))
    }
    return quality
  }

  static func modularity(_ graph: PropertyGraph, _ community: [Int], resolution: Double = 1) -> Double {
    modularity(Network(graph), community, resolution: resolution)
  }

  /// Moves nodes until no move raises modularity; the community of each node, numbered
  /// 0, 1, ... in order of first appearance, and whether any node moved.
  private static func oneLevel(_ network: Network, resolution: Double, generator: inout SeededGenerator)
    throws(Interrupted) -> (Bool, [Int])
  {
    let count = network.nodeCount
    let m = network.totalWeight
    var community = Array(0..<count)
    var total = network.strength
    var linkWeight = [Double](repeating: 0, count: count)
    var touched: [Int] = []
    var movedAny = false
    let order = generator.shuffled(count)
    var improved = true
    while improved {
      try Interrupt.check()
      improved = false
      for node in order {
        let current = community[node]
        let strength = network.strength[node]
        touched.removeAll(keepingCapacity: true)
        for entry in network.offsets[node]..<network.offsets[node + 1] {
          let other = Int(network.neighbors[entry])
          guard other != node else { continue }
          let group = community[other]
          if linkWeight[group] == 0 { touched.append(group) }
          linkWeight[group] += network.weights[entry]
        }
        total[current] -= strength
        let scale = resolution * strength / (2 * m * m)
        var best = current
        var bestGain = linkWeight[current] / m - total[current] * scale
        for group in touched where group != current {
          let gain = linkWeight[group] / m - total[group] * scale
          if gain > bestGain {
            bestGain = gain
            best = group
          }
        }
        total[best] += strength
        for group in touched { linkWeight[group] = 0 }
        linkWeight[current] = 0
        if best != current {
          community[node] = best
          improved = true
          movedAny = true
        }
      }
    }
    var number = [Int](repeating: -1, count: count)
    var next = 0
    for node in 0..<count where number[community[node]] < 0 {
      number[community[node]] = next
      next += 1
    }
    return (movedAny, community.map { number[$0] })
  }

  /// The graph of communities: one node each, the weights between them summed, and the
  /// weight inside each kept as a self-loop.
  private static func aggregate(_ network: Network, _ community: [Int]) -> Network {
    let groups = (community.max() ?? -1) + 1
    var members = [[Int]](repeating: [], count: groups)
    for node in 0..<network.nodeCount { members[community[node]].append(node) }
    var offsets = [0]
    var neighbors: [Int32] = []
    var weights: [Double] = []
    var slot = [Int](repeating: -1, count: groups)
    for group in 0..<groups {
      let start = neighbors.count
      for node in members[group] {
        for entry in network.offsets[node]..<network.offsets[node + 1] {
          let other = Int(network.neighbors[entry])
          let target = community[other]
          // Inside the group every edge is seen from both ends, a self-loop from one.
          let weight = target == group && other != node ? network.weights[entry] / 2 : network.weights[entry]
          if slot[target] >= start {
            weights[slot[target]] += weight
          } else {
            slot[target] = neighbors.count
            neighbors.append(Int32(target))
            weights.append(weight)
          }
        }
      }
      offsets.append(neighbors.count)
    }
    return Network(offsets: offsets, neighbors: neighbors, weights: weights)
  }
}
