import QuarryCore

/// An article as ingested: its text exactly as read, so offsets point into it.
public struct Document: Sendable {
  /// A file's name without its extension; a JSONL record's `id`, else `<file>:<line>`.
  public var id: String
  /// Where it came from: a path, `path:line` or `<stdin>`.
  public var source: String
  public var date: CalendarDate?
  public var title: String?
  public var url: String?
  /// The authors a web page names for its article.
  public var authors: [String] = []
  /// The publication a web page belongs to (its `og:site_name` or publisher).
  public var site: String?
  /// The language a web page declares (`en`, `en-us`).
  public var language: String?
  /// The whole text, header included for plain-text files.
  public var text: String
  /// Offset in code points where the body starts (after a `date` header).
  public var bodyStart: Int

  public init(
    id: String, source: String, date: CalendarDate?, title: String?, url: String? = nil, text: String,
    bodyStart: Int = 0
  ) {
    self.id = id
    self.source = source
    self.date = date
    self.title = title
    self.url = url
    self.text = text
    self.bodyStart = bodyStart
  }

  /// Length of the text in Unicode code points, the unit of every offset.
  public var characterCount: Int { text.unicodeScalars.count }

  /// The text after the `date` header.
  public var body: String { String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(bodyStart))) }
}
