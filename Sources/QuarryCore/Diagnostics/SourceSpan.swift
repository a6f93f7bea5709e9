/// A byte range `[start, end)` in a registered source file.
public struct SourceSpan: Hashable, Sendable {
  public var file: SourceFileID
  public var start: Int
  public var end: Int

  public init(file: SourceFileID, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// The smallest span covering both.
  public func merged(with other: SourceSpan) -> SourceSpan {
    SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public var sourceFile: SourceFile? { SourceFiles.file(file) }

  /// `file:line:column` of the span's start.
  public var locationDescription: String {
    guard let source = sourceFile else { return "<unknown>" }
    let (line, column) = source.location(of: start)
    return "\(source.name):\(line):\(column)"
  }

  /// The source text the span covers.
  public var text: String { sourceFile?.text(of: self) ?? "" }
}
