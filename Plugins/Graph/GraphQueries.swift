import QuarryCore
import QuarryModel
import Synchronization

/// Walks over a `PropertyGraph`: neighbourhoods and shortest paths.
enum GraphQueries {
  enum Direction: String, CaseIterable {
    case out, `in`, both

    var shape: Adjacency.Shape.Direction {
      switch self {
      case .out: .out
      case .in: .in
      case .both: .both
      }
    }
    var reversed: Direction {
      switch self {
      case .out: .in
      case .in: .out
      case .both: .both
      }
    }
  }

  /// Nodes within `depth` hops of `start`, with their distance and the edge that first
  /// reached them, in order of distance. A depth beyond the graph's size stops when
  /// nothing new is reached.
  static func neighbors(_ graph: PropertyGraph, of start: Int32, depth: Int, direction: Direction)
    -> [(node: Int32, distance: Int, via: Int32)]
  {
    let adjacency = graph.adjacency(.init(direction.shape))
    var seen = [Bool](repeating: false, count: graph.nodeCount)
    seen[Int(start)] = true
    var found: [(node: Int32, distance: Int, via: Int32)] = []
    func expand(_ node: Int32, from level: Int) {
      for entry in adjacency.range(Int(node)) where !seen[Int(adjacency.neighbors[entry])] {
        seen[Int(adjacency.neighbors[entry])] = true
        found.append((adjacency.neighbors[entry], level + 1, adjacency.edges[entry]))
      }
    }
    if depth >= 1 { expand(start, from: 0) }
    // `found` is the queue: its entries are expanded in order until the depth is reached.
    var head = 0
    while head < found.count && found[head].distance < depth {
      expand(found[head].node, from: found[head].distance)
      head += 1
    }
    return found
  }

  /// The fewest hops from `source` to `target`: the edge ids in order, or nil when no
  /// path joins them. Breadth-first from both ends at once, always growing the smaller
  /// side, so a query on a large graph looks at a small part of it.
  /// - Parameter search: scratch space to use, for a thread that asks many questions;
  ///   without it the kept one is taken (or a new one made).
  static func shortestPath(
    _ graph: PropertyGraph, from source: Int32, to target: Int32, direction: Direction,
    search given: PathSearch? = nil
  ) -> [Int32]? {
    if source == target { return [] }
    let ways = PathWays(graph, direction)
    let search = given ?? PathSearch.take(graph.nodeCount)
    defer { if given == nil { PathSearch.give(search) } }
    return ways.withBuffers { forward, backward in
      search.meet(source: Int(source), target: Int(target), forward: forward, backward: backward)
    }
  }

  /// The lightest path by edge weight (Dijkstra; of parallel edges the lightest counts):
  /// the edge ids and the total weight, or nil.
  static func lightestPath(_ graph: PropertyGraph, from source: Int32, to target: Int32, direction: Direction)
    -> (edges: [Int32], weight: Double)?
  {
    let adjacency = graph.adjacency(.init(direction.shape, parallel: .minimum, selfLoops: false))
    var distance = [Double](repeating: .infinity, count: graph.nodeCount)
    var via = [Int32](repeating: -1, count: graph.nodeCount)
    var settled = [Bool](repeating: false, count: graph.nodeCount)
    var heap = MinHeap()
    distance[Int(source)] = 0
    heap.push(0, Int(source))
    while let (reached, node) = heap.pop() {
      guard !settled[node] else { continue }
      settled[node] = true
      if node == Int(target) { break }
      for entry in adjacency.range(node) {
        let other = Int(adjacency.neighbors[entry])
        let through = reached + adjacency.weights[entry]
        if through < distance[other] {
          distance[other] = through
          via[other] = Int32(entry)
          heap.push(through, other)
        }
      }
    }
    guard settled[Int(target)] else { return nil }
    var edges: [Int32] = []
    var node = Int(target)
    while node != Int(source) {
      let entry = Int(via[node])
      edges.append(adjacency.edges[entry])
      // The step before is the edge's other end.
      let edge = Int(adjacency.edges[entry])
      let a = Int(graph.edgeSources[edge])
      node = a == node ? Int(graph.edgeTargets[edge]) : a
    }
    return (edges.reversed(), distance[Int(target)])
  }

