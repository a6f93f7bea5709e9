import QuarryCore
import QuarryModel

/// The model a `syntax` command uses: `--model PATH`, or the one built in.
private func syntaxModel(_ invocation: Invocation) throws -> SyntaxModel {
  if let model = try modelFile(invocation, SyntaxModel.init(model:)) { return model }
  guard let model = SyntaxModel.standard else {
    throw invocation.error("no syntax model is built in", help: "train one with Scripts/train-syntax")
  }
  return model
}

/// Reads a CoNLL-U file named by a command's argument, with the file and line of any fault.
private func readTreebank(
  _ invocation: Invocation, argument: String, strictness: CoNLLU.Strictness
) throws -> (path: String, sentences: [CoNLLUSentence]) {
  let path = FilePaths.expandingTilde(invocation.string(argument) ?? "")
  guard FilePaths.exists(path) else { throw invocation.error("no such file: '\(path)'", at: argument) }
  do {
    let sentences = try CoNLLU.read(path: path, strictness: strictness)
    return (path, sentences)
  } catch let error as CoNLLU.FormatError {
    throw invocation.error(error.description, at: argument)
  } catch {
    throw invocation.error("cannot read '\(path)': \(error)", at: argument)
  }
}

private let modelFlag = Flag(
  "model", short: "m", .path, help: "a syntax model file instead of the built-in one")

