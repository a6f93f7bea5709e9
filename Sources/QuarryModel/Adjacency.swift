/// A graph's neighbour lists in compressed sparse rows: the neighbours of node `n` are
/// `neighbors[offsets[n]..<offsets[n + 1]]`, each with a weight and the id of an edge that
/// joins them. Walks and analytics read these flat arrays rather than edge ids, so each
/// step is one array read; `PropertyGraph.adjacency(_:)` makes each shape once.
public struct Adjacency: Sendable {
  /// Which edges make a node's neighbours, and how parallel edges and self-loops count.
  public struct Shape: Hashable, Sendable {
    public enum Direction: Sendable { case out, `in`, both }
    /// Parallel edges kept apart, or merged into one neighbour whose weight is their sum
    /// (strength of a tie) or their minimum (the shortest way along them).
    public enum Parallel: Sendable { case keep, sum, minimum }

    public var direction: Direction
    public var parallel: Parallel
    public var selfLoops: Bool

    /// In an undirected graph the direction is always `both`.
    public init(_ direction: Direction, parallel: Parallel = .keep, selfLoops: Bool = true) {
      self.direction = direction
      self.parallel = parallel
      self.selfLoops = selfLoops
    }
  }

  public let offsets: [Int32]
  public let neighbors: [Int32]
  public let weights: [Double]
  /// The edge behind each neighbour (for merged parallel edges, the first; for `minimum`,
  /// the lightest).
  public let edges: [Int32]

  public var nodeCount: Int { offsets.count - 1 }

  @inline(__always)
  public func range(_ node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node + 1]) }

  @inline(__always)
  public func degree(_ node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }

  init(_ graph: PropertyGraph, shape: Shape) {
    let count = graph.nodeCount
    let directed = graph.isDirected
    let useOut = !directed || shape.direction != .in
    let useIn = !directed || shape.direction != .out
    var offsets = [Int32](repeating: 0, count: count + 1)
    var neighbors: [Int32] = []
    var weights: [Double] = []
    var edges: [Int32] = []
    let capacity = graph.edgeCount * (useOut && useIn ? 2 : 1)
    neighbors.reserveCapacity(capacity)
    weights.reserveCapacity(capacity)
    edges.reserveCapacity(capacity)
    // Where the current node's entry for a neighbour sits; an entry before this node's
    // first one belongs to an earlier node, so the array never needs clearing.
    var slot = [Int32](repeating: -1, count: count)
    graph.outEdges.withUnsafeBufferPointer { outEdges in
      graph.inEdges.withUnsafeBufferPointer { inEdges in
        for node in 0..<count {
          let start = neighbors.count
          func add(_ edge: Int32, _ other: Int32) {
            let weight = graph.edgeWeights[Int(edge)]
            if shape.parallel != .keep {
              let at = Int(slot[Int(other)])
              if at >= start {
                if shape.parallel == .sum {
                  weights[at] += weight
                } else if weight < weights[at] {
                  weights[at] = weight
                  edges[at] = edge
                }
                return
              }
              slot[Int(other)] = Int32(neighbors.count)
            }
            neighbors.append(other)
            weights.append(weight)
            edges.append(edge)
          }
          if useOut {
            for position in Int(graph.outOffsets[node])..<Int(graph.outOffsets[node + 1]) {
              let edge = outEdges[position]
              let other = graph.edgeTargets[Int(edge)]
              if other == Int32(node) && !shape.selfLoops { continue }
              add(edge, other)
            }
          }
          if useIn {
            for position in Int(graph.inOffsets[node])..<Int(graph.inOffsets[node + 1]) {
              let edge = inEdges[position]
              let other = graph.edgeSources[Int(edge)]
              // A self-loop is one neighbour, taken from the outgoing side.
              if other == Int32(node) && (useOut || !shape.selfLoops) { continue }
              add(edge, other)
            }
          }
          offsets[node + 1] = Int32(neighbors.count)
        }
      }
    }
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.edges = edges
  }
}
