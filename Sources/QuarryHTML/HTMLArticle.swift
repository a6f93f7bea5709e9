import QuarryCore

/// A web page read as a news article: its body as paragraphs, without the page around it,
/// its headline kept apart, and what the page says about it.
///
/// ```swift
/// let article = HTMLArticle(bytes: try FilePaths.readBytes("page.html"))
/// article.metadata.title     // "Google Stadia, Microsoft xCloud…"
/// article.paragraphs         // ["Gaming used to be so simple…", …]
/// ```
public struct HTMLArticle: Sendable {
  /// The body's paragraphs, headings and list items, in page order.
  public var paragraphs: [String]
  public var metadata: PageMetadata
  /// The encoding the page was read in.
  public var encoding: String
  /// Problems reading the page that did not stop it being read (invalid bytes).
  public var warnings: [String] = []

  /// The body, paragraphs separated by blank lines.
  public var text: String { paragraphs.joined(separator: "\n\n") }

  /// Reads a page from its bytes, in whatever encoding it declares.
  public init(bytes: [UInt8]) {
    let decoded = HTMLEncoding.decode(bytes)
    self.init(tree: HTMLTree(utf8: decoded.bytes), encoding: decoded.encoding)
    if let problem = decoded.problem { warnings.append(problem) }
  }

  /// Reads a page already decoded.
  public init(html: String) { self.init(tree: HTMLTree(html: html), encoding: "utf-8") }

  init(tree: HTMLTree, encoding: String) {
    metadata = PageMetadata(tree: tree)
    paragraphs = ArticleExtractor.paragraphs(of: tree)
    self.encoding = encoding
    // A headline repeated as the body's first line is the headline, not the body.
    if let title = metadata.title, paragraphs.first == title { paragraphs.removeFirst() }
  }

  /// Whether the bytes look like a binary file rather than a page: NUL bytes, or mostly
  /// control bytes, in the first kilobytes.
  public static func looksBinary(_ bytes: [UInt8]) -> Bool {
    let head = bytes.prefix(8192)
    guard !head.isEmpty else { return false }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
    var control = 0
    for byte in head {
      if byte == 0 { return true }
      if byte < 0x09 || (byte > 0x0D && byte < 0x20) { control += 1 }
    }
    return control * 10 > head.count
  }
}
