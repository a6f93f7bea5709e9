import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct ArcHybridOracleTests {
  /// A random projective tree over n words (the root is n): each span's head is drawn,
  /// and its two sides are built inside it.
  static func projectiveTree(_ n: Int, _ generator: inout SeededGenerator) -> [Int32] {
    var heads = [Int32](repeating: 0, count: n)
    func build(_ range: Range<Int>, head: Int) {
      guard !range.isEmpty else { return }
      let top = range.lowerBound + Int(generator.next() % UInt64(range.count))
      heads[top] = Int32(head)
      build(range.lowerBound..<top, head: top)
      build((top + 1)..<range.upperBound, head: top)
    }
    build(0..<n, head: n)
    return heads
  }

  @Test func followingTheZeroCostMovesRebuildsEveryProjectiveTree() {
    var generator = SeededGenerator(state: 11)
    let moves = ParserMoves(relationCount: 3, rootRelation: 0)
    for _ in 0..<200 {
      let n = 1 + Int(generator.next() % 25)
      let gold = Self.projectiveTree(n, &generator)
      let relations = (0..<n).map { gold[$0] == Int32(n) ? UInt8(0) : UInt8(1 + $0 % 2) }
      var state = ParserState()
      state.reset(count: n)
      var steps = 0
      while !state.isTerminal {
        let costs = ArcHybridOracle.costs(state, gold: gold)
        let free = (0..<moves.classCount).filter {
          moves.isLegal($0, state)
            && ArcHybridOracle.cost(
              $0, moves: moves, state: state, costs: costs, gold: gold, goldRelations: relations)
              == 0
        }
        #expect(!free.isEmpty)
        guard let move = free.first else { break }
        moves.apply(move, to: &state)
        steps += 1
      }
      #expect(steps == 2 * n)
      #expect(Array(state.heads[0..<n]) == gold)
      #expect(Array(state.relations[0..<n]) == relations)
    }
  }

  @Test func anyLegalMovesGiveOneTreeWithOneRoot() {
    var generator = SeededGenerator(state: 5)
    let moves = ParserMoves(relationCount: 4, rootRelation: 2)
    for _ in 0..<200 {
      let n = 1 + Int(generator.next() % 30)
      var state = ParserState()
      state.reset(count: n)
      while !state.isTerminal {
        let legal = (0..<moves.classCount).filter { moves.isLegal($0, state) }
        #expect(!legal.isEmpty)
        moves.apply(legal[Int(generator.next() % UInt64(legal.count))], to: &state)
      }
      let heads = Array(state.heads[0..<n])
      #expect(heads.filter { $0 == Int32(n) }.count == 1)
      #expect(SyntaxTraining.isTree(heads))
      for index in 0..<n {
        #expect((heads[index] == Int32(n)) == (state.relations[index] == 2))
      }
    }
  }

  @Test func aWrongMoveCostsTheArcsItLoses() {
    // "the dog barked": the → dog, dog → barked, barked → root (3).
    let gold: [Int32] = [1, 2, 3]
    var state = ParserState()
    state.reset(count: 3)
    state.shift()
    // RIGHT is illegal with one word on the stack; LEFT gives "the" its head "dog".
    var costs = ArcHybridOracle.costs(state, gold: gold)
    #expect(costs.left == 0 && costs.right == Int.max)
    // Shifting "dog" on top of "the" loses the → dog.
    #expect(costs.shift == 1)
    state.shift()
    costs = ArcHybridOracle.costs(state, gold: gold)
    #expect(costs.right == 1)
  }
}
