import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct ProjectivizerTests {
  static func isProjective(_ heads: [Int32]) -> Bool {
    let n = heads.count
    for (dependent, head) in heads.enumerated() {
      let low = min(Int(head), dependent)
      let high = max(Int(head), dependent)
      for k in (low + 1)..<high where k < n {
        var current = k
        while current != n && current != Int(head) { current = Int(heads[current]) }
        if current != Int(head) && Int(head) != n { return false }
      }
    }
    return true
  }

  @Test func liftsCrossingArcsAndLeavesProjectiveTreesAlone() {
    // 0 → 2, 1 → root, 2 → 1, 3 → 0: the arc 0 → 3 crosses 1 → root... and 2's arc.
    let crossing: [Int32] = [2, 4, 1, 0]
    let lifted = Projectivizer.projectivize(crossing)
    #expect(Self.isProjective(lifted))
    #expect(SyntaxTraining.isTree(lifted))
    let projective: [Int32] = [1, 3, 1]
    #expect(Projectivizer.projectivize(projective) == projective)
  }

  @Test func randomTreesComeOutProjectiveTrees() {
    var generator = SeededGenerator(state: 3)
    for _ in 0..<300 {
      let n = 2 + Int(generator.next() % 15)
      // A random tree: each word after the first hangs from an earlier one or the root,
      // then the words are shuffled.
      let order = generator.shuffled(n)
      var heads = [Int32](repeating: Int32(n), count: n)
      for position in 1..<n {
        heads[order[position]] = Int32(order[Int(generator.next() % UInt64(position))])
      }
      let lifted = Projectivizer.projectivize(heads)
      #expect(SyntaxTraining.isTree(lifted))
      #expect(Self.isProjective(lifted))
    }
  }
}
