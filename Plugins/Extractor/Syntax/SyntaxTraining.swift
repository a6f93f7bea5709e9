import QuarryCore

/// Trains the syntax model from a treebank in CoNLL-U. Deterministic: sentences are
/// shuffled by fixed-seed generators, exploration draws from one too, and every table is
/// written in a sorted order, so the same file gives the same model, byte for byte.
public enum SyntaxTraining {
  public struct Options: Sendable {
    public var taggerEpochs = 10
    public var parserEpochs = 12
    /// Folds for jackknifing: the parser learns from tags given by taggers that did not
    /// see the sentence, as tags will be when parsing new text.
    public var folds = 5
    public var seed: UInt64 = 2017
    /// Features the parser learnt from fewer wrong decisions than this are left out of the
    /// model: they make it larger, not better.
    public var minimumUpdates: Int32 = 2
    public init() {}
  }

  /// A training sentence as the models see it.
  struct Example {
    var words: [WordFeatures]
    var lowers: [UInt64]
    /// The words' ambiguity classes in the final tagger's lexicon.
    var classes: [UInt64] = []
    var tags: [UInt8]
    /// Heads with the root as word n, made projective.
    var heads: [Int32]
    var relations: [UInt8]
  }

  public struct Report: Sendable {
    public var stage: String
    public var epoch: Int
    public var mistakes: Int
    public var decisions: Int
  }

  public struct TrainingError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Trains a model; `report` hears after each pass, with the model as it would be if
  /// training stopped there (nil while the tagger trains), for scoring on held-out data.
  /// A sentence of words with Penn Treebank tags only, for the tagger alone (CoNLL-2003's
  /// part-of-speech column: news, which the treebank has little of).
  public typealias TaggedSentence = [(form: String, xpos: String)]

