import QuarryModel

/// Centrality and structure measures over a `PropertyGraph`, computed the way networkx
/// computes them, so results can be checked against it (see Scripts/graph-fixtures).
enum GraphAnalytics {
  /// In-, out- and total degree per node, counting parallel edges; weighted sums with
  /// `weighted`. A self-loop counts once in and once out.
  static func degrees(_ graph: PropertyGraph, weighted: Bool) -> (in: [Double], out: [Double]) {
    var incoming = [Double](repeating: 0, count: graph.nodeCount)
    var outgoing = [Double](repeating: 0, count: graph.nodeCount)
    for edge in 0..<graph.edgeCount {
      let weight = weighted ? graph.edgeWeights[edge] : 1
      outgoing[Int(graph.edgeSources[edge])] += weight
      incoming[Int(graph.edgeTargets[edge])] += weight
    }
    // Undirected: each end counts the edge both ways (a self-loop twice, as networkx does).
    if !graph.isDirected {
      for node in 0..<graph.nodeCount {
        let degree = incoming[node] + outgoing[node]
        incoming[node] = degree
        outgoing[node] = degree
      }
    }
    return (incoming, outgoing)
  }

  /// PageRank by power iteration, as networkx's `pagerank`: parallel edges' weights add
  /// up, a node without outgoing weight spreads its rank evenly, and iteration stops when
  /// the L1 change falls under `nodes × tolerance` (or after `maxIterations`).
  static func pageRank(
    _ graph: PropertyGraph, damping: Double = 0.85, tolerance: Double = 1e-6, maxIterations: Int = 100,
    weighted: Bool = true
  ) -> (ranks: [Double], iterations: Int, converged: Bool) {
    let count = graph.nodeCount
    guard count > 0 else { return ([], 0, true) }
    var outWeight = [Double](repeating: 0, count: count)
    for edge in 0..<graph.edgeCount {
      outWeight[Int(graph.edgeSources[edge])] += weighted ? graph.edgeWeights[edge] : 1
      // An undirected edge carries rank both ways; a self-loop is one arc, as in networkx.
      if !graph.isDirected && graph.edgeSources[edge] != graph.edgeTargets[edge] {
        outWeight[Int(graph.edgeTargets[edge])] += weighted ? graph.edgeWeights[edge] : 1
      }
    }
    let uniform = 1 / Double(count)
    var rank = [Double](repeating: uniform, count: count)
    var next = [Double](repeating: 0, count: count)
    for iteration in 1...max(1, maxIterations) {
      var dangling = 0.0
      for node in 0..<count where outWeight[node] == 0 { dangling += rank[node] }
      let base = (1 - damping) * uniform + damping * dangling * uniform
      for node in 0..<count { next[node] = base }
      // Pull along incoming edges: rank of the source times the edge's share of it.
      for node in 0..<count {
        var sum = 0.0
        for edge in graph.incoming(Int32(node)) {
          let source = Int(graph.edgeSources[Int(edge)])
          let weight = weighted ? graph.edgeWeights[Int(edge)] : 1
          sum += rank[source] * weight / outWeight[source]
        }
        if !graph.isDirected {
          for edge in graph.outgoing(Int32(node)) where graph.edgeTargets[Int(edge)] != Int32(node) {
            let source = Int(graph.edgeTargets[Int(edge)])
            let weight = weighted ? graph.edgeWeights[Int(edge)] : 1
            sum += rank[source] * weight / outWeight[source]
          }
        }
        next[node] += damping * sum
      }
      var change = 0.0
      for node in 0..<count { change += abs(next[node] - rank[node]) }
      swap(&rank, &next)
      if change < Double(count) * tolerance { return (rank, iteration, true) }
    }
    return (rank, maxIterations, false)
  }

  /// The component number of each node: weakly connected (edges either way) or strongly
  /// connected (Tarjan's algorithm, without recursion so deep graphs cannot overflow the
  /// stack). Components are numbered by size, largest first, ties by first node.
  static func components(_ graph: PropertyGraph, strong requested: Bool) -> [Int] {
    let count = graph.nodeCount
    // In an undirected graph both kinds are the same.
    let strong = requested && graph.isDirected
    var component = [Int](repeating: -1, count: count)
    var found = 0
    if !strong {
      for start in 0..<count where component[start] < 0 {
        component[start] = found
        var stack = [Int32(start)]
        while let node = stack.popLast() {
          for (_, other) in GraphQueries.steps(graph, from: node, direction: .both)
          where component[Int(other)] < 0 {
            component[Int(other)] = found
            stack.append(other)
          }
        }
        found += 1
      }
    } else {
      var index = [Int](repeating: -1, count: count)
      var low = [Int](repeating: 0, count: count)
      var onStack = [Bool](repeating: false, count: count)
      var stack: [Int] = []
      var counter = 0
      for root in 0..<count where index[root] < 0 {
        // Each frame: a node and how far through its outgoing edges the walk is.
        var frames: [(node: Int, next: Int)] = [(root, 0)]
        index[root] = counter
        low[root] = counter
        counter += 1
        stack.append(root)
        onStack[root] = true
        while let frame = frames.last {
          let edges = graph.outgoing(Int32(frame.node))
          if frame.next < edges.count {
            frames[frames.count - 1].next += 1
            let target = Int(graph.edgeTargets[Int(edges[edges.startIndex + frame.next])])
            if index[target] < 0 {
              index[target] = counter
              low[target] = counter
              counter += 1
              stack.append(target)
              onStack[target] = true
              frames.append((target, 0))
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
    }
    // Renumber: largest first, ties by the smallest node in them.
    var sizes = [Int](repeating: 0, count: found)
    var first = [Int](repeating: Int.max, count: found)
    for (node, number) in component.enumerated() {
      sizes[number] += 1
      first[number] = min(first[number], node)
    }
    let order = (0..<found).sorted { (sizes[$0], -first[$0]) > (sizes[$1], -first[$1]) }
    var renumbered = [Int](repeating: 0, count: found)
    for (position, number) in order.enumerated() { renumbered[number] = position }
    return component.map { renumbered[$0] }
  }
}
