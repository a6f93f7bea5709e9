import QuarryCore
import QuarryModel

@testable import QuarryExtractor

#if canImport(Glibc)
  import Glibc
#endif

/// Helpers shared by the extractor's tests.
enum ExtractorTestSupport {
  /// The repository's root folder.
  static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()

  static var sampleArticle: String {
    root + "/Scripts/corpus/2023-05-30-china-declines-defense-meeting.txt"
  }

  static func session() -> Session {
    let registry = CommandRegistry()
    try! registry.register(CorePlugin.plugin)
    try! registry.register(ExtractorPlugin.plugin)
    return Session(registry: registry, output: .memory(), errors: .memory())
  }

  /// Runs source text in a session; the values printed and the errors raised.
  static func run(_ source: String, in session: Session) -> Evaluation { session.evaluate(source) }

  /// A session with the sample article ingested and extracted.
  static func extractedSample() -> Session {
    let session = session()
    let result = run("ingest \(sampleArticle); extract", in: session)
    precondition(result.errors.isEmpty, "the sample article should extract: \(result.errors)")
    return session
  }

  /// The table the last statement of `source` gives.
  static func table(_ source: String, _ session: Session) -> Table? {
    run(source, in: session).values.last?.tableValue
  }

  static func temporaryDirectory() -> String {
    let path = "/tmp/quarry-extractor-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    mkdir(path, 0o755)
    return path
  }

  /// The mentions of a text, as (text, type) pairs.
  /// The type of each entity extraction finds in `text`, by canonical name.
  static func entityTypes(_ text: String) -> [String: EntityType] {
    var found: [String: EntityType] = [:]
    for mention in Annotator().annotate(text: text).mentions {
      if let key = mention.entityKey { found[key.name] = key.type }
    }
    return found
  }

  static func mentions(_ text: String, date: CalendarDate? = nil) -> [(text: String, type: EntityType)] {
    Annotator().annotate(text: text, date: date).mentions.map { ($0.text, $0.type) }
  }

  /// A few sentences written for the tests, a document per list; `word:TAG` marks a
  /// token's IOB tag, other tokens are outside.
  static let conllDocuments = [
    [
      "Angela:B-PER Merkel:I-PER visited Paris:B-LOC on Monday .",
      "The United:B-ORG Nations:I-ORG said ( in a statement ) the German:B-MISC leader 's trip was \" useful \" .",
    ],
    ["Boris:B-PER Johnson:I-PER left London:B-LOC ."],
  ]

  /// The sentences above in CoNLL format (not CoNLL-2003 data, which is never committed).
  static var conll: String {
    CoNLLCorpus.write(
      conllDocuments.map { document in
        document.map { sentence in
          sentence.split(separator: " ").map { word in
            let parts = word.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count == 2 ? String(parts[1]) : "O")
          }
        }
      })
  }

  /// CoNLL-2003's training file beside the repository, when it is there.
  static var sharedTrainingFile: String? {
    let path = root + "/../shared/data/conll2003/train.txt"
    return FilePaths.exists(path) ? path : nil
  }
}

extension Value: Equatable {
  public static func == (a: Value, b: Value) -> Bool { a.isEqual(to: b) }
}

extension Value {
  var tableValue: Table? {
    if case .table(let table) = self { return table }
    return nil
  }
  var recordValue: Record? {
    if case .record(let record) = self { return record }
    return nil
  }
}

extension [any Error] {
  /// The messages of the diagnostics, one a line.
  var messages: String {
    compactMap { ($0 as? Diagnostic)?.message }.joined(separator: "\n")
  }
}
