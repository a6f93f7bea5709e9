/// Scores a syntax model on gold CoNLL-U sentences, given their words, as the CoNLL 2018
/// shared task does with gold tokenisation: every word counts (punctuation too), and LAS
/// compares the universal part of the relation (`nmod`, not `nmod:poss`); `las_full`
/// compares whole relations.
public struct SyntaxScore: Sendable {
  public var words = 0
  public var upos = 0
  public var xpos = 0
  public var lemma = 0
  public var unlabelled = 0
  public var labelled = 0
  public var labelledFull = 0
  /// For each relation (universal part): gold words, predicted words, words right in both.
  public var byRelation: [String: (gold: Int, predicted: Int, correct: Int)] = [:]
  /// The time spent tagging, parsing and lemmatising, without reading or scoring.
  public var analysisSeconds: Double = 0

  public init() {}

  static func universal(_ relation: String) -> String {
    relation.split(separator: ":", maxSplits: 1).first.map(String.init) ?? relation
  }

  mutating func add(gold: CoNLLUSentence, predicted: [SyntaxModel.Word]) {
    for (word, guess) in zip(gold.words, predicted) {
      words += 1
      if word[CoNLLUColumn.upos] == guess.upos { upos += 1 }
      if word[CoNLLUColumn.xpos] == guess.xpos { xpos += 1 }
      if word[CoNLLUColumn.lemma] == guess.lemma { lemma += 1 }
      let goldRelation = Self.universal(word[CoNLLUColumn.deprel])
      let guessRelation = Self.universal(guess.relation)
      let headRight = Int(word[CoNLLUColumn.head]) == guess.head
      if headRight { unlabelled += 1 }
      if headRight && goldRelation == guessRelation { labelled += 1 }
      if headRight && word[CoNLLUColumn.deprel] == guess.relation { labelledFull += 1 }
      byRelation[goldRelation, default: (0, 0, 0)].gold += 1
      byRelation[guessRelation, default: (0, 0, 0)].predicted += 1
      if headRight && goldRelation == guessRelation { byRelation[goldRelation]!.correct += 1 }
    }
  }

  /// Scores the model on the sentences; with `goldTags`, the parser reads the file's own
  /// tags, to tell the parser's errors from those the tagger causes.
  /// `check` runs between batches (to stop on Ctrl-C).
  public static func score(
    _ sentences: [CoNLLUSentence], model: SyntaxModel, goldTags: Bool = false, check: () throws -> Void = {}
  ) rethrows -> SyntaxScore {
    var score = SyntaxScore()
    let scratch = SyntaxModel.Scratch()
    // In batches, so the tagger's and parser's arrays stay small.
    var start = 0
    let clock = ContinuousClock()
    while start < sentences.count {
      try check()
      let batch = sentences[start..<min(sentences.count, start + 256)]
      let forms = batch.map(\.forms)
      let began = clock.now
      let given =
        goldTags
        ? batch.map { $0.words.map { (upos: $0[CoNLLUColumn.upos], xpos: $0[CoNLLUColumn.xpos]) } } : nil
      let analysed = model.analyze(sentences: forms, scratch: scratch, givenTags: given)
      let elapsed = clock.now - began
      score.analysisSeconds +=
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      for (gold, predicted) in zip(batch, analysed) { score.add(gold: gold, predicted: predicted) }
      start += batch.count
    }
    return score
  }

  private func percent(_ count: Int) -> Double {
    words == 0 ? 0 : (Double(count) * 10000 / Double(words)).rounded() / 100
  }

  public var uposAccuracy: Double { percent(upos) }
  public var xposAccuracy: Double { percent(xpos) }
  public var lemmaAccuracy: Double { percent(lemma) }
  public var uas: Double { percent(unlabelled) }
  public var las: Double { percent(labelled) }
  public var lasFull: Double { percent(labelledFull) }
  public var wordsPerSecond: Int { analysisSeconds > 0 ? Int(Double(words) / analysisSeconds) : 0 }
}
