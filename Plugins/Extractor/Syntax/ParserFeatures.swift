/// The parser's feature templates: the rich non-local set of Zhang and Nivre (2011),
/// moved to the arc-hybrid system's positions (the top three of the stack, the first
/// three of the buffer, the outermost dependents of each, distances, valencies and the
/// relations already given). Each feature is a 64-bit hash of a template number and the
/// words, tags and relations it joins.
enum ParserFeatures {
  /// Template numbers, fixed: a trained model depends on them.
  private enum Template: UInt64 {
    case bias = 1
    case s0w, s0p, s0wp, b0w, b0p, b0wp, b1w, b1p, b1wp, b2w, b2p, b2wp, s1w, s1p, s1wp, s2w, s2p
    case s0wpB0wp, s0wpB0w, s0wB0wp, s0wpB0p, s0pB0wp, s0wB0w, s0pB0p, b0pB1p
    case s1wpS0wp, s1wS0w, s1pS0p, s1pS0wp, s1wpS0p
    case b0pB1pB2p, s0pB0pB1p, s1pS0pB0p, s0pS0lpB0p, s0pS0rpB0p, s0pB0pB0lp, s2pS1pS0p, s1pS1rpS0p
    case s1pS1lpS0p, s1pS0pS0rp, s1pS0pS0lp
    case s0wDistance, s0pDistance, b0wDistance, b0pDistance, s0wB0wDistance, s0pB0pDistance
    case s1pS0pDistance, s1wS0wDistance
    case s0wRightValency, s0pRightValency, s0wLeftValency, s0pLeftValency, b0wLeftValency, b0pLeftValency
    case s1pRightValency, s1pLeftValency
    case s0lw, s0lp, s0ll, s0rw, s0rp, s0rl, b0lw, b0lp, b0ll, s1rw, s1rp, s1rl, s1lp, s1ll
    case s0l2w, s0l2p, s0l2l, s0r2p, s0r2l, b0l2p, b0l2l, s0pS0lpS0l2p, s0pS0rpS0r2p, b0pB0lpB0l2p, s1r2p
    case s0wRightSet, s0pRightSet, s0wLeftSet, s0pLeftSet, b0wLeftSet, b0pLeftSet, s1pRightSet
    case s0lpS0pB0p, s1pS0pB0pB1p
    case s0a, b0a, b1a, s1a, s0aB0a, s0pB0a, s0aB0p, s1aS0a
  }

  @inline(__always)
  private static func key(_ template: Template, _ a: UInt64) -> UInt64 {
    FeatureHash.mix(template.rawValue, a)
  }

  @inline(__always)
  private static func key(_ template: Template, _ a: UInt64, _ b: UInt64) -> UInt64 {
    FeatureHash.mix(FeatureHash.mix(template.rawValue, a), b)
  }

  @inline(__always)
  private static func key(_ template: Template, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
    FeatureHash.mix(FeatureHash.mix(FeatureHash.mix(template.rawValue, a), b), c)
  }

  private static let noWord: UInt64 = 0x1
  private static let rootWord: UInt64 = 0x2

  /// Distances 1, 2, 3, 4, 5–9 and 10 or more apart; 0 when either is missing.
  @inline(__always)
  private static func distance(_ a: Int, _ b: Int) -> UInt64 {
    guard a >= 0, b >= 0 else { return 0 }
    let d = abs(b - a)
    return d < 5 ? UInt64(d) : d < 10 ? 5 : 6
  }

  /// At most how many features `collect` writes.
  static let capacity = 128