  public static func train(
    _ sentences: [CoNLLUSentence], taggedOnly: [TaggedSentence] = [], options: Options = Options(),
    report: (Report, SyntaxModel?) throws -> Void = { _, _ in }
  ) throws -> SyntaxModel {
    // The label sets, sorted.
    var tagNames: Set<String> = []
    var relationNames: Set<String> = []
    for sentence in sentences {
      for word in sentence.words {
        tagNames.insert(word[CoNLLUColumn.upos] + "\t" + word[CoNLLUColumn.xpos])
        relationNames.insert(word[CoNLLUColumn.deprel])
      }
    }
    guard tagNames.count < 256 else { throw TrainingError(description: "more than 255 UPOS/XPOS pairs") }
    guard relationNames.count < 64 else { throw TrainingError(description: "more than 63 relations") }
    guard relationNames.contains("root") else {
      throw TrainingError(description: "no word has the relation 'root'")
    }
    let tags = TagSet(names: tagNames.sorted())
    let relations = relationNames.sorted()
    let relationNumber = Dictionary(uniqueKeysWithValues: relations.enumerated().map { ($1, UInt8($0)) })
    let root = relationNumber["root"]!

    var buffer: [UInt8] = []
    var examples: [Example] = []
    examples.reserveCapacity(sentences.count)
    for sentence in sentences {
      let words = sentence.words.map { WordFeatures($0.form, buffer: &buffer) }
      let n = sentence.words.count
      var heads = sentence.words.map { word -> Int32 in
        let head = Int(word[CoNLLUColumn.head])!
        return head == 0 ? Int32(n) : Int32(head - 1)
      }
      // A sentence whose heads do not make one tree with a single root can teach the
      // tagger but not the parser.
      let isTree = Self.isTree(heads) && heads.filter { $0 == Int32(n) }.count == 1
      if isTree { heads = Projectivizer.projectivize(heads) }
      examples.append(
        Example(
          words: words, lowers: words.map(\.lower),
          tags: sentence.words.map {
            UInt8(tags.index(upos: $0[CoNLLUColumn.upos], xpos: $0[CoNLLUColumn.xpos])!)
          },
          heads: isTree ? heads : [],
          relations: sentence.words.map { relationNumber[$0[CoNLLUColumn.deprel]]! }))
    }

    let extra = taggedExamples(taggedOnly, treebank: sentences, tags: tags)

    // Tags for the parser to learn from, each from a tagger that did not see its sentence.
    var predicted = [[UInt8]](repeating: [], count: examples.count)
    precondition(options.parserEpochs >= 1 && options.taggerEpochs >= 1 && options.folds >= 2)
    let folds = options.folds
    for fold in 0..<folds {
      try Interrupt.check()
      let held = examples.indices.filter { $0 % folds == fold }
      let rest = examples.indices.filter { $0 % folds != fold }
      let (lexicon, weights, _) = try trainTagger(
        rest.map { examples[$0] } + extra, tagCount: tags.count, epochs: options.taggerEpochs,
        seed: options.seed &+ UInt64(fold), report: { _ in })
      for index in held {
        predicted[index] = tag(examples[index].words, lexicon: lexicon, weights: weights)
      }
    }
    let (lexicon, tagger, heldOutClasses) = try trainTagger(
      examples + extra, tagCount: tags.count, epochs: options.taggerEpochs, seed: options.seed,
      report: { try report($0, nil) })

    let lemmatizer = Lemmatizer(
      learningFrom: sentences.flatMap { sentence in
        sentence.words.map { (form: $0.form, xpos: $0[CoNLLUColumn.xpos], lemma: $0[CoNLLUColumn.lemma]) }
      })

    // The parser, seeing rare words as one.
    for index in examples.indices {
      // The classes as the tagger learnt them: from a lexicon that did not see the sentence.
      examples[index].classes = heldOutClasses[index]
      examples[index].lowers = examples[index].lowers.map { lexicon.entry($0).parserWord }
    }
    let moves = ParserMoves(relationCount: relations.count, rootRelation: root)
    let learner = AveragedPerceptron(classCount: moves.classCount)
    var shuffler = SeededGenerator(state: options.seed &+ 100)
    var explorer = SeededGenerator(state: options.seed &+ 200)
    let scratch = ParserDecoder.Scratch()
    let parsed = examples.indices.filter { !examples[$0].heads.isEmpty }
    for epoch in 1...options.parserEpochs {
      try Interrupt.check()
      let mistakesBefore = learner.mistakes
      let clockBefore = learner.clock
      for (step, position) in shuffler.shuffled(parsed.count).enumerated() {
        if step % 512 == 0 { try Interrupt.check() }
        let example = examples[parsed[position]]
        let sentenceTags = predicted[parsed[position]]
        let explores = epoch > 1
        let learning = ParserDecoder.Learning(
          gold: example.heads, goldRelations: example.relations, learner: learner,
          explore: { explores && explorer.next() % 10 != 0 })
        _ = example.lowers.withUnsafeBufferPointer { lowers in
          sentenceTags.withUnsafeBufferPointer { tags in
            example.classes.withUnsafeBufferPointer { classes in
              ParserDecoder.parse(
                words: lowers, tags: tags, classes: classes, moves: moves, weights: learner, scratch: scratch,
                learning: learning)
            }
          }
        }
      }
      let model = SyntaxModel(
        tags: tags, relations: relations, rootRelation: root, lexicon: lexicon, tagger: tagger,
        parser: learner.averaged(minimumUpdates: options.minimumUpdates), lemmatizer: lemmatizer)
      try report(
        Report(
          stage: "parser", epoch: epoch, mistakes: learner.mistakes - mistakesBefore,
          decisions: Int(learner.clock - clockBefore)), model)
      if epoch == options.parserEpochs { return model }
    }
    preconditionFailure("the parser trains for at least one pass")
  }