  /// Every shortest path (by hops) from `source` to `target`, up to `limit` of them, each
  /// as the edge ids in order; of parallel edges one stands for all.
  static func allShortestPaths(
    _ graph: PropertyGraph, from source: Int32, to target: Int32, direction: Direction, limit: Int
  ) -> [[Int32]] {
    if source == target { return [[]] }
    let forward = graph.adjacency(.init(direction.shape, parallel: .sum, selfLoops: false))
    let backward = graph.adjacency(.init(direction.reversed.shape, parallel: .sum, selfLoops: false))
    // Distances from the source, stopping at the target's level.
    var hops = [Int32](repeating: -1, count: graph.nodeCount)
    hops[Int(source)] = 0
    var queue = [Int(source)]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      if hops[Int(target)] >= 0 && hops[node] >= hops[Int(target)] { break }
      for entry in forward.range(node) where hops[Int(forward.neighbors[entry])] < 0 {
        hops[Int(forward.neighbors[entry])] = hops[node] + 1
        queue.append(Int(forward.neighbors[entry]))
      }
    }
    guard hops[Int(target)] > 0 else { return [] }
    // Back from the target along edges that step one level down, depth first.
    var paths: [[Int32]] = []
    var trail: [Int32] = []
    func walk(_ node: Int) {
      guard paths.count < limit else { return }
      if node == Int(source) {
        paths.append(trail.reversed())
        return
      }
      for entry in backward.range(node) {
        let previous = Int(backward.neighbors[entry])
        guard hops[previous] >= 0, hops[previous] == hops[node] - 1 else { continue }
        trail.append(backward.edges[entry])
        walk(previous)
        trail.removeLast()
      }
    }
    walk(Int(target))
    return paths
  }
}

/// The neighbour lists a fewest-hops search in one direction reads, both ways, looked up
/// once for a batch of searches.
struct PathWays: Sendable {
  let forward: Adjacency
  let backward: Adjacency

  init(_ graph: PropertyGraph, _ direction: GraphQueries.Direction) {
    forward = graph.adjacency(.init(direction.shape, parallel: .sum, selfLoops: false))
    backward = graph.adjacency(.init(direction.reversed.shape, parallel: .sum, selfLoops: false))
  }

  /// Calls `body` with both ways' arrays as buffers, which searches on other threads may
  /// read until `body` returns.
  func withBuffers<Result>(_ body: (_ forward: NeighborBuffers, _ backward: NeighborBuffers) throws -> Result)
    rethrows -> Result
  {
    try forward.withBuffers { offsets, neighbors, edges in
      let forward = NeighborBuffers(offsets: offsets, neighbors: neighbors, edges: edges)
      return try backward.withBuffers { offsets, neighbors, edges in
        try body(forward, NeighborBuffers(offsets: offsets, neighbors: neighbors, edges: edges))
      }
    }
  }
}

/// An adjacency's arrays as buffers, handed to the threads of a batch of searches so
/// that a search counts no references: two threads changing the same arrays' counts
/// would pass a cache line back and forth at every query. Valid only inside
/// `PathWays.withBuffers`.
struct NeighborBuffers: @unchecked Sendable {
  let offsets: UnsafeBufferPointer<Int32>
  let neighbors: UnsafeBufferPointer<Int32>
  let edges: UnsafeBufferPointer<Int32>

  @inline(__always)
  func degree(_ node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }
}

/// Scratch space for one bidirectional search: visit marks by generation, so a query
/// costs what it looks at, not the graph's size. Kept between queries; one thread at a
/// time holds it, between `take` and `give`. Raw buffers, since a query touches them a
/// few thousand times and array writes through a class would check uniqueness each time.
final class PathSearch: @unchecked Sendable {
  /// Per node: the generation that marked it, apart from the rest so that the check
  /// each neighbour needs reads a dense array (a 6,000-node graph's fits the first-level
  /// cache); and the node and edge it was reached from, written once a visit.
  private let marks: UnsafeMutableBufferPointer<UInt32>
  private struct Step {
    var node: Int32
    var edge: Int32
  }
  private let steps: UnsafeMutableBufferPointer<Step>
  private var generation: UInt32 = 0
  /// The two sides' frontiers and the one being made: a node is in one at most, so each
  /// holds the node count, and a search never grows an array.
  private let frontiers: UnsafeMutableBufferPointer<Int32>
  /// Scratch spaces kept from one search or batch to the next, one for each core.
  private static let spare = Mutex<[PathSearch]>([])

