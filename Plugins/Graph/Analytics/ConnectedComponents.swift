import QuarryCore
import QuarryModel

/// Weakly and strongly connected components.
enum ConnectedComponents {
  /// The component number of each node: weakly connected (edges either way) or strongly
  /// connected (Tarjan's algorithm, without recursion so deep graphs cannot overflow the
  /// stack). Components are numbered by size, largest first, ties by their first node.
  static func compute(_ graph: PropertyGraph, strong requested: Bool) -> [Int] {
    // In an undirected graph both kinds are the same.
    if requested && graph.isDirected { return numberedBySize(strongComponents(graph)) }
    return numberedTrees(weakForest(graph))
  }

  /// How many of each node's neighbours are joined before the largest component is
  /// guessed (Afforest's two rounds).
  private static let sampledNeighbors: Int32 = 2

  /// Weak components by Afforest (Sutton, Ben-Nun and Barak, 2018), as each node's root
  /// in a union–find forest, and the root of the largest tree. Each node is first joined
  /// with its first two neighbours only, which in a real network already puts most nodes
  /// in one large tree. The rest of each node's neighbours are then joined only for nodes
  /// outside that tree: an edge between two of its nodes changes nothing, and an edge
  /// leaving it is seen from its other end. On a power-law graph this reads a small part
  /// of the neighbour lists, where a union of every edge or a search of the whole graph
  /// reads all of it.
  ///
  /// One core: the links are a chain of dependent reads, and on two cores the
  /// compare-and-swap each link then needs cost more than the second core gave.
  ///
  /// A tree's root is its smallest node and every node's parent is smaller than the
  /// node (a union hangs the larger root under the smaller), so one pass in node order
  /// flattens the forest.
  private static func weakForest(_ graph: PropertyGraph) -> (roots: [Int32], largest: Int32) {
    let count = graph.nodeCount
    var parent = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
      for node in 0..<count { buffer[node] = Int32(node) }
      initialized = count
    }
    guard count > 0 else { return ([], 0) }
    // Both directions: the shape PageRank and walks of an undirected graph share.
    let adjacency = graph.adjacency(.init(.both))
    var largest: Int32 = 0
    parent.withUnsafeMutableBufferPointer { buffer in
      let parent = buffer  // a copy, which the loops keep in a register
      adjacency.offsets.withUnsafeBufferPointer { offsets in
        adjacency.neighbors.withUnsafeBufferPointer { neighbors in
          // A round per sampled neighbour, each flattened after, keeps the trees shallow.
          // Last node first: where ids follow the order nodes were met (an edge list,
          // a projection), the newest nodes hang straight under the older ones they
          // joined, which on both benchmark graphs takes a third less time.
          for round in 0..<sampledNeighbors {
            for node in (0..<count).reversed() where offsets[node] + round < offsets[node + 1] {
              union(Int32(node), neighbors[Int(offsets[node] + round)], in: parent)
            }
            flatten(parent)
          }
          largest = mostFrequentRoot(parent)
          for node in 0..<count where parent[node] != largest {
            var position = Int(offsets[node] + sampledNeighbors)
            while position < Int(offsets[node + 1]) {
              union(Int32(node), neighbors[position], in: parent)
              position += 1
            }
          }
          flatten(parent)
        }
      }
    }
    return (parent, parent[Int(largest)])
  }

  /// Points every node straight at its root, in one pass: parents are smaller than
  /// their children, so a node's parent is already flat when the node is reached.
  private static func flatten(_ parent: UnsafeMutableBufferPointer<Int32>) {
    for node in parent.indices { parent[node] = parent[Int(parent[node])] }
  }

  /// The root most of a flattened forest's nodes share, guessed from 1,024 nodes spread
  /// over the graph: only a guess is needed, as any root gives the right components.
  private static func mostFrequentRoot(_ parent: UnsafeMutableBufferPointer<Int32>) -> Int32 {
    let samples = min(1024, parent.count)
    var roots = (0..<samples).map { parent[$0 * parent.count / samples] }
    roots.sort()
    var best = roots[0]
    var bestRun = 0
    var runStart = 0
    for position in 1...roots.count where position == roots.count || roots[position] != roots[runStart] {
      if position - runStart > bestRun { (best, bestRun) = (roots[runStart], position - runStart) }
      runStart = position
    }
    return best
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

  /// Numbers a flattened forest's trees 0, 1, ... by size, largest first, ties by the
  /// smallest node (which is each tree's root). The largest tree's nodes are counted by
  /// what is left, so the pass does not add one to the same count for most nodes.
  private static func numberedTrees(_ forest: (roots: [Int32], largest: Int32)) -> [Int] {
    let (roots, largest) = forest
    var sizes = [Int32](repeating: 0, count: roots.count)
    var trees: [Int32] = []
    var others: Int32 = 0
    for (node, root) in roots.enumerated() where root != largest {
      sizes[Int(root)] += 1
      others += 1
      if root == Int32(node) { trees.append(root) }
    }
    if !roots.isEmpty {
      sizes[Int(largest)] = Int32(roots.count) - others
      trees.append(largest)
    }
    trees.sort { (sizes[Int($0)], $1) > (sizes[Int($1)], $0) }
    var number = sizes  // reused: a tree's number, at its root
    for (position, tree) in trees.enumerated() { number[Int(tree)] = Int32(position) }
    return roots.map { Int(number[Int($0)]) }
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
