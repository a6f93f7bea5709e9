import QuarryCore
import QuarryModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ingest`: reads articles into the workspace.
public struct IngestCommand: Command {
  public init() {}
  public let signature = Signature(
    "ingest", abstract: "Read articles into the workspace: files, folders, globs or - for stdin",
    discussion: """
      Plain text (.txt, .md) may start with a line `date YYYY-MM-DD`. HTML pages (.html, .htm) give
      their article's text without the menus, links and footers around it, with the headline, publication
      date, authors, site, address and language the page declares. JSONL files (.jsonl, .ndjson)
      hold one article per line with fields text/body/content, title, date/published, url, id and
      source. Folders are read recursively. Text already in the workspace is skipped. With `-`
      the text comes from standard input: `cat news.jsonl | quarry -c 'ingest - --format jsonl'`.
      """,
    rest: Parameter("paths", .path, help: "files, folders, globs, or - for standard input"),
    flags: [
      Flag(
        "format", short: "f", .string, help: "text, jsonl or html, instead of the extension",
        completion: .values(["text", "jsonl", "html"]))
    ],
    input: .none, output: .record,
    examples: [
      Example("ingest Scripts/corpus", "every article in a folder"),
      Example("ingest 'news/*.jsonl' --format jsonl", "JSONL files matching a glob"),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    guard !invocation.rest.isEmpty else {
      throw invocation.error("'ingest' needs at least one path", help: "usage: \(signature.usage)")
    }
    let workspace = Workspace.of(invocation.session)
    let clock = ContinuousClock()
    let started = clock.now
    var reader = DocumentReader()
    var added = 0
    var duplicates = 0
    let forced = invocation.string("format")
    if let forced, !["text", "jsonl", "html"].contains(forced) {
      throw invocation.error(
        "unknown format '\(forced)'", at: "format", help: "the formats are text, jsonl and html")
    }
    func take(_ document: Document) {
      if workspace.add(document) == .added { added += 1 } else { duplicates += 1 }
    }
    func ingestFile(_ path: String, explicit: Bool) throws {
      try Interrupt.check()
      let ext = DocumentReader.fileExtension(path)
      let isLines = forced == "jsonl" || (forced == nil && DocumentReader.lineExtensions.contains(ext))
      let isHTML = forced == "html" || (forced == nil && DocumentReader.htmlExtensions.contains(ext))
      if !explicit && !isLines && !isHTML && !DocumentReader.textExtensions.contains(ext) { return }
      if isLines {
        // JSONL is streamed: a file of any size needs memory for one line at a time.
        do {
          let lines = try LineReader(path: path)
          let megabytes = lines.size >> 20
          let bar = ProgressBar(total: megabytes, unit: "MB of \(DocumentReader.baseName(path))")
          let showsProgress = megabytes >= 16 && invocation.session.showsProgress
          var lineNumber = 0
          defer { if showsProgress { invocation.session.progress(nil) } }
          while let bytes = try lines.nextLine() {
            lineNumber += 1
            if lineNumber & 0xFFF == 0 {
              try Interrupt.check()
              if showsProgress {
                invocation.session.progress(
                  bar.line(done: lines.bytesRead >> 20, elapsed: seconds(clock.now - started)))
              }
            }
            let line = reader.decode(Array(bytes), source: "\(path):\(lineNumber)")
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            if let document = reader.record(line[...], path: path, lineNumber: lineNumber) { take(document) }
          }
        } catch let error as FilePaths.FileError {
          throw invocation.error("cannot read '\(path)': \(error)")
        }
        return
      }
      let bytes: [UInt8]
      do {
        bytes = try FilePaths.readBytes(path)
      } catch {
        throw invocation.error("cannot read '\(path)': \(error)")
      }
      if isHTML {
        if bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
          reader.warnings.append("\(path): empty file skipped")
        } else if let document = reader.html(bytes, id: DocumentReader.baseName(path), source: path) {
          take(document)
        }
        return
      }
      let text = reader.decode(bytes, source: path)
      if text.allSatisfy({ $0.isWhitespace }) {
        reader.warnings.append("\(path): empty file skipped")
        return
      }
      take(reader.plainText(text, id: DocumentReader.baseName(path), source: path))
    }
    /// The files under a folder, recursively, in name order; hidden ones left out.
    func files(in path: String) throws -> [String] {
      let names: [String]
      do {
        names = try FilePaths.list(path)
      } catch {
        throw invocation.error("cannot read folder '\(path)': \(error)")
      }
      var found: [String] = []
      for name in names where !name.hasPrefix(".") {
        let child = path.hasSuffix("/") ? path + name : path + "/" + name
        if FilePaths.isDirectory(child) {
          found += try files(in: child)
        } else {
          found.append(child)
        }
      }
      return found
    }
    func ingestDirectory(_ path: String) throws {
      let all = try files(in: path)
      // A bar for folders of many files, on a terminal.
      let showsProgress = all.count >= 500 && invocation.session.showsProgress
      let bar = ProgressBar(total: all.count, unit: "files")
      defer { if showsProgress { invocation.session.progress(nil) } }
      for (number, file) in all.enumerated() {
        try ingestFile(file, explicit: false)
        if showsProgress && number % 100 == 0 {
          invocation.session.progress(bar.line(done: number, elapsed: seconds(clock.now - started)))
        }
      }
    }
    for value in invocation.rest {
      let path = FilePaths.expandingTilde(value.plainText)
      if path == "-" {
        let bytes = try readStandardInput(invocation)
        if forced == "jsonl" {
          var lineNumber = 0
          for line in String(decoding: bytes, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
          {
            lineNumber += 1
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            if let document = reader.record(line, path: "<stdin>", lineNumber: lineNumber) { take(document) }
          }
        } else if forced == "html" {
          if let document = reader.html(bytes, id: "stdin", source: "<stdin>") { take(document) }
        } else {
          let text = reader.decode(bytes, source: "<stdin>")
          if !text.allSatisfy({ $0.isWhitespace }) {
            take(reader.plainText(text, id: "stdin", source: "<stdin>"))
          }
        }
        continue
      }
      if FilePaths.hasGlobCharacters(path) && !FilePaths.exists(path) {
        let matches = FilePaths.glob(path)
        if matches.isEmpty { throw invocation.error("no files match '\(path)'") }
        for match in matches {
          if FilePaths.isDirectory(match) {
            try ingestDirectory(match)
          } else {
            try ingestFile(match, explicit: true)
          }
        }
        continue
      }
      guard FilePaths.exists(path) else {
        throw invocation.error("no such file or folder: '\(path)'")
      }
      if FilePaths.isDirectory(path) {
        try ingestDirectory(path)
      } else {
        try ingestFile(path, explicit: true)
      }
    }
    for warning in reader.warnings { invocation.session.warn(warning) }
    return .record(
      Record([
        "added": .int(added), "duplicates": .int(duplicates), "documents": .int(workspace.documents.count),
      ]))
  }

  private func readStandardInput(_ invocation: Invocation) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR {
          try Interrupt.check()
          continue
        }
        throw invocation.error("cannot read standard input: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }
}

/// `documents`: the ingested articles.
public struct DocumentsCommand: Command {
  public init() {}
  public let signature = Signature(
    "documents", abstract: "List the articles in the workspace",
    discussion: """
      One row per article: its id, where it came from, its date, title, length in characters
      and sentences, and what a web page said of it (authors, site, address and language).
      --text adds the text exactly as extraction reads it.
      """,
    flags: [Flag("text", short: "t", help: "add the text column: the article as extraction reads it")],
    input: .none, output: .table,
    examples: [
      Example("documents | where date >= 2023-01-01 | count", "articles from 2023 on"),
      Example(
        "ingest Scripts/corpus; documents --text | select id text | save articles.jsonl",
        "the articles' text, to a file"),
    ])

  static let columns = [
    "id", "source", "date", "title", "chars", "sentences", "authors", "site", "url", "language",
  ]

  public func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    let withText = invocation.isSet("text")
    let rows: [[Value]] = workspace.documents.indices.map { index in
      var row = DocumentsCommand.row(workspace, index)
      if withText { row.append(.string(workspace.documents[index].body)) }
      return row
    }
    return .table(Table(columns: DocumentsCommand.columns + (withText ? ["text"] : []), rows: rows))
  }

  static func row(_ workspace: Workspace, _ index: Int) -> [Value] {
    let document = workspace.documents[index]
    let sentences =
      workspace.annotations[index]?.sentenceCount
      ?? SentenceSplitter.split(Tokenizer.tokenize(document.body)).count
    func optional(_ text: String?) -> Value { text.map(Value.string) ?? .null }
    return [
      .string(document.id), .string(document.source), document.date.map(Value.date) ?? .null,
      optional(document.title), .int(document.characterCount), .int(sentences),
      .list(document.authors.map(Value.string)), optional(document.site), optional(document.url),
      optional(document.language),
    ]
  }
}

/// `document`: one article, with its metadata and text.
public struct DocumentCommand: Command {
  public init() {}
  public let signature = Signature(
    "document", abstract: "Show one article: its metadata and its text",
    discussion: """
      A record with the columns of `documents` for one article and its `text`, exactly as
      extraction reads it (for a web page: the article without the page around it).
      """,
    parameters: [
      Parameter("id", help: "the article's id, as `documents` lists it", completion: documentCompletion)
    ],
    input: .none, output: .record,
    examples: [
      Example("ingest pages/story.html; document story | get text", "the article read from a saved web page")
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    guard let index = try documentIndex(invocation, workspace, argument: "id") else {
      throw invocation.error("'document' needs an article id", help: "usage: \(signature.usage)")
    }
    let fields = DocumentsCommand.row(workspace, index) + [.string(workspace.documents[index].body)]
    return .record(Record(keys: DocumentsCommand.columns + ["text"], values: fields))
  }
}

/// The extractor's commands.
public enum ExtractorPlugin {
  public static let plugin = PluginDescription(
    name: "extractor", version: QuarryVersion.current,
    summary: "Ingest news articles and extract what they say",
    commands: [
      IngestCommand(), DocumentsCommand(), DocumentCommand(), ExtractCommand(), EntitiesCommand(),
      EntityCommand(),
      MentionsCommand(),
      RelationsCommand(), ClausesCommand(), QuotesCommand(), TimelineCommand(), MergeCommand(),
      UnmergeCommand(),
      NERTrainCommand(), FactsEvaluateCommand(),
      NEREvaluateCommand(), NERDocumentsCommand(), SyntaxParseCommand(), SyntaxAnnotateCommand(),
      SyntaxEvaluateCommand(),
      SyntaxTrainCommand(), TokensCommand(),
    ])
}
