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
  static func mentions(_ text: String, date: CalendarDate? = nil) -> [(text: String, type: EntityType)] {
    Annotator().annotate(text: text, date: date).mentions.map { ($0.text, $0.type) }
  }

  /// A small CoNLL file written for the tests (not CoNLL-2003 data).
  static var conll: String { try! FilePaths.readText(root + "/Scripts/tests/sample.conll") }
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
