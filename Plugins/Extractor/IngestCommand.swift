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
      their readable text, with the <title> and the publication date the page declares. JSONL files (.jsonl, .ndjson)
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
      let text = reader.decode(bytes, source: path)
      if text.allSatisfy({ $0.isWhitespace }) {
        reader.warnings.append("\(path): empty file skipped")
        return
      }
      if isHTML {
        let document = reader.html(text, id: DocumentReader.baseName(path), source: path)
        if document.text.isEmpty {
          reader.warnings.append("\(path): no text in the page; skipped")
        } else {
          take(document)
        }
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
    input: .none, output: .table,
    examples: [Example("documents | where date >= 2023-01-01 | count", "articles from 2023 on")])

  public func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    let rows: [[Value]] = workspace.documents.enumerated().map { index, document in
      let sentences =
        workspace.annotations[index]?.sentenceCount
        ?? SentenceSplitter.split(Tokenizer.tokenize(document.body)).count
      return [
        .string(document.id), .string(document.source), document.date.map(Value.date) ?? .null,
        document.title.map(Value.string) ?? .null, .int(document.characterCount), .int(sentences),
      ]
    }
    return .table(Table(columns: ["id", "source", "date", "title", "chars", "sentences"], rows: rows))
  }
}

/// The extractor's commands.
public enum ExtractorPlugin {
  public static let plugin = PluginDescription(
    name: "extractor", version: QuarryVersion.current,
    summary: "Ingest news articles and extract what they say",
    commands: [
      IngestCommand(), DocumentsCommand(), ExtractCommand(), EntitiesCommand(), EntityCommand(),
      MentionsCommand(),
      RelationsCommand(), ClausesCommand(), QuotesCommand(), TimelineCommand(), MergeCommand(),
      UnmergeCommand(),
      NERTrainCommand(), FactsEvaluateCommand(),
      NEREvaluateCommand(), NERDocumentsCommand(), SyntaxParseCommand(), SyntaxAnnotateCommand(),
      SyntaxEvaluateCommand(),
      SyntaxTrainCommand(), TokensCommand(),
    ])
}