/// `syntax parse`: tags and parses text.
struct SyntaxParseCommand: Command {
  let signature = Signature(
    "syntax parse", abstract: "Tag and parse text: lemmas, parts of speech and dependencies",
    discussion: """
      Splits the text into sentences and words as `extract` does, then gives each word its
      lemma, Universal Dependencies part of speech (upos), Penn Treebank tag (xpos), the
      number of its head word in the sentence (0 for the root) and its relation to it.
      With --tree, draws each sentence's tree as text instead.
      """,
    parameters: [Parameter("text", help: "the text to parse")],
    flags: [Flag("tree", help: "draw the trees as text"), modelFlag],
    input: .none, output: .table,
    examples: [
      Example("syntax parse 'China launched exercises around the island.'", "one sentence's parse"),
      Example("syntax parse 'Microsoft said it would buy Activision.' --tree", "the tree drawn as text"),
      Example(
        "syntax parse 'Lawmakers rejected the budget.' | where relation == nsubj | get word", "the subjects",
        result: .list([.string("Lawmakers")])),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let model = try syntaxModel(invocation)
    let text = invocation.string("text") ?? ""
    let tokens = Tokenizer.tokenize(text)
    let sentences = SentenceSplitter.split(tokens).map { range in range.map { tokens[$0].text } }
    let analysed = model.analyze(sentences: sentences)
    if invocation.isSet("tree") {
      return .string(analysed.map(DependencyTreeDrawing.draw).joined(separator: "\n"))
    }
    var rows: [[Value]] = []
    for (number, sentence) in analysed.enumerated() {
      for (index, word) in sentence.enumerated() {
        rows.append([
          .int(number + 1), .int(index + 1), .string(word.form), .string(word.lemma), .string(word.upos),
          .string(word.xpos), .int(word.head), .string(word.relation),
        ])
      }
    }
    return .table(
      Table(columns: ["sentence", "id", "word", "lemma", "upos", "xpos", "head", "relation"], rows: rows))
  }
}

/// Draws a parse as an indented tree: each word under its head, dependents in word order,
/// with its relation and part of speech.
///
///     launched  root  VERB
///     ├── China  nsubj  PROPN
///     └── exercises  obj  NOUN
enum DependencyTreeDrawing {
  static func draw(_ sentence: [SyntaxModel.Word]) -> String {
    var children = [[Int]](repeating: [], count: sentence.count + 1)
    for (index, word) in sentence.enumerated() where word.head >= 0 && word.head <= sentence.count {
      children[word.head].append(index + 1)
    }
    var lines: [String] = []
    // Iteratively, so a sentence of thousands of words in a chain cannot exhaust the stack.
    var pending: [(word: Int, prefix: String, branch: String)] = children[0].reversed().map { ($0, "", "") }
    var seen = Set<Int>()
    while let (word, prefix, branch) = pending.popLast() {
      guard seen.insert(word).inserted else { continue }
      let entry = sentence[word - 1]
      lines.append(prefix + branch + entry.form + "  " + entry.relation + "  " + entry.upos)
      let below = prefix + (branch == "├── " ? "│   " : branch.isEmpty ? "" : "    ")
      let dependents = children[word]
      for (position, child) in dependents.enumerated().reversed() {
        pending.append((child, below, position == dependents.count - 1 ? "└── " : "├── "))
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// `syntax annotate`: re-annotates the words of a CoNLL-U file.
struct SyntaxAnnotateCommand: Command {
  let signature = Signature(
    "syntax annotate", abstract: "Tag and parse the words of a CoNLL-U file",
    discussion: """
      Reads each sentence's words from columns 1 and 2 (id and form) and writes the file
      again with the lemma, UPOS, XPOS, head and relation filled in by the model. Words and
      sentences are left as they are, and so are comments, multi-word token lines (`1-2`),
      empty nodes (`8.1`) and the MISC column (SpaceAfter=No); FEATS and DEPS are written
      as `_`. An existing output file is replaced only with --force.
      """,
    parameters: [Parameter("file", .path, help: "a CoNLL-U file")],
    flags: [
      Flag("output", short: "o", .path, help: "where to write the annotated file"),
      Flag("force", help: "replace an existing output file"),
      modelFlag,
    ],
    input: .none, output: .record,
    examples: [
      Example("syntax annotate raw.conllu --output parsed.conllu", "parse every sentence of a file")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    guard let output = invocation.string("output").map(FilePaths.expandingTilde) else {
      throw invocation.error("'syntax annotate' needs --output PATH", help: "usage: \(signature.usage)")
    }
    if FilePaths.exists(output) && !invocation.isSet("force") {
      throw invocation.error("'\(output)' exists", at: "output", help: "add --force to replace it")
    }
    let model = try syntaxModel(invocation)
    var (_, sentences) = try readTreebank(invocation, argument: "file", strictness: .words)
    let scratch = SyntaxModel.Scratch()
    var words = 0
    var start = 0
    while start < sentences.count {
      try Interrupt.check()
      let end = min(sentences.count, start + 256)
      let analysed = model.analyze(sentences: sentences[start..<end].map(\.forms), scratch: scratch)
      for (offset, parse) in analysed.enumerated() {
        let index = start + offset
        for (position, word) in parse.enumerated() {
          let old = sentences[index].words[position]
          let misc = old.fields.count > CoNLLUColumn.misc ? old.fields[CoNLLUColumn.misc] : "_"
          sentences[index].words[position].fields = [
            old.fields[0], old.fields[1], word.lemma, word.upos, word.xpos, "_", String(word.head),
            word.relation, "_", misc,
          ]
          words += 1
        }
        for item in sentences[index].items.indices {
          guard case .other(var line) = sentences[index].items[item] else { continue }
          while line.fields.count < 10 { line.fields.append("_") }
          if line.id.contains(".") {
            line.fields =
              [line.fields[0], line.fields[1]] + Array(repeating: "_", count: 7) + [line.fields[9]]
          }
          sentences[index].items[item] = .other(line)
        }
      }
      start = end
    }
    do {
      FilePaths.makeDirectories(forFile: output)
      try FilePaths.write(CoNLLU.write(sentences), to: output)
    } catch {
      throw invocation.error("cannot write '\(output)': \(error)", at: "output")
    }
    return .record(
      Record(["file": .string(output), "sentences": .int(sentences.count), "words": .int(words)]))
  }
}

/// `syntax evaluate`: scores the model on a gold CoNLL-U file.
struct SyntaxEvaluateCommand: Command {
  let signature = Signature(
    "syntax evaluate", abstract: "Score tagging and parsing on a gold CoNLL-U file",
    discussion: """
      Tags and parses the file's words (gold words, as given) and compares with its
      annotation, as the CoNLL 2018 shared task scores: every word counts, punctuation too;
      LAS compares the universal part of the relation (`nmod` for `nmod:poss`) and las_full
      the whole relation. Percentages; words_per_second times the tagging, parsing and
      lemmatising alone, on one core. With --by relation, one row per gold relation:
      precision, recall and F1 of words with the right head and relation.
      """,
    parameters: [Parameter("file", .path, help: "a CoNLL-U file with gold annotation")],
    flags: [
      Flag("by", .string, help: "break the scores down: relation", completion: .values(["relation"])),
      Flag("gold-tags", help: "parse with the file's own UPOS and XPOS instead of tagging"),
      modelFlag,
    ],
    input: .none, output: .table,
    examples: [
      Example("syntax evaluate dev.conllu", "UPOS, XPOS, lemma, UAS and LAS"),
      Example("syntax evaluate dev.conllu --by relation | sort f1", "the weakest relations first"),
      Example("syntax evaluate dev.conllu --gold-tags", "how well it parses given the right tags"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    if let by = invocation.string("by"), by != "relation" {
      throw invocation.error("--by takes 'relation', not '\(by)'", at: "by")
    }
    let model = try syntaxModel(invocation)
    let (path, sentences) = try readTreebank(invocation, argument: "file", strictness: .annotated)
    guard !sentences.isEmpty else { throw invocation.error("'\(path)' holds no sentences", at: "file") }
    let score = try SyntaxScore.score(
      sentences, model: model, goldTags: invocation.isSet("gold-tags"), check: Interrupt.check)
    if invocation.string("by") == "relation" {
      var rows: [[Value]] = []
      for relation in score.byRelation.keys.sorted() {
        let counts = score.byRelation[relation]!
        let precision = counts.predicted == 0 ? 0 : Double(counts.correct) / Double(counts.predicted)
        let recall = counts.gold == 0 ? 0 : Double(counts.correct) / Double(counts.gold)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        rows.append([
          .string(relation), .int(counts.gold), .int(counts.predicted), .int(counts.correct),
          .float(percent(precision)), .float(percent(recall)), .float(percent(f1)),
        ])
      }
      return .table(
        Table(columns: ["relation", "gold", "predicted", "correct", "precision", "recall", "f1"], rows: rows))
    }
    return .table(
      Table(
        columns: ["words", "upos", "xpos", "lemma", "uas", "las", "las_full", "words_per_second"],
        rows: [
          [
            .int(score.words), .float(score.uposAccuracy), .float(score.xposAccuracy),
            .float(score.lemmaAccuracy), .float(score.uas), .float(score.las), .float(score.lasFull),
            .int(score.wordsPerSecond),
          ]
        ]))
  }
}

/// `syntax train`: trains a syntax model on a treebank.
struct SyntaxTrainCommand: Command {
  static let defaults = SyntaxTraining.Options()
  let signature = Signature(
    "syntax train", abstract: "Train the tagger, parser and lemmatizer on a CoNLL-U treebank",
    discussion: """
      Trains the part-of-speech tagger (UPOS and XPOS together), the lemmatizer's exception
      list and the arc-hybrid dependency parser on a CoNLL-U file. The parser learns from
      tags given by taggers trained on the other folds of the data (jackknifing), as tags
      will be on new text, and from its own mistakes through a dynamic oracle. Training is
      deterministic: the same file gives the same model, byte for byte. The model built
      into quarry is rebuilt with Scripts/train-syntax. With --validate, each parser pass
      is scored on a held-out file. With --tagged, words with Penn Treebank tags in
      CoNLL-2003's columns (such as news) teach the tagger as well; each takes the UPOS
      the treebank gives that tag and word most often.
      """,
    parameters: [Parameter("file", .path, help: "training data in CoNLL-U")],
    flags: [
      Flag("output", short: "o", .path, help: "where to write the model"),
      Flag(
        "tagger-epochs", .int, help: "passes of the tagger over the data",
        default: .int(defaults.taggerEpochs)),
      Flag(
        "parser-epochs", .int, help: "passes of the parser over the data",
        default: .int(defaults.parserEpochs)),
      Flag("folds", .int, help: "folds for the parser's training tags", default: .int(defaults.folds)),
      Flag(
        "min-updates", .int, help: "leave out parser features learnt from fewer mistakes",
        default: .int(Int(defaults.minimumUpdates))),
      Flag("validate", .path, help: "a CoNLL-U file to score after each parser pass"),
      Flag(
        "tagged", .path,
        help: "more words with Penn Treebank tags for the tagger alone (CoNLL-2003 columns)"),
    ],
    input: .none, output: .table,
    examples: [
      Example(
        "syntax train train.conllu --output syntax.model --validate dev.conllu",
        "train a model and score each pass on held-out data")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    guard let output = invocation.string("output").map(FilePaths.expandingTilde) else {
      throw invocation.error(
        "'syntax train' needs --output PATH for the model", help: "usage: \(signature.usage)")
    }
    var options = SyntaxTraining.Options()
    options.taggerEpochs = invocation.int("tagger-epochs") ?? options.taggerEpochs
    options.parserEpochs = invocation.int("parser-epochs") ?? options.parserEpochs
    options.folds = invocation.int("folds") ?? options.folds
    options.minimumUpdates = Int32(clamping: invocation.int("min-updates") ?? Int(options.minimumUpdates))
    for (flag, value, least) in [
      ("tagger-epochs", options.taggerEpochs, 1), ("parser-epochs", options.parserEpochs, 1),
      ("folds", options.folds, 2), ("min-updates", Int(options.minimumUpdates), 1),
    ] where value < least {
      throw invocation.error("--\(flag) must be at least \(least)", at: flag)
    }
    let (path, sentences) = try readTreebank(invocation, argument: "file", strictness: .annotated)
    guard !sentences.isEmpty else { throw invocation.error("'\(path)' holds no sentences", at: "file") }
    var tagged: [SyntaxTraining.TaggedSentence] = []
    if let taggedPath = invocation.string("tagged").map(FilePaths.expandingTilde) {
      guard FilePaths.exists(taggedPath) else {
        throw invocation.error("no such file: '\(taggedPath)'", at: "tagged")
      }
      do {
        tagged = try CoNLLCorpus.readTagged(path: taggedPath)
      } catch let error as CoNLLCorpus.FormatError {
        throw invocation.error(error.description, at: "tagged")
      } catch {
        throw invocation.error("cannot read '\(taggedPath)': \(error)", at: "tagged")
      }
    }
    let held = try invocation.string("validate").map { _ in
      try readTreebank(invocation, argument: "validate", strictness: .annotated).sentences
    }
    let clock = ContinuousClock()
    let started = clock.now
    var rows: [[Value]] = []
    let model: SyntaxModel
    do {
      model = try SyntaxTraining.train(sentences, taggedOnly: tagged, options: options) { report, model in
        try Interrupt.check()
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var row: [Value] = [
          .string(report.stage), .int(report.epoch), .int(report.mistakes),
          .float((seconds * 100).rounded() / 100),
        ]
        var message = "\(report.stage) pass \(report.epoch): \(report.mistakes) mistakes"
        if let held, let model {
          let score = try SyntaxScore.score(held, model: model, check: Interrupt.check)
          row += [.float(score.uposAccuracy), .float(score.uas), .float(score.las)]
          message += ", held-out UAS \(score.uas) LAS \(score.las)"
        } else if held != nil {
          row += [.null, .null, .null]
        }
        invocation.session.progress(message)
        rows.append(row)
      }
    } catch let error as SyntaxTraining.TrainingError {
      throw invocation.error("'\(path)': \(error.description)", at: "file")
    }
    invocation.session.progress(nil)
    do {
      FilePaths.makeDirectories(forFile: output)
      try FilePaths.write(bytes: model.serialize(), to: output)
    } catch {
      throw invocation.error("cannot write '\(output)': \(error)", at: "output")
    }
    var columns = ["stage", "epoch", "mistakes", "seconds"]
    if held != nil { columns += ["upos", "uas", "las"] }
    return .table(Table(columns: columns, rows: rows))
  }
}

private func percent(_ fraction: Double) -> Double { (fraction * 10000).rounded() / 100 }

/// `tokens`: the tokens of the extracted articles with their parse.
struct TokensCommand: Command {
  let signature = Signature(
    "tokens", abstract: "List the tokens of the extracted articles with their parse",
    discussion: """
      One row per token in document order, as `extract` parsed it: the document, the
      sentence (from 0, as in `mentions`), the token's number in its sentence (from 1), the
      word, its lemma, UPOS and XPOS tags, its head's number in the sentence (0 for the
      root), its relation to the head, and its [start, end) offsets in code points.
      """,
    flags: [
      Flag("doc", short: "d", .string, help: "only this document", completion: documentCompletion),
      Flag("sentence", short: "s", .int, help: "only this sentence (from 0)"),
    ],
    input: .none, output: .table,
    examples: [
      Example("ingest Scripts/corpus; extract; tokens --sentence 0", "the first sentence of each article"),
      Example(
        "tokens | where upos == VERB | get lemma | uniq --count | sort count --desc", "the commonest verbs"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let only = try documentIndex(invocation, workspace)
    let sentence = invocation.int("sentence").map(Int32.init(clamping:))
    var rows: [[Value]] = []
    var unparsed = 0
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations, only == nil || only == index else { continue }
      guard let syntax = annotations.syntax else {
        unparsed += 1
        continue
      }
      let id = Value.string(workspace.documents[index].id)
      let scalars = Array(workspace.documents[index].text.unicodeScalars)
      // Each sentence's first token, to number tokens and heads within it.
      var first = 0
      for (number, token) in syntax.tokens.enumerated() {
        if number == 0 || syntax.tokens[number - 1].sentence != token.sentence { first = number }
        guard sentence == nil || sentence == token.sentence else { continue }
        let word = Tokenizer.makeString(scalars, Int(token.start), Int(token.end))
        rows.append([
          id, .int(Int(token.sentence)), .int(number - first + 1), .string(word),
          .string(syntax.lemmas[number]),
          .string(syntax.upos(number)), .string(syntax.xpos(number)),
          .int(token.head < 0 ? 0 : Int(token.head) - first + 1), .string(syntax.relation(number)),
          .int(Int(token.start)), .int(Int(token.end)),
        ])
      }
    }
    if unparsed > 0 {
      invocation.session.warn(
        "\(unparsed) article\(unparsed == 1 ? " was" : "s were") extracted without a syntax model")
    }
    return .table(
      Table(
        columns: [
          "doc", "sentence", "id", "word", "lemma", "upos", "xpos", "head", "relation", "start", "end",
        ], rows: rows))
  }
}
