import QuarryCore

/// Turns annotated documents into the tagger's training examples and trains a model.
public enum TaggerTraining {
  /// A document as the tagger sees it, with the right label for each token.
  struct Example {
    var input: TaggerInput
    var gold: [UInt8]
    /// Entities whose edges fall inside one of Quarry's tokens, and so cannot be learnt.
    var unreachable: Int
  }

  /// Tokenises the text as extraction does and gives each token the BILOU label of the
  /// entity covering it.
  static func example(_ document: CoNLLDocument) -> Example {
    let tokens = Tokenizer.tokenize(document.text)
    let sentences = SentenceSplitter.split(tokens)
    var spans: [(range: Range<Int>, type: CoarseType)] = []
    var unreachable = 0
    for entity in document.entities {
      guard let type = CoarseType(conllName: entity.type) else { continue }
      let range = tokens.range(covering: entity.start, entity.end)
      guard !range.isEmpty, tokens[range.lowerBound].start == entity.start,
        tokens[range.upperBound - 1].end == entity.end
      else {
        unreachable += 1
        continue
      }
      spans.append((range, type))
    }
    return Example(
      input: TaggerInput(tokens: tokens, sentences: sentences),
      gold: EntityLabel.labels(count: tokens.count, spans: spans), unreachable: unreachable)
  }

  public struct EpochReport: Sendable {
    public var epoch: Int
    public var tokens: Int
    public var mistakes: Int
  }

  /// Trains for `epochs` passes, shuffling the documents before each with a fixed seed, and
  /// gives the model file's bytes. `report` hears after each pass, with the averaged
  /// tagger so far (for scoring against held-out data).
  public static func train(
    _ documents: [CoNLLDocument], epochs: Int, seed: UInt64 = 2003,
    report: (EpochReport, EntityTagger) throws -> Void = { _, _ in }
  ) rethrows -> (model: [UInt8], unreachable: Int) {
    let examples = documents.map(example)
    let pairs = examples.map { (input: $0.input, gold: $0.gold) }
    let trainer = PerceptronTrainer()
    var generator = SeededGenerator(state: seed)
    for epoch in 1...max(1, epochs) {
      let order = generator.shuffled(pairs.count)
      let result = trainer.epoch(pairs, order: order)
      try report(
        EpochReport(epoch: epoch, tokens: result.tokens, mistakes: result.mistakes),
        EntityTagger(weights: trainer.averaged()))
    }
    let weights = trainer.averaged()
    return (
      EntityTagger.serialize(weights),
      examples.reduce(0) { $0 + $1.unreachable }
    )
  }
}
