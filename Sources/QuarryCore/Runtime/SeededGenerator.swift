/// A small fixed-seed generator (SplitMix64), so shuffles repeat from run to run.
public struct SeededGenerator: RandomNumberGenerator {
  public var state: UInt64

  public init(state: UInt64) { self.state = state }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A Fisher–Yates shuffle that does not depend on the standard library's algorithm.
  public mutating func shuffled(_ count: Int) -> [Int] {
    var order = Array(0..<count)
    var index = count - 1
    while index > 0 {
      let other = Int(next() % UInt64(index + 1))
      order.swapAt(index, other)
      index -= 1
    }
    return order
  }
}