  /// Sentences with Penn Treebank tags as tagger examples: each word's UPOS is the one the
  /// treebank gives that tag and word most often, else that tag most often; quotes and
  /// brackets are written as the treebank writes their tags. A sentence with a tag the
  /// treebank lacks is left out.
  static func taggedExamples(_ tagged: [TaggedSentence], treebank: [CoNLLUSentence], tags: TagSet)
    -> [Example]
  {
    guard !tagged.isEmpty else { return [] }
    var byWord: [String: [String: Int]] = [:]
    var byTag: [String: [String: Int]] = [:]
    for sentence in treebank {
      for word in sentence.words {
        let xpos = word[CoNLLUColumn.xpos]
        let upos = word[CoNLLUColumn.upos]
        byWord[xpos + "\u{1}" + word.form.lowercased(), default: [:]][upos, default: 0] += 1
        byTag[xpos, default: [:]][upos, default: 0] += 1
      }
    }
    func mostFrequent(_ counts: [String: Int]) -> String {
      counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
    }
    var buffer: [UInt8] = []
    var examples: [Example] = []
    sentences: for sentence in tagged where !sentence.isEmpty {
      var labels: [UInt8] = []
      var openQuote = true
      for (form, given) in sentence {
        var xpos = given
        switch given {
        case "(": xpos = "-LRB-"
        case ")": xpos = "-RRB-"
        case "\"":
          xpos = openQuote ? "``" : "''"
          openQuote.toggle()
        default: break
        }
        guard let counts = byWord[xpos + "\u{1}" + form.lowercased()] ?? byTag[xpos],
          let label = tags.index(upos: mostFrequent(counts), xpos: xpos).map(UInt8.init)
        else { continue sentences }
        labels.append(label)
      }
      let words = sentence.map { WordFeatures($0.form, buffer: &buffer) }
      examples.append(
        Example(words: words, lowers: words.map(\.lower), tags: labels, heads: [], relations: []))
    }
    return examples
  }

  /// Whether every word reaches the root (word n) without a cycle.
  static func isTree(_ heads: [Int32]) -> Bool {
    let n = heads.count
    for start in 0..<n {
      var current = start
      var steps = 0
      while current != n {
        let head = Int(heads[current])
        guard head >= 0, head <= n, steps <= n else { return false }
        current = head
        steps += 1
      }
    }
    return true
  }

  private static func trainTagger(
    _ examples: [Example], tagCount: Int, epochs: Int, seed: UInt64, report: (Report) throws -> Void
  ) throws -> (TagLexicon, HashedWeights, classes: [[UInt64]]) {
    let lexicon = TagLexicon(words: examples.map(\.lowers), tags: examples.map(\.tags))
    // Each sentence learns from the ambiguity classes of a lexicon that did not see it, as
    // new text will meet the lexicon: a word seen only in this sentence is unknown here.
    var classes = [[UInt64]](repeating: [], count: examples.count)
    let lexiconFolds = 5
    for fold in 0..<lexiconFolds {
      let others = examples.indices.filter { $0 % lexiconFolds != fold }
      let partial = TagLexicon(
        words: others.map { examples[$0].lowers }, tags: others.map { examples[$0].tags })
      for index in examples.indices where index % lexiconFolds == fold {
        classes[index] = examples[index].lowers.map(partial.ambiguityClass)
      }
    }
    let learner = AveragedPerceptron(classCount: tagCount)
    var generator = SeededGenerator(state: seed)
    var tags: [UInt8] = []
    for epoch in 1...max(1, epochs) {
      try Interrupt.check()
      var mistakes = 0
      var decisions = 0
      for (step, index) in generator.shuffled(examples.count).enumerated() {
        if step % 512 == 0 { try Interrupt.check() }
        let example = examples[index]
        tags = [UInt8](repeating: 0, count: example.words.count)
        TagFeatures.decode(
          example.words, classes: classes[index], sentence: 0..<example.words.count, weights: learner,
          into: &tags, gold: example.tags, learner: learner)
        for (tag, gold) in zip(tags, example.tags) where tag != gold { mistakes += 1 }
        decisions += tags.count
      }
      try report(Report(stage: "tagger", epoch: epoch, mistakes: mistakes, decisions: decisions))
    }
    return (lexicon, learner.averaged(), classes)
  }

  private static func tag(_ words: [WordFeatures], lexicon: TagLexicon, weights: HashedWeights) -> [UInt8] {
    var tags = [UInt8](repeating: 0, count: words.count)
    TagFeatures.decode(
      words, classes: words.map { lexicon.ambiguityClass($0.lower) }, sentence: 0..<words.count,
      weights: weights, into: &tags)
    return tags
  }
}
