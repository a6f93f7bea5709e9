import QuarryCore
import QuarryModel

/// `ner train`: trains the entity tagger on a CoNLL-format file.
struct NERTrainCommand: Command {
  static let defaultEpochs = 8
  let signature = Signature(
    "ner train", abstract: "Train the named-entity tagger on a CoNLL-format file",
    discussion: """
      Reads a CoNLL-2003-style file (token ... tag per line, IOB tags PER/ORG/LOC/MISC), puts
      each document back into plain text, tokenises it as `extract` does and trains the
      averaged perceptron. Training is deterministic: the same file gives the same model,
      byte for byte. The model built into quarry is rebuilt with Scripts/train-ner.
      With --validate, each pass is scored on a held-out file through the plain-text path.
      """,
    parameters: [Parameter("file", .path, help: "training data in CoNLL format")],
    flags: [
      Flag("output", short: "o", .path, help: "where to write the model"),
      Flag("epochs", short: "e", .int, help: "passes over the data", default: .int(defaultEpochs)),
      Flag("validate", .path, help: "a CoNLL file to score after each pass"),
    ],
    input: .none, output: .table,
    examples: [
      Example(
        "ner train conll/train.txt --output ner.model --validate conll/valid.txt",
        "train a model and score each pass on held-out data")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("file") ?? "")
    guard let output = invocation.string("output").map(FilePaths.expandingTilde) else {
      throw invocation.error(
        "'ner train' needs --output PATH for the model", help: "usage: \(signature.usage)")
    }
    let epochs = invocation.int("epochs") ?? Self.defaultEpochs
    guard epochs >= 1 else { throw invocation.error("--epochs must be at least 1", at: "epochs") }
    let documents = try readCorpus(path, invocation, argument: "file")
    let held = try invocation.string("validate").map {
      try readCorpus(FilePaths.expandingTilde($0), invocation, argument: "validate")
    }
    let clock = ContinuousClock()
    let started = clock.now
    var rows: [[Value]] = []
    let (model, unreachable) = try TaggerTraining.train(documents, epochs: epochs) { report, tagger in
      try Interrupt.check()
      var row: [Value] = [
        .int(report.epoch), .int(report.mistakes),
        .float((seconds(clock.now - started) * 100).rounded() / 100),
      ]
      if let held {
        let score = NEREvaluation.score(held, annotator: Annotator(tagger: tagger, syntax: nil))
        row.append(.float(percent(score.micro.f1)))
        invocation.session.progress(
          "pass \(report.epoch)/\(epochs): \(report.mistakes) mistakes, held-out F1 \(percent(score.micro.f1))"
        )
      } else {
        invocation.session.progress("pass \(report.epoch)/\(epochs): \(report.mistakes) mistakes")
      }
      rows.append(row)
    }
    invocation.session.progress(nil)
    do {
      FilePaths.makeDirectories(forFile: output)
      try FilePaths.write(bytes: model, to: output)
    } catch {
      throw invocation.error("cannot write '\(output)': \(error)", at: "output")
    }
    if unreachable > 0 {
      invocation.session.warn("\(unreachable) entities end inside a token and were not learnt")
    }
    var columns = ["epoch", "mistakes", "seconds"]
    if held != nil { columns.append("f1") }
    return .table(Table(columns: columns, rows: rows))
  }
}

/// `ner documents`: a CoNLL-format file's documents as the text `ner train` and `ner
/// evaluate` read.
struct NERDocumentsCommand: Command {
  let signature = Signature(
    "ner documents", abstract: "Show a CoNLL-format file's documents as running text",
    discussion: """
      Puts each document of a CoNLL-2003-style file back into the plain text that `ner
      train` and `ner evaluate` read: sentences on their own lines, tokens joined the way
      news is written. One row a document: `doc` (counted from 0), `text`, `tokens` and
      `entities` (the number of entities its tags mark).
      """,
    parameters: [Parameter("file", .path, help: "a file in CoNLL format")],
    input: .none, output: .table,
    examples: [
      Example("ner documents conll/valid.txt | first 3 | get text", "the first three documents' text")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("file") ?? "")
    let documents = try readCorpus(path, invocation, argument: "file")
    return .table(
      Table(
        columns: ["doc", "text", "tokens", "entities"],
        rows: documents.enumerated().map { number, document in
          [.int(number), .string(document.text), .int(document.tokenCount), .int(document.entities.count)]
        }))
  }
}

