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

  private static func weakComponents(_ graph: PropertyGraph) -> [Int] {
    var parent = (0..<graph.nodeCount).map { Int32($0) }
    parent.withUnsafeMutableBufferPointer { parent in
      func root(_ node: Int32) -> Int32 {
        var node = node
        while parent[Int(node)] != node {
          let up = parent[Int(parent[Int(node)])]
          parent[Int(node)] = up  // path halving
          node = up
        }
        return node
      }
      graph.edgeSources.withUnsafeBufferPointer { sources in
        graph.edgeTargets.withUnsafeBufferPointer { targets in
          for edge in 0..<sources.count {
            let a = root(sources[edge])
            let b = root(targets[edge])
            if a != b { parent[Int(max(a, b))] = min(a, b) }
          }
        }
      }
      for node in 0..<parent.count { parent[node] = root(Int32(node)) }
    }
    return parent.map(Int.init)
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
