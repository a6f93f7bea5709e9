import QuarryCore
import QuarryModel

/// Weakly and strongly connected components.
enum ConnectedComponents {
  /// The component number of each node: weakly connected (edges either way, by union–find
  /// over the edge list) or strongly connected (Tarjan's algorithm, without recursion so
  /// deep graphs cannot overflow the stack). Components are numbered by size, largest
  /// first, ties by their first node.
  static func compute(_ graph: PropertyGraph, strong requested: Bool) -> [Int] {
    // In an undirected graph both kinds are the same.
    if requested && graph.isDirected { return numberedBySize(strongComponents(graph)) }
    return numberedBySize(weakComponents(graph))
  }

  /// Union–find over the edge list. A large graph's edges are split over the cores, each
  /// part joined in a forest of its own; the forests are then merged into the first.
  private static func weakComponents(_ graph: PropertyGraph) -> [Int] {
    let count = graph.nodeCount
    let workers = graph.edgeCount >= 200_000 ? ProcessorCount.active : 1
    let forests = SharedBuffer<Int32>(repeating: 0, count: count * workers)
    let trees = forests.pointer
    for worker in 0..<workers {
      for node in 0..<count { trees[worker * count + node] = Int32(node) }
    }
    let edges = graph.edgeCount
    let parts = (0..<workers).map { edges * $0 / workers..<edges * ($0 + 1) / workers }
    let join = { @Sendable (worker: Int) in
      let parent = UnsafeMutableBufferPointer(
        rebasing: forests.pointer[(worker * count)..<((worker + 1) * count)])
      graph.edgeSources.withUnsafeBufferPointer { sources in
        graph.edgeTargets.withUnsafeBufferPointer { targets in
          for edge in parts[worker] { union(sources[edge], targets[edge], in: parent) }
        }
      }
    }
    let joined = SharedBuffer(repeating: false, count: workers)
    if workers > 1 {
      // Ctrl-C may stop the run before a part starts: the parts left are joined below,
      // since a part takes milliseconds.
      try? ParallelWork.run(workers) { _, worker in
        join(worker)
        joined[worker] = true
      }
    }
    for worker in 0..<workers where !joined[worker] { join(worker) }
    let first = UnsafeMutableBufferPointer(rebasing: forests.pointer[0..<count])
    for worker in 1..<max(1, workers) {
      let other = UnsafeMutableBufferPointer(
        rebasing: forests.pointer[(worker * count)..<((worker + 1) * count)])
      for node in 0..<count where other[node] != Int32(node) { union(Int32(node), other[node], in: first) }
    }
    return (0..<count).map { Int(root(Int32($0), in: first)) }
  }

  @inline(__always)
  private static func root(_ node: Int32, in parent: UnsafeMutableBufferPointer<Int32>) -> Int32 {
    var node = node
    while parent[Int(node)] != node {
      let up = parent[Int(parent[Int(node)])]
      parent[Int(node)] = up  // path halving
      node = up
    }
    return node
  }

  @inline(__always)
  private static func union(_ a: Int32, _ b: Int32, in parent: UnsafeMutableBufferPointer<Int32>) {
    let (a, b) = (root(a, in: parent), root(b, in: parent))
    if a != b { parent[Int(max(a, b))] = min(a, b) }
  }

  private static func strongComponents(_ graph: PropertyGraph) -> [Int] {
    let count = graph.nodeCount
    let outgoing = graph.adjacency(.init(.out))
    var component = [Int](repeating: -1, count: count)
    var index = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    var counter = 0
    var found = 0
    for root in 0..<count where index[root] < 0 {
      // Each frame: a node and the position of the next neighbour to look at.
      var frames: [(node: Int, next: Int)] = [(root, Int(outgoing.offsets[root]))]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let frame = frames.last {
        if frame.next < Int(outgoing.offsets[frame.node + 1]) {
          frames[frames.count - 1].next += 1
          let target = Int(outgoing.neighbors[frame.next])
          if index[target] < 0 {
            index[target] = counter
            low[target] = counter
            counter += 1
            stack.append(target)
            onStack[target] = true
            frames.append((target, Int(outgoing.offsets[target])))
          } else if onStack[target] {
            low[frame.node] = min(low[frame.node], index[target])
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last { low[parent.node] = min(low[parent.node], low[frame.node]) }
        if low[frame.node] == index[frame.node] {
          while let member = stack.popLast() {
            onStack[member] = false
            component[member] = found
            if member == frame.node { break }
          }
          found += 1
        }
      }
    }
    return component
  }

  /// Renumbers groups (any numbers below the node count) 0, 1, ... by size, largest
  /// first, ties by the smallest node in them.
  static func numberedBySize(_ groups: [Int]) -> [Int] {
    var sizes = [Int](repeating: 0, count: groups.count)
    var first = [Int](repeating: Int.max, count: groups.count)
    for (node, group) in groups.enumerated() {
      sizes[group] += 1
      first[group] = min(first[group], node)
    }
    let used = (0..<groups.count).filter { sizes[$0] > 0 }
    let order = used.sorted { (sizes[$0], first[$1]) > (sizes[$1], first[$0]) }
    var renumbered = [Int](repeating: 0, count: groups.count)
    for (position, group) in order.enumerated() { renumbered[group] = position }
    return groups.map { renumbered[$0] }
  }
}
