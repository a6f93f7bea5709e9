/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and
/// Satta 2011), with the root placed after the last word (Ballesteros and Nivre 2013) and
/// allowed one dependent, so every parse is a tree with a single root.
///
/// Words are numbered 0..<n; the root is n. The moves: SHIFT pushes the buffer's first
/// word; LEFT(r) makes the buffer's first word the head of the stack's top and pops it;
/// RIGHT(r) makes the word under the top its head and pops it. A sentence of n words takes
/// exactly 2n moves.
struct ParserState {
  private(set) var count = 0
  var stack: [Int32] = []
  var front = 0
  var heads: [Int32] = []
  var relations: [UInt8] = []
  /// The two leftmost and two rightmost dependents of each word so far (-1: none), how
  /// many it has on each side, and which relations its dependents on each side have.
  var left1: [Int32] = []
  var left2: [Int32] = []
  var right1: [Int32] = []
  var right2: [Int32] = []
  var leftCount: [UInt8] = []
  var rightCount: [UInt8] = []
  var leftRelations: [UInt64] = []
  var rightRelations: [UInt64] = []

  /// Starts the parse of `count` words, reusing the arrays.
  mutating func reset(count: Int) {
    self.count = count
    stack.removeAll(keepingCapacity: true)
    front = 0
    func fill<T>(_ array: inout [T], _ value: T) {
      array.removeAll(keepingCapacity: true)
      array.append(contentsOf: repeatElement(value, count: count + 1))
    }
    fill(&heads, -1)
    fill(&relations, 0)
    fill(&left1, -1)
    fill(&left2, -1)
    fill(&right1, -1)
    fill(&right2, -1)
    fill(&leftCount, 0)
    fill(&rightCount, 0)
    fill(&leftRelations, 0)
    fill(&rightRelations, 0)
  }

  var isTerminal: Bool { stack.isEmpty && front == count }
  var root: Int { count }

  var canShift: Bool { front < count }
  /// LEFT to the root only when the top is the last word on the stack.
  var canLeft: Bool { !stack.isEmpty && (front < count || stack.count == 1) }
  var canRight: Bool { stack.count >= 2 }

  mutating func shift() {
    stack.append(Int32(front))
    front += 1
  }

  mutating func left(_ relation: UInt8) {
    let dependent = Int(stack.removeLast())
    attach(dependent, to: front, relation)
  }

  mutating func right(_ relation: UInt8) {
    let dependent = Int(stack.removeLast())
    attach(dependent, to: Int(stack[stack.count - 1]), relation)
  }

  private mutating func attach(_ dependent: Int, to head: Int, _ relation: UInt8) {
    heads[dependent] = Int32(head)
    relations[dependent] = relation
    let bit: UInt64 = 1 << UInt64(relation & 63)
    if dependent < head {
      // Moves attach left dependents from the nearest outwards, so a new one is leftmost.
      left2[head] = left1[head]
      left1[head] = Int32(dependent)
      leftCount[head] &+= 1
      leftRelations[head] |= bit
    } else {
      right2[head] = right1[head]
      right1[head] = Int32(dependent)
      rightCount[head] &+= 1
      rightRelations[head] |= bit
    }
  }
}

/// The parser's classes: 0 is SHIFT, 1 + r is LEFT(r), 1 + R + r is RIGHT(r) for R relations.
struct ParserMoves {
  let relationCount: Int
  /// The relation that only the root's dependent has.
  let rootRelation: UInt8

  var classCount: Int { 1 + 2 * relationCount }

  enum Kind { case shift, left, right }

  func kind(_ move: Int) -> Kind { move == 0 ? .shift : move <= relationCount ? .left : .right }
  func relation(_ move: Int) -> UInt8 { UInt8((move - 1) % relationCount) }

  /// Whether a move may be made: the root's dependent takes the root relation, and
  /// nothing else does.
  @inline(__always)
  func isLegal(_ move: Int, _ state: ParserState) -> Bool {
    switch kind(move) {
    case .shift: return state.canShift
    case .left:
      guard state.canLeft else { return false }
      return (state.front == state.count) == (relation(move) == rootRelation)
    case .right:
      return state.canRight && relation(move) != rootRelation
    }
  }

  /// The legal move with the highest score. Legality is worked out once for each kind of
  /// move, not for each of the 100-odd classes.
  @inline(__always)
  func best(_ scores: UnsafePointer<Float>, _ state: borrowing ParserState) -> Int {
    var best = -1
    var bestScore = -Float.infinity
    @inline(__always) func consider(_ move: Int) {
      if best < 0 || scores[move] > bestScore {
        best = move
        bestScore = scores[move]
      }
    }
    if state.canShift { consider(0) }
    let root = Int(rootRelation)
    if state.canLeft {
      if state.front == state.count {
        consider(1 + root)
      } else {
        for relation in 0..<relationCount where relation != root { consider(1 + relation) }
      }
    }
    if state.canRight {
      for relation in 0..<relationCount where relation != root { consider(1 + relationCount + relation) }
    }
    return best
  }