/// `ner evaluate`: scores extraction against a CoNLL-format file.
struct NEREvaluateCommand: Command {
  let signature = Signature(
    "ner evaluate", abstract: "Score entity extraction on a CoNLL-format file",
    discussion: """
      Each document of the file is put back into plain text and run through the same
      pipeline as `extract`; the entities found, as character spans, are compared with the
      file's. A prediction counts only when its start, end and type all match. OntoNotes
      types map to CoNLL's: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/
      WORK_OF_ART/LAW/LANGUAGE/MISC→MISC; titles, dates and numbers are not scored.
      Percentages in the table.
      """,
    parameters: [Parameter("file", .path, help: "gold data in CoNLL format")],
    flags: [
      Flag("model", short: "m", .path, help: "a model file to use instead of the built-in one"),
      Flag("errors", help: "list every missed or wrong entity instead of the scores"),
    ],
    input: .none, output: .table,
    examples: [
      Example("ner evaluate conll/valid.txt", "precision, recall and F1 per type"),
      Example(
        "ner evaluate conll/valid.txt --errors | where error == missed", "the entities the tagger missed"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("file") ?? "")
    let tagger: EntityTagger
    if let model = try modelFile(invocation, EntityTagger.init(model:)) {
      tagger = model
    } else if let standard = EntityTagger.standard {
      tagger = standard
    } else {
      throw invocation.error("no tagger model is built in", help: "train one with Scripts/train-ner")
    }
    let documents = try readCorpus(path, invocation, argument: "file")
    if invocation.isSet("errors") {
      return .table(NEREvaluation.errors(documents, annotator: Annotator(tagger: tagger, syntax: nil)))
    }
    let score = NEREvaluation.score(documents, annotator: Annotator(tagger: tagger, syntax: nil))
    var rows: [[Value]] = []
    func row(_ name: String, _ counts: NERScore.Counts) {
      rows.append([
        .string(name), .float(percent(counts.precision)), .float(percent(counts.recall)),
        .float(percent(counts.f1)),
        .int(counts.truePositives + counts.falseNegatives),
        .int(counts.truePositives + counts.falsePositives),
        .int(counts.truePositives),
      ])
    }
    for type in score.byType.keys.sorted() { row(type, score.byType[type]!) }
    row("micro", score.micro)
    return .table(
      Table(columns: ["type", "precision", "recall", "f1", "gold", "found", "correct"], rows: rows))
  }
}

/// Scoring extraction against CoNLL documents through the plain-text path.
public enum NEREvaluation {
  public static func score(_ documents: [CoNLLDocument], annotator: Annotator) -> NERScore {
    var score = NERScore()
    for document in documents {
      let found = annotator.annotate(text: document.text).mentions.compactMap { mention -> TypedSpan? in
        mention.type.conllName.map { TypedSpan(start: Int(mention.start), end: Int(mention.end), type: $0) }
      }
      score.add(predicted: found, gold: document.entities)
    }
    return score
  }

  /// Every gold entity missed and every entity found that is not gold, with its context.
  public static func errors(_ documents: [CoNLLDocument], annotator: Annotator) -> Table {
    var rows: [[Value]] = []
    for (number, document) in documents.enumerated() {
      let found = annotator.annotate(text: document.text).mentions.compactMap { mention -> TypedSpan? in
        mention.type.conllName.map { TypedSpan(start: Int(mention.start), end: Int(mention.end), type: $0) }
      }
      let scalars = Array(document.text.unicodeScalars)
      func text(_ span: TypedSpan) -> String {
        String(String.UnicodeScalarView(scalars[span.start..<span.end]))
      }
      func context(_ span: TypedSpan) -> String {
        let from = max(0, span.start - 30)
        let to = min(scalars.count, span.end + 30)
        return String(String.UnicodeScalarView(scalars[from..<to])).replacing("\n", with: " ⏎ ")
      }
      let gold = Set(document.entities)
      let predicted = Set(found)
      for span in document.entities where !predicted.contains(span) {
        rows.append([
          .int(number + 1), .string("missed"), .string(span.type), .string(text(span)),
          .string(context(span)),
        ])
      }
      for span in found where !gold.contains(span) {
        rows.append([
          .int(number + 1), .string("wrong"), .string(span.type), .string(text(span)), .string(context(span)),
        ])
      }
    }
    return Table(columns: ["doc", "error", "type", "text", "context"], rows: rows)
  }
}

private func readCorpus(_ path: String, _ invocation: Invocation, argument: String) throws -> [CoNLLDocument]
{
  guard FilePaths.exists(path) else { throw invocation.error("no such file: '\(path)'", at: argument) }
  do {
    let documents = try CoNLLCorpus.read(path: path)
    guard !documents.isEmpty else {
      throw invocation.error("'\(path)' holds no CoNLL sentences", at: argument)
    }
    return documents
  } catch let error as CoNLLCorpus.FormatError {
    throw invocation.error(error.description, at: argument)
  } catch let error as FilePaths.FileError {
    throw invocation.error("cannot read '\(path)': \(error)", at: argument)
  }
}

/// The model a command's `--model PATH` names, read with `make`; nil without the flag.
/// A file that cannot be read or is not such a model is an error at the flag.
func modelFile<Model>(_ invocation: Invocation, _ make: (UnsafeBufferPointer<UInt8>) throws -> Model) throws
  -> Model?
{
  guard let path = invocation.string("model").map(FilePaths.expandingTilde) else { return nil }
  let bytes: [UInt8]
  do {
    bytes = try FilePaths.readBytes(path)
  } catch {
    throw invocation.error("cannot read '\(path)': \(error)", at: "model")
  }
  do {
    return try bytes.withUnsafeBufferPointer { try make($0) }
  } catch {
    throw invocation.error("'\(path)': \(error)", at: "model")
  }
}

private func percent(_ fraction: Double) -> Double { (fraction * 10000).rounded() / 100 }
