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

  /// Calls `body` with the offsets, neighbours and edges as buffers, for a loop that
  /// reads them many times.
  @inlinable
  public func withBuffers<Result>(
    _ body: (
      _ offsets: UnsafeBufferPointer<Int32>, _ neighbors: UnsafeBufferPointer<Int32>,
      _ edges: UnsafeBufferPointer<Int32>
    ) throws -> Result
  ) rethrows -> Result {
    try offsets.withUnsafeBufferPointer { offsets in
      try neighbors.withUnsafeBufferPointer { neighbors in
        try edges.withUnsafeBufferPointer { edges in try body(offsets, neighbors, edges) }
      }
    }
  }

  init(_ graph: PropertyGraph, shape: Shape) {
    let count = graph.nodeCount
    let directed = graph.isDirected
    let useOut = !directed || shape.direction != .in
    let useIn = !directed || shape.direction != .out
    let capacity = graph.edgeCount * (useOut && useIn ? 2 : 1)
    var offsets = [Int32](repeating: 0, count: count + 1)
    var neighbors = [Int32](repeating: 0, count: capacity)
    var weights = [Double](repeating: 0, count: capacity)
    var edges = [Int32](repeating: 0, count: capacity)
    // Where the current node's entry for a neighbour sits; an entry before this node's
    // first one belongs to an earlier node, so the array never needs clearing.
    var slot = [Int32](repeating: -1, count: shape.parallel == .keep ? 0 : count)
    var filled = 0
    let merge = shape.parallel != .keep
    let sum = shape.parallel == .sum
    graph.edgeWeights.withUnsafeBufferPointer { edgeWeights in
      neighbors.withUnsafeMutableBufferPointer { neighbors in
        weights.withUnsafeMutableBufferPointer { weights in
          edges.withUnsafeMutableBufferPointer { edges in
            slot.withUnsafeMutableBufferPointer { slot in
              for node in 0..<count {
                let start = filled
                for side in 0..<2 {
                  guard side == 0 ? useOut : useIn else { continue }
                  let (sideOffsets, sideEdges, ends) =
                    side == 0
                    ? (graph.outOffsets, graph.outEdges, graph.edgeTargets)
                    : (graph.inOffsets, graph.inEdges, graph.edgeSources)
                  for position in Int(sideOffsets[node])..<Int(sideOffsets[node + 1]) {
                    let edge = sideEdges[position]
                    let other = ends[Int(edge)]
                    // A self-loop is one neighbour, taken from the outgoing side.
                    if other == Int32(node) && (!shape.selfLoops || (side == 1 && useOut)) { continue }
                    let weight = edgeWeights[Int(edge)]
                    if merge {
                      let at = Int(slot[Int(other)])
                      if at >= start {
                        if sum {
                          weights[at] += weight
                        } else if weight < weights[at] {
                          weights[at] = weight
                          edges[at] = edge
                        }
                        continue
                      }
                      slot[Int(other)] = Int32(filled)
                    }
                    neighbors[filled] = other
                    weights[filled] = weight
                    edges[filled] = edge
                    filled += 1
                  }
                }
                offsets[node + 1] = Int32(filled)
              }
            }
          }
        }
      }
    }
    if filled < capacity {
      neighbors.removeLast(capacity - filled)
      weights.removeLast(capacity - filled)
      edges.removeLast(capacity - filled)
    }
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.edges = edges
  }
}
