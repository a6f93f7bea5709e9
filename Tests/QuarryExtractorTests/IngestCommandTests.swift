import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct IngestCommandTests {
  func session() -> Session {
    let registry = CommandRegistry()
    try! registry.register(CorePlugin.plugin)
    try! registry.register(ExtractorPlugin.plugin)
    return Session(registry: registry, output: .memory(), errors: .memory())
  }

  func run(_ source: String, in session: Session) -> Evaluation { session.evaluate(source) }

  func temporaryDirectory() -> String {
    let path = "/tmp/quarry-ingest-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    mkdir(path, 0o755)
    return path
  }

  @Test func readsTheDateHeaderAndKeepsTheTextWhole() throws {
    let directory = temporaryDirectory()
    let text = "  date 2023-05-30 China rejected a request.\n\nMore text."
    try FilePaths.write(text, to: directory + "/story.txt")
    let session = session()
    let result = run("ingest \(directory)", in: session)
    #expect(result.errors.isEmpty)
    let document = Workspace.of(session).documents[0]
    #expect(document.id == "story")
    #expect(document.date == CalendarDate(year: 2023, month: 5, day: 30))
    #expect(document.text == text)
    #expect(document.title == "China rejected a request.")
  }

  @Test func reingestingAddsNothing() throws {
    let directory = temporaryDirectory()
    try FilePaths.write("Some news.", to: directory + "/a.txt")
    let session = session()
    _ = run("ingest \(directory)", in: session)
    let second = run("ingest \(directory)/a.txt", in: session)
    guard case .record(let summary)? = second.values.last else {
      Issue.record("no summary")
      return
    }
    #expect(summary["added"]?.isEqual(to: .int(0)) == true)
    #expect(summary["duplicates"]?.isEqual(to: .int(1)) == true)
  }

  @Test func readsJSONLinesAndWarnsAboutBadOnes() throws {
    let directory = temporaryDirectory()
    try FilePaths.write(
      "{\"id\": \"x1\", \"text\": \"First.\", \"date\": \"2024-01-02T10:00:00Z\"}\n{broken\n{\"body\": \"Second.\"}\n",
      to: directory + "/feed.jsonl")
    let session = session()
    let result = run("ingest \(directory)/feed.jsonl", in: session)
    #expect(result.errors.isEmpty)
    let documents = Workspace.of(session).documents
    #expect(documents.map(\.id) == ["x1", "feed:3"])
    #expect(documents[0].date == CalendarDate(year: 2024, month: 1, day: 2))
    #expect(
      session.errors.captured.contains("feed.jsonl:2: malformed JSON"),
      "\(session.errors.captured) \(session.output.captured)")
  }

  @Test func missingPathIsAClearError() {
    let result = run("ingest /nonexistent/quarry-file.txt", in: session())
    #expect(
      (result.errors.first as? Diagnostic)?.message
        == "no such file or folder: '/nonexistent/quarry-file.txt'")
  }

  @Test func documentsTableHasTheFixedColumns() throws {
    let directory = temporaryDirectory()
    try FilePaths.write("date 2023-05-30\nU.S. officials met Mr. Li. They talked.", to: directory + "/a.txt")
    let session = session()
    let result = run("ingest \(directory); documents", in: session)
    guard case .table(let table)? = result.values.last else {
      Issue.record("no table")
      return
    }
    #expect(
      table.columns == [
        "id", "source", "date", "title", "chars", "sentences", "authors", "site", "url", "language",
      ])
    #expect(table.rows[0][5].isEqual(to: .int(2)))
  }

  @Test func readsHTMLPages() throws {
    let directory = temporaryDirectory()
    try FilePaths.write(
      "<html><head><title>Talks</title><meta name=\"pubdate\" property=\"article:published_time\" content=\"2024-02-03\"></head><body><p>Talks resumed.</p></body></html>",
      to: directory + "/page.html")
    let session = session()
    let result = run("ingest \(directory)", in: session)
    #expect(result.errors.isEmpty)
    let document = Workspace.of(session).documents[0]
    #expect(document.id == "page")
    #expect(document.title == "Talks")
    #expect(document.date == CalendarDate(year: 2024, month: 2, day: 3))
    #expect(document.text == "Talks resumed.")
  }

  @Test func keepsTheArticleAndThePagesMetadataNotThePageAround() throws {
    let directory = temporaryDirectory()
    let page = """
      <!DOCTYPE html><html lang="en-GB"><head><title>Port reopens | The Courier</title>
      <meta property="og:site_name" content="The Courier"><meta name="author" content="By Ana Ruiz and Tom Li">
      <link rel="canonical" href="https://courier.example/2024/03/05/port-reopens"></head>
      <body><nav><a href="/">Home</a><a href="/world">World</a></nav>
      <h1>Port reopens</h1>
      <div class="share-tools"><a href="#">Share on Facebook</a></div>
      <article><p>The port of Aden reopened on Tuesday, officials said, after a week of strikes.</p>
      <p>Ships waited offshore for days, and prices rose in the markets of the city.</p></article>
      <footer>© 2024 The Courier</footer></body></html>
      """
    try FilePaths.write(page, to: directory + "/port.html")
    let session = session()
    let result = run("ingest \(directory); document port", in: session)
    #expect(result.errors.isEmpty)
    guard case .record(let record)? = result.values.last else {
      Issue.record("expected a record")
      return
    }
    #expect(record["title"]?.stringValue == "Port reopens")
    #expect(record["date"]?.plainText == "2024-03-05")
    #expect(record["site"]?.stringValue == "The Courier")
    #expect(record["url"]?.stringValue == "https://courier.example/2024/03/05/port-reopens")
    #expect(record["language"]?.stringValue == "en-gb")
    #expect(record["authors"]?.plainText.contains("Tom Li") == true)
    #expect(
      record["text"]?.stringValue
        == "The port of Aden reopened on Tuesday, officials said, after a week of strikes.\n\n"
        + "Ships waited offshore for days, and prices rose in the markets of the city.")
    let listed = run("documents --text | get text | get 0", in: session)
    #expect(listed.values.last?.stringValue == record["text"]?.stringValue)
  }

  @Test func warnsOfBinaryFilesAndPagesWithoutAnArticle() throws {
    let directory = temporaryDirectory()
    try FilePaths.write("<html><body><nav><a href=/a>A</a></nav></body></html>", to: directory + "/home.html")
    var binary = [UInt8](repeating: 0, count: 64)
    binary[0] = 0x7F
    try FilePaths.write(bytes: binary, to: directory + "/image.html")
    let session = session()
    let result = run("ingest \(directory)", in: session)
    #expect(result.errors.isEmpty)
    #expect(Workspace.of(session).documents.isEmpty)
    let warnings = session.errors.captured
    #expect(warnings.contains("home.html: no article text found in the page; skipped"))
    #expect(warnings.contains("image.html: not an HTML page (binary data); skipped"))
  }

  @Test func namesAMissingDocument() {
    let session = session()
    let result = run("document nowhere", in: session)
    #expect(result.errors.messages.contains("no document 'nowhere' in the workspace"))
  }
}
