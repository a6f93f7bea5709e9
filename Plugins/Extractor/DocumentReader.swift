import QuarryCore
import QuarryHTML
import QuarryModel

/// Turns files and streams into documents: plain text with an optional
/// `date YYYY-MM-DD` header, Markdown as text, and JSONL records.
struct DocumentReader {
  /// Problems that skip part of the input without stopping the rest.
  var warnings: [String] = []

  static let textExtensions: Set<String> = ["txt", "text", "md", "markdown"]
  static let lineExtensions: Set<String> = ["jsonl", "ndjson"]
  static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

  static func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  static func baseName(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// Decodes UTF-8, replacing invalid bytes with U+FFFD and warning with the first offset.
  mutating func decode(_ bytes: [UInt8], source: String) -> String {
    if let offset = FilePaths.invalidUTF8Offset(bytes) {
      if bytes[offset] == 0 {
        warnings.append("\(source): NUL byte at offset \(offset); is it a binary file?")
      } else {
        warnings.append("\(source): invalid UTF-8 at byte offset \(offset), replaced with U+FFFD")
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A plain-text document; a first line `date YYYY-MM-DD` (after white space) sets its date.
  func plainText(_ text: String, id: String, source: String) -> Document {
    var date: CalendarDate?
    var bodyStart = 0
    let scalars = Array(text.unicodeScalars.prefix(4096))
    var index = 0
    while index < scalars.count
      && (scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" || scalars[index] == "\r")
    {
      index += 1
    }
    let headerWord = "date "
    if index + 15 <= scalars.count,
      String(String.UnicodeScalarView(scalars[index..<(index + 5)])) == headerWord,
      let parsed = CalendarDate(iso: String(String.UnicodeScalarView(scalars[(index + 5)..<(index + 15)]))),
      parsed.day != nil
    {
      date = parsed
      bodyStart = index + 15
    }
    let body = text.unicodeScalars.dropFirst(bodyStart)
    let title = body.split(whereSeparator: { $0 == "\n" }).lazy.map { String(String.UnicodeScalarView($0)) }
      .map { $0.trimmingSpaces() }.first { !$0.isEmpty }
    return Document(
      id: id, source: source, date: date,
      title: title.map { $0.count > 160 ? String($0.prefix(159)) + "…" : $0 },
      text: text, bodyStart: bodyStart)
  }

  /// An HTML page: the article's text without the page around it, its headline as the
  /// title, and the date, authors, site, address and language the page gives. Nil, with a
  /// warning, for a binary file or a page with no article.
  mutating func html(_ bytes: [UInt8], id: String, source: String) -> Document? {
    if HTMLArticle.looksBinary(bytes) {
      warnings.append("\(source): not an HTML page (binary data); skipped")
      return nil
    }
    let article = HTMLArticle(bytes: bytes)
    for warning in article.warnings { warnings.append("\(source): \(warning)") }
    guard !article.paragraphs.isEmpty else {
      warnings.append("\(source): no article text found in the page; skipped")
      return nil
    }
    let metadata = article.metadata
    var document = Document(
      id: id, source: source, date: metadata.date, title: metadata.title ?? article.paragraphs.first,
      url: metadata.url, text: article.text)
    document.authors = metadata.authors
    document.site = metadata.site
    document.language = metadata.language
    return document
  }

  /// One JSONL record; `nil` (with a warning) when it has no text.
  mutating func record(_ line: Substring, path: String, lineNumber: Int) -> Document? {
    let value: Value
    do {
      value = try JSON.decode(String(line))
    } catch {
      warnings.append("\(path):\(lineNumber): malformed JSON (\(error)); line skipped")
      return nil
    }
    guard case .record(let record) = value else {
      warnings.append("\(path):\(lineNumber): expected a JSON object; line skipped")
      return nil
    }
    guard let text = (record["text"] ?? record["body"] ?? record["content"])?.stringValue else {
      warnings.append("\(path):\(lineNumber): no 'text', 'body' or 'content' field; line skipped")
      return nil
    }
    let id =
      record["id"].flatMap { $0.isNull ? nil : $0.plainText }
      ?? "\(DocumentReader.baseName(path)):\(lineNumber)"
    let dateText = (record["date"] ?? record["published"])?.stringValue
    let date = dateText.flatMap { CalendarDate(iso: $0.prefix(10)) }
    return Document(
      id: id, source: record["source"]?.stringValue ?? "\(path):\(lineNumber)", date: date,
      title: record["title"]?.stringValue, url: record["url"]?.stringValue, text: text)
  }
}

extension String {
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
