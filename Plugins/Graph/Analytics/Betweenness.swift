import QuarryCore
import QuarryModel

/// Betweenness centrality by Brandes' algorithm, as networkx's `betweenness_centrality`
/// computes it (endpoints excluded): one shortest-path search from each source, then
/// dependencies accumulated back from the farthest nodes. Sources are spread over every
/// core, each thread with its own scratch arrays and totals, added up at the end.
enum Betweenness {
  /// - Parameters:
  ///   - sources: the sources to search from; nil for every node (exact). A sample is
  ///     scaled as networkx scales one, so it estimates the exact values.
  ///   - weighted: shortest paths by edge weight (Dijkstra) instead of by hops; of
  ///     parallel edges the lightest counts.
  static func compute(
    _ graph: PropertyGraph, sources: [Int]? = nil, weighted: Bool = false, normalized: Bool = true,
    session: Session? = nil
  ) throws(Interrupted) -> [Double] {
    let count = graph.nodeCount
    let adjacency = graph.adjacency(.init(.out, parallel: weighted ? .minimum : .sum, selfLoops: false))
    let chosen = sources ?? Array(0..<count)
    let workers = max(1, min(ProcessorCount.active, chosen.count))
    let scratch = (0..<workers).map { _ in Scratch(count) }
    let totals = SharedBuffer<SharedBuffer<Double>?>(repeating: nil, count: workers)
    for worker in 0..<workers { totals[worker] = SharedBuffer(repeating: 0, count: count) }
    let spaces = WorkerSpaces(scratch)
    try ParallelWork.run(chosen.count, workers: workers, session: session, unit: "sources") { worker, item in
      let space = spaces[worker]
      let total = totals[worker]!
      if weighted {
        space.dijkstra(adjacency, from: chosen[item])
      } else {
        space.breadthFirst(adjacency, from: chosen[item])
      }
      space.accumulate(adjacency, into: total, weighted: weighted)
    }
    var betweenness = [Double](repeating: 0, count: count)
    for worker in 0..<workers {
      let total = totals[worker]!
      for node in 0..<count { betweenness[node] += total[node] }
    }
    rescale(&betweenness, directed: graph.isDirected, normalized: normalized, sampled: sources)
    return betweenness
  }

  /// networkx's `_rescale` for endpoints excluded: per ordered pair of other nodes,
  /// halved for undirected graphs when not normalised; a sample's sources and the other
  /// nodes scaled apart, since a source is never counted on its own paths.
  static func rescale(_ values: inout [Double], directed: Bool, normalized: Bool, sampled: [Int]?) {
    let pairs = Double(values.count - 1)  // N in networkx: nodes other than the target
    guard pairs >= 2 else { return }
    let correction: Double = directed ? 1 : 2
    guard let sampled, sampled.count < values.count else {
      let scale = normalized ? 1 / (pairs * (pairs - 1)) : 1 / correction
      for node in values.indices { values[node] *= scale }
      return
    }
    let k = Double(sampled.count)
    let source = normalized ? 1 / ((k - 1) * (pairs - 1)) : pairs / ((k - 1) * correction)
    let other = normalized ? 1 / (k * (pairs - 1)) : pairs / (k * correction)
    var isSource = [Bool](repeating: false, count: values.count)
    for node in sampled { isSource[node] = true }
    for node in values.indices { values[node] *= isSource[node] ? (k > 1 ? source : .nan) : other }
  }

  /// `count` distinct nodes drawn with a fixed seed, so a sampled run repeats.
  static func sample(_ count: Int, of nodes: Int, seed: UInt64) -> [Int] {
    var generator = SeededGenerator(state: seed)
    return Array(generator.shuffled(nodes).prefix(count)).sorted()
  }

  /// One worker's arrays for one search, reused from source to source.
  final class Scratch {
    var hops: [Int32]
    var distance: [Double]
    var paths: [Double]
    var dependency: [Double]
    /// Nodes in the order the search settled them.
    var order: [Int32] = []
    var heap = MinHeap()
    var source = 0