  /// The features of a configuration, written to `features` (room for `capacity`); gives
  /// their number. `words` are the words' hashed lower-case forms, `tags` their tags and
  /// `classes` their ambiguity classes (the tags each word took in training, which say
  /// what the tagger may have got wrong), for the `state.count` words of the sentence.
  @inline(__always)
  static func collect(
    _ state: borrowing ParserState, words: UnsafeBufferPointer<UInt64>, tags: UnsafeBufferPointer<UInt8>,
    classes: UnsafeBufferPointer<UInt64>, into features: UnsafeMutablePointer<UInt64>
  ) -> Int {
    var written = 0
    @inline(__always) func put(_ feature: UInt64) {
      features[written] = feature
      written += 1
    }
    let n = state.count
    let stack = state.stack
    let depth = stack.count
    let s0 = depth > 0 ? Int(stack[depth - 1]) : -1
    let s1 = depth > 1 ? Int(stack[depth - 2]) : -1
    let s2 = depth > 2 ? Int(stack[depth - 3]) : -1
    let b0 = state.front
    let b1 = b0 + 1 <= n ? b0 + 1 : -1
    let b2 = b0 + 2 <= n ? b0 + 2 : -1
    @inline(__always) func w(_ x: Int) -> UInt64 { x < 0 ? noWord : x == n ? rootWord : words[x] }
    @inline(__always) func p(_ x: Int) -> UInt64 { x < 0 ? 0 : x == n ? 1 : UInt64(tags[x]) + 2 }
    @inline(__always) func l(_ x: Int) -> UInt64 { x < 0 ? 0 : UInt64(state.relations[x]) + 1 }
    @inline(__always) func wp(_ x: Int) -> UInt64 { FeatureHash.mix(w(x), p(x)) }
    @inline(__always) func a(_ x: Int) -> UInt64 { x < 0 ? noWord : x == n ? rootWord : classes[x] }
    @inline(__always) func child(_ array: [Int32], _ x: Int) -> Int { x < 0 ? -1 : Int(array[x]) }

    let s0w = w(s0)
    let s0p = p(s0)
    let s0wp = wp(s0)
    let b0w = w(b0)
    let b0p = p(b0)
    let b0wp = wp(b0)
    let s1w = w(s1)
    let s1p = p(s1)
    let s1wp = wp(s1)
    let b1p = p(b1)
    let b2p = p(b2)
    let s0l = child(state.left1, s0)
    let s0r = child(state.right1, s0)
    let s0l2 = child(state.left2, s0)
    let s0r2 = child(state.right2, s0)
    let b0l = child(state.left1, b0)
    let b0l2 = child(state.left2, b0)
    let s1l = child(state.left1, s1)
    let s1r = child(state.right1, s1)
    let s1r2 = child(state.right2, s1)
    let s0lp = p(s0l)
    let s0rp = p(s0r)
    let b0lp = p(b0l)
    let s1rp = p(s1r)
    let s1lp = p(s1l)

    put(key(.bias, 0))
    // Single positions.
    put(key(.s0w, s0w))
    put(key(.s0p, s0p))
    put(key(.s0wp, s0wp))
    put(key(.b0w, b0w))
    put(key(.b0p, b0p))
    put(key(.b0wp, b0wp))
    put(key(.b1w, w(b1)))
    put(key(.b1p, b1p))
    put(key(.b1wp, wp(b1)))
    put(key(.b2w, w(b2)))
    put(key(.b2p, b2p))
    put(key(.b2wp, wp(b2)))
    put(key(.s1w, s1w))
    put(key(.s1p, s1p))
    put(key(.s1wp, s1wp))
    put(key(.s2w, w(s2)))
    put(key(.s2p, p(s2)))
    // Pairs.
    put(key(.s0wpB0wp, s0wp, b0wp))
    put(key(.s0wpB0w, s0wp, b0w))
    put(key(.s0wB0wp, s0w, b0wp))
    put(key(.s0wpB0p, s0wp, b0p))
    put(key(.s0pB0wp, s0p, b0wp))
    put(key(.s0wB0w, s0w, b0w))
    put(key(.s0pB0p, s0p, b0p))
    put(key(.b0pB1p, b0p, b1p))
    put(key(.s1wpS0wp, s1wp, s0wp))
    put(key(.s1wS0w, s1w, s0w))
    put(key(.s1pS0p, s1p, s0p))
    put(key(.s1pS0wp, s1p, s0wp))
    put(key(.s1wpS0p, s1wp, s0p))
    // Triples of tags.
    put(key(.b0pB1pB2p, b0p, b1p, b2p))
    put(key(.s0pB0pB1p, s0p, b0p, b1p))
    put(key(.s1pS0pB0p, s1p, s0p, b0p))
    put(key(.s0pS0lpB0p, s0p, s0lp, b0p))
    put(key(.s0pS0rpB0p, s0p, s0rp, b0p))
    put(key(.s0pB0pB0lp, s0p, b0p, b0lp))
    put(key(.s2pS1pS0p, p(s2), s1p, s0p))
    put(key(.s1pS1rpS0p, s1p, s1rp, s0p))
    put(key(.s1pS1lpS0p, s1p, s1lp, s0p))
    put(key(.s1pS0pS0rp, s1p, s0p, s0rp))
    put(key(.s1pS0pS0lp, s1p, s0p, s0lp))
    put(key(.s0lpS0pB0p, s0lp, s0p, b0p))
    put(key(.s1pS0pB0pB1p, FeatureHash.mix(s1p, s0p), b0p, b1p))
    // Distances.
    let d = distance(s0, b0)
    let d1 = distance(s1, s0)
    put(key(.s0wDistance, s0w, d))
    put(key(.s0pDistance, s0p, d))
    put(key(.b0wDistance, b0w, d))
    put(key(.b0pDistance, b0p, d))
    put(key(.s0wB0wDistance, s0w, b0w, d))
    put(key(.s0pB0pDistance, s0p, b0p, d))
    put(key(.s1pS0pDistance, s1p, s0p, d1))
    put(key(.s1wS0wDistance, s1w, s0w, d1))
    // Valencies.
    let s0rv = s0 < 0 ? 0 : UInt64(state.rightCount[s0]) + 1
    let s0lv = s0 < 0 ? 0 : UInt64(state.leftCount[s0]) + 1
    let b0lv = UInt64(state.leftCount[b0]) + 1
    put(key(.s0wRightValency, s0w, s0rv))
    put(key(.s0pRightValency, s0p, s0rv))
    put(key(.s0wLeftValency, s0w, s0lv))
    put(key(.s0pLeftValency, s0p, s0lv))
    put(key(.b0wLeftValency, b0w, b0lv))
    put(key(.b0pLeftValency, b0p, b0lv))
    put(key(.s1pRightValency, s1p, s1 < 0 ? 0 : UInt64(state.rightCount[s1]) + 1))
    put(key(.s1pLeftValency, s1p, s1 < 0 ? 0 : UInt64(state.leftCount[s1]) + 1))
    // Dependents.
    put(key(.s0lw, w(s0l)))
    put(key(.s0lp, s0lp))
    put(key(.s0ll, l(s0l)))
    put(key(.s0rw, w(s0r)))
    put(key(.s0rp, s0rp))
    put(key(.s0rl, l(s0r)))
    put(key(.b0lw, w(b0l)))
    put(key(.b0lp, b0lp))
    put(key(.b0ll, l(b0l)))
    put(key(.s1rw, w(s1r)))
    put(key(.s1rp, s1rp))
    put(key(.s1rl, l(s1r)))
    put(key(.s1lp, s1lp))
    put(key(.s1ll, l(s1l)))
    put(key(.s0l2w, w(s0l2)))
    put(key(.s0l2p, p(s0l2)))
    put(key(.s0l2l, l(s0l2)))
    put(key(.s0r2p, p(s0r2)))
    put(key(.s0r2l, l(s0r2)))
    put(key(.b0l2p, p(b0l2)))
    put(key(.b0l2l, l(b0l2)))
    put(key(.s0pS0lpS0l2p, s0p, s0lp, p(s0l2)))
    put(key(.s0pS0rpS0r2p, s0p, s0rp, p(s0r2)))
    put(key(.b0pB0lpB0l2p, b0p, b0lp, p(b0l2)))
    put(key(.s1r2p, p(s1r2)))
    // The relations a word's dependents already have.
    let s0rs = s0 < 0 ? 0 : state.rightRelations[s0]
    let s0ls = s0 < 0 ? 0 : state.leftRelations[s0]
    let b0ls = state.leftRelations[b0]
    put(key(.s0wRightSet, s0w, s0rs))
    put(key(.s0pRightSet, s0p, s0rs))
    put(key(.s0wLeftSet, s0w, s0ls))
    put(key(.s0pLeftSet, s0p, s0ls))
    put(key(.b0wLeftSet, b0w, b0ls))
    put(key(.b0pLeftSet, b0p, b0ls))
    put(key(.s1pRightSet, s1p, s1 < 0 ? 0 : state.rightRelations[s1]))
    // Ambiguity classes.
    let s0a = a(s0)
    let b0a = a(b0)
    let s1a = a(s1)
    put(key(.s0a, s0a))
    put(key(.b0a, b0a))
    put(key(.b1a, a(b1)))
    put(key(.s1a, s1a))
    put(key(.s0aB0a, s0a, b0a))
    put(key(.s0pB0a, s0p, b0a))
    put(key(.s0aB0p, s0a, b0p))
    put(key(.s1aS0a, s1a, s0a))
    return written
  }
}