  func apply(_ move: Int, to state: inout ParserState) {
    switch kind(move) {
    case .shift: state.shift()
    case .left: state.left(relation(move))
    case .right: state.right(relation(move))
    }
  }
}

/// The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013): how many arcs of
/// the gold tree a move makes unreachable, so training can go on from wrong moves.
/// `gold` must be projective (see `Projectivizer`); the root is word n.
enum ArcHybridOracle {
  /// The costs of SHIFT, LEFT and RIGHT (ignoring relations); Int.max where illegal.
  static func costs(_ state: ParserState, gold: [Int32]) -> (shift: Int, left: Int, right: Int) {
    let n = state.count
    let stack = state.stack
    var shift = Int.max
    var left = Int.max
    var right = Int.max
    if state.canShift {
      // The buffer's first word gives up its heads and dependents on the stack, but for a
      // head on top of it.
      let b = Int32(state.front)
      var cost = 0
      for (place, k) in stack.enumerated() {
        if gold[Int(k)] == b { cost += 1 }
        if place < stack.count - 1 && gold[Int(b)] == k { cost += 1 }
      }
      shift = cost
    }
    if let s0 = stack.last.map(Int.init) {
      // Both pop the top, which loses its dependents still in the buffer.
      var dependents = 0
      for k in state.front...n where k < n && gold[k] == Int32(s0) { dependents += 1 }
      let head = Int(gold[s0])
      let s1 = stack.count >= 2 ? Int(stack[stack.count - 2]) : -1
      let headInBuffer = head >= state.front && head <= n
      if state.canLeft {
        // LEFT gives it the buffer's first word as head: a head under it or further in the
        // buffer is lost.
        left = dependents + ((head == s1 || (headInBuffer && head != state.front)) ? 1 : 0)
      }
      if state.canRight {
        // RIGHT gives it the word under it: a head in the buffer is lost.
        right = dependents + (headInBuffer ? 1 : 0)
      }
    }
    return (shift, left, right)
  }

  /// The cost of a labelled move: its arc's cost, and one more for the wrong relation on
  /// a right arc.
  @inline(__always)
  static func cost(
    _ move: Int, moves: ParserMoves, state: ParserState, costs: (shift: Int, left: Int, right: Int),
    gold: [Int32], goldRelations: [UInt8]
  ) -> Int {
    switch moves.kind(move) {
    case .shift: return costs.shift
    case .left:
      guard costs.left != Int.max else { return Int.max }
      let s0 = Int(state.stack[state.stack.count - 1])
      return costs.left + (Int(gold[s0]) == state.front && goldRelations[s0] != moves.relation(move) ? 1 : 0)
    case .right:
      guard costs.right != Int.max else { return Int.max }
      let s0 = Int(state.stack[state.stack.count - 1])
      let s1 = state.stack[state.stack.count - 2]
      return costs.right + (gold[s0] == s1 && goldRelations[s0] != moves.relation(move) ? 1 : 0)
    }
  }
}

/// Makes a tree projective by lifting each crossing arc to the head's head, shortest
/// first, until none cross (Nivre and Nilsson 2005, without encoding the lifts in labels).
enum Projectivizer {
  /// `heads[i]` is word i's head, with `heads.count` standing for the root.
  static func projectivize(_ heads: [Int32]) -> [Int32] {
    var heads = heads
    let n = heads.count
    func isAncestor(_ ancestor: Int, _ word: Int) -> Bool {
      var current = word
      var steps = 0
      while current != n && steps <= n {
        if current == ancestor { return true }
        current = Int(heads[current])
        steps += 1
      }
      return ancestor == n
    }
    func crosses(_ dependent: Int) -> Bool {
      let head = Int(heads[dependent])
      let low = min(head, dependent)
      let high = head == n ? n : max(head, dependent)
      guard low + 1 < high else { return false }
      for k in (low + 1)..<min(high, n) where !isAncestor(head, k) { return true }
      return false
    }
    while true {
      var shortest = -1
      var shortestLength = Int.max
      for dependent in 0..<n where crosses(dependent) {
        let length = abs(Int(heads[dependent]) - dependent)
        if length < shortestLength {
          shortest = dependent
          shortestLength = length
        }
      }
      guard shortest >= 0 else { return heads }
      let head = Int(heads[shortest])
      guard head != n else { return heads }
      heads[shortest] = heads[head]
    }
  }
}