  init(_ count: Int) {
    marks = .allocate(capacity: count)
    marks.initialize(repeating: 0)
    steps = .allocate(capacity: count)
    steps.initialize(repeating: Step(node: -1, edge: -1))
    frontiers = .allocate(capacity: 3 * count)
    frontiers.initialize(repeating: -1)
  }

  deinit {
    marks.deallocate()
    steps.deallocate()
    frontiers.deallocate()
  }

  /// A kept scratch space that fits a graph of `count` nodes, else a new one.
  static func take(_ count: Int) -> PathSearch {
    let kept = spare.withLock { kept -> PathSearch? in
      guard let fitting = kept.lastIndex(where: { $0.marks.count == count }) else { return nil }
      return kept.remove(at: fitting)
    }
    return kept ?? PathSearch(count)
  }

  /// Keeps `search` for the next search, with as many others as there are cores.
  static func give(_ search: PathSearch) {
    spare.withLock { kept in
      if kept.count >= ProcessorCount.active { kept.removeFirst() }
      kept.append(search)
    }
  }

  /// Meets in the middle: the edge ids from source to target, or nil.
  func meet(source: Int, target: Int, forward: NeighborBuffers, backward: NeighborBuffers) -> [Int32]? {
    // Two generations a query: `front` marks the source's side, `back` the target's.
    if generation > UInt32.max - 4 {
      for node in marks.indices { marks[node] = 0 }
      generation = 0
    }
    generation += 2
    let front = generation - 1
    let back = generation
    marks[source] = front
    marks[target] = back
    let count = marks.count
    // Where each frontier starts in `frontiers`, and how long it is.
    var (sourceStart, targetStart, nextStart) = (0, count, 2 * count)
    var (sourceLength, targetLength) = (1, 1)
    frontiers[sourceStart] = Int32(source)
    frontiers[targetStart] = Int32(target)
    var sourceWork = forward.degree(source)
    var targetWork = backward.degree(target)
    let (marks, steps, frontiers) = (marks, steps, frontiers)
    while sourceLength > 0 && targetLength > 0 {
      let growSource = sourceWork <= targetWork
      let own = growSource ? front : back
      let other = growSource ? back : front
      let (start, length) = growSource ? (sourceStart, sourceLength) : (targetStart, targetLength)
      var made = 0
      var work = 0
      let found: (Int, Int, Int32)? = { () -> (Int, Int, Int32)? in
        let (offsets, neighbors, edges) =
          growSource
          ? (forward.offsets, forward.neighbors, forward.edges)
          : (backward.offsets, backward.neighbors, backward.edges)
        for node in frontiers[start..<start + length] {
          for entry in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
            let reached = Int(neighbors[entry])
            let seen = marks[reached]
            if seen == other { return (Int(node), reached, edges[entry]) }
            guard seen != own else { continue }
            marks[reached] = own
            steps[reached] = Step(node: node, edge: edges[entry])
            frontiers[nextStart + made] = Int32(reached)
            made += 1
            work += Int(offsets[reached + 1] - offsets[reached])
          }
        }
        return nil
      }()
      if let (node, reached, edge) = found {
        let (from, to) = growSource ? (node, reached) : (reached, node)
        return trail(from: from, to: to, joining: edge, source: source, target: target)
      }
      if growSource {
        (sourceStart, nextStart) = (nextStart, sourceStart)
        (sourceLength, sourceWork) = (made, work)
      } else {
        (targetStart, nextStart) = (nextStart, targetStart)
        (targetLength, targetWork) = (made, work)
      }
    }
    return nil
  }

  /// The edges from the source to `from`, the joining edge, then `to` to the target.
  private func trail(from: Int, to: Int, joining: Int32, source: Int, target: Int) -> [Int32] {
    func hops(_ start: Int, _ end: Int) -> Int {
      var (node, hops) = (start, 0)
      while node != end { (node, hops) = (Int(steps[node].node), hops + 1) }
      return hops
    }
    let (left, right) = (hops(from, source), hops(to, target))
    // One array of the path's length: the source's side is walked back from the middle.
    return [Int32](unsafeUninitializedCapacity: left + 1 + right) { path, initialized in
      var node = from
      for position in stride(from: left - 1, through: 0, by: -1) {
        path[position] = steps[node].edge
        node = Int(steps[node].node)
      }
      path[left] = joining
      node = to
      for position in left + 1..<left + 1 + right {
        path[position] = steps[node].edge
        node = Int(steps[node].node)
      }
      initialized = left + 1 + right
    }
  }

}