    init(_ count: Int) {
      hops = Array(repeating: -1, count: count)
      distance = Array(repeating: .infinity, count: count)
      paths = Array(repeating: 0, count: count)
      dependency = Array(repeating: 0, count: count)
      order.reserveCapacity(count)
    }

    /// Hop distances and shortest-path counts from `source`.
    func breadthFirst(_ adjacency: Adjacency, from source: Int) {
      reset(source)
      hops[source] = 0
      paths[source] = 1
      order.append(Int32(source))
      var head = 0
      adjacency.offsets.withUnsafeBufferPointer { offsets in
        adjacency.neighbors.withUnsafeBufferPointer { neighbors in
          while head < order.count {
            let node = Int(order[head])
            head += 1
            let next = hops[node] + 1
            let count = paths[node]
            for position in Int(offsets[node])..<Int(offsets[node + 1]) {
              let other = Int(neighbors[position])
              if hops[other] < 0 {
                hops[other] = next
                order.append(Int32(other))
              }
              if hops[other] == next { paths[other] += count }
            }
          }
        }
      }
    }

    /// Weighted distances and shortest-path counts from `source`: Dijkstra with a binary
    /// heap, ties counted as networkx counts them.
    func dijkstra(_ adjacency: Adjacency, from source: Int) {
      reset(source)
      distance[source] = 0
      paths[source] = 1
      heap.push(0, source)
      while let (reached, node) = heap.pop() {
        guard hops[node] < 0, reached == distance[node] else { continue }
        hops[node] = 0  // settled
        order.append(Int32(node))
        for position in adjacency.range(node) {
          let other = Int(adjacency.neighbors[position])
          let through = reached + adjacency.weights[position]
          if through < distance[other] {
            distance[other] = through
            paths[other] = paths[node]
            heap.push(through, other)
          } else if through == distance[other] && hops[other] < 0 {
            paths[other] += paths[node]
          }
        }
      }
    }

    /// Adds each node's dependency on this search's source to `total`: farthest first,
    /// pulling from the neighbours one step further along a shortest path.
    func accumulate(_ adjacency: Adjacency, into total: SharedBuffer<Double>, weighted: Bool) {
      for index in stride(from: order.count - 1, through: 0, by: -1) {
        let node = Int(order[index])
        var sum = 0.0
        let count = paths[node]
        for position in adjacency.range(node) {
          let other = Int(adjacency.neighbors[position])
          let onPath =
            weighted
            ? distance[node] + adjacency.weights[position] == distance[other]
            : hops[other] == hops[node] + 1
          if onPath { sum += count / paths[other] * (1 + dependency[other]) }
        }
        dependency[node] = sum
        if node != source { total[node] += sum }
      }
    }

    private func reset(_ source: Int) {
      for node in order {
        hops[Int(node)] = -1
        distance[Int(node)] = .infinity
        paths[Int(node)] = 0
        dependency[Int(node)] = 0
      }
      order.removeAll(keepingCapacity: true)
      self.source = source
    }
  }
}

/// A binary min-heap of (distance, node), for Dijkstra's searches.
struct MinHeap {
  struct Entry {
    var key: Double
    var node: Int
  }
  private var entries: [Entry] = []

  mutating func push(_ key: Double, _ node: Int) {
    entries.append(Entry(key: key, node: node))
    var child = entries.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard entries[child].key < entries[parent].key else { break }
      entries.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Double, Int)? {
    guard let top = entries.first else { return nil }
    let last = entries.removeLast()
    if !entries.isEmpty {
      entries[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < entries.count else { break }
        var smallest = left
        if left + 1 < entries.count && entries[left + 1].key < entries[left].key { smallest = left + 1 }
        guard entries[smallest].key < entries[parent].key else { break }
        entries.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return (top.key, top.node)
  }
}
