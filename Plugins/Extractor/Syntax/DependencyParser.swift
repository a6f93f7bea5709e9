/// The greedy arc-hybrid dependency parser: at each configuration the averaged
/// perceptron scores every legal move and the best is made. Training follows the dynamic
/// oracle, so the parser learns to recover from its own mistakes.
enum ParserDecoder {
  /// What one thread keeps between sentences: the configuration's arrays and the feature
  /// buffer, so parsing allocates nothing per word.
  final class Scratch {
    var state = ParserState()
    let features = UnsafeMutablePointer<UInt64>.allocate(capacity: ParserFeatures.capacity)
    var scores: [Float] = []
    init() {}
    deinit { features.deallocate() }
  }

  /// What training needs at each step: the gold tree (projective; the root is word n),
  /// the learner to update, and whether and how to follow the parser's own wrong moves.
  struct Learning {
    var gold: [Int32]
    var goldRelations: [UInt8]
    var learner: AveragedPerceptron
    /// Follow a wrong prediction when `explore()` says so.
    var explore: () -> Bool
  }

  /// Parses one sentence: its heads (the root is `words.count`) and relations.
  static func parse<Weights: ClassWeights>(
    words: UnsafeBufferPointer<UInt64>, tags: UnsafeBufferPointer<UInt8>,
    classes: UnsafeBufferPointer<UInt64>,
    moves: ParserMoves,
    weights: Weights, scratch: Scratch, learning: Learning? = nil
  ) -> (heads: ArraySlice<Int32>, relations: ArraySlice<UInt8>) {
    let n = words.count
    let classCount = moves.classCount
    scratch.state.reset(count: n)
    if scratch.scores.count < HashedWeights.padded(classCount) {
      scratch.scores = [Float](repeating: 0, count: HashedWeights.padded(classCount))
    }
    while !scratch.state.isTerminal {
      let features = UnsafeBufferPointer(
        start: scratch.features,
        count: ParserFeatures.collect(
          scratch.state, words: words, tags: tags, classes: classes, into: scratch.features))
      let chosen = scratch.scores.withUnsafeMutableBufferPointer { scores -> Int in
        let base = scores.baseAddress!
        base.initialize(repeating: 0, count: HashedWeights.padded(classCount))
        weights.accumulate(features, into: base)
        let best = moves.best(base, scratch.state)
        guard let learning else { return best }
        return learn(
          best: best, scores: base, state: scratch.state, moves: moves, learning: learning,
          features: features)
      }
      moves.apply(chosen, to: &scratch.state)
    }
    return (scratch.state.heads[0..<n], scratch.state.relations[0..<n])
  }

  /// Training's step: updates the learner when the best-scoring move costs more than the
  /// cheapest, and says which move to make.
  private static func learn(
    best: Int, scores: UnsafePointer<Float>, state: ParserState, moves: ParserMoves, learning: Learning,
    features: UnsafeBufferPointer<UInt64>
  ) -> Int {
    let classCount = moves.classCount
    let costs = ArcHybridOracle.costs(state, gold: learning.gold)
    var cheapest = -1
    var cheapestCost = Int.max
    for move in 0..<classCount where moves.isLegal(move, state) {
      let cost = ArcHybridOracle.cost(
        move, moves: moves, state: state, costs: costs, gold: learning.gold,
        goldRelations: learning.goldRelations)
      if cost < cheapestCost || (cost == cheapestCost && scores[move] > scores[cheapest]) {
        cheapest = move
        cheapestCost = cost
      }
    }
    let bestCost = ArcHybridOracle.cost(
      best, moves: moves, state: state, costs: costs, gold: learning.gold,
      goldRelations: learning.goldRelations)
    learning.learner.tick()
    guard bestCost > cheapestCost else { return best }
    learning.learner.update(features, right: cheapest, wrong: best)
    return learning.explore() ? best : cheapest
  }
}
