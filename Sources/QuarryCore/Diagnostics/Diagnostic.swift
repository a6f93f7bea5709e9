/// A message about the user's input: what is wrong, where, and how to fix it.
public struct Diagnostic: Error, Sendable, Equatable {
  public enum Severity: String, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  public var message: String
  public var span: SourceSpan?
  public var help: String?

  public init(_ message: String, at span: SourceSpan?, help: String? = nil, severity: Severity = .error) {
    self.severity = severity
    self.message = message
    self.span = span
    self.help = help
  }

  /// `file:line:column: error: message`, the form editors and CI logs recognise.
  public var headline: String {
    if let span { return "\(span.locationDescription): \(severity.rawValue): \(message)" }
    return "\(severity.rawValue): \(message)"
  }

  /// The headline, the offending source line with a caret under the span, and help.
  public func rendered(color: Bool = false) -> String {
    let red = color ? "\u{1B}[1;31m" : ""
    let bold = color ? "\u{1B}[1m" : ""
    let blue = color ? "\u{1B}[1;34m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    var lines: [String] = []
    if let span {
      lines.append(
        "\(bold)\(span.locationDescription): \(red)\(severity.rawValue):\(reset)\(bold) \(message)\(reset)")
    } else {
      lines.append("\(red)\(severity.rawValue):\(reset)\(bold) \(message)\(reset)")
    }
    if let span, let source = span.sourceFile {
      let (lineNumber, column) = source.location(of: span.start)
      let (text, lineStart) = source.lineText(containing: span.start)
      let lineEnd = lineStart + text.utf8.count
      let visibleEnd = min(max(span.end, span.start + 1), lineEnd)
      let width = max(1, scalarCount(source.bytes, from: span.start, to: visibleEnd))
      let gutter = String(repeating: " ", count: String(lineNumber).count)
      let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
      lines.append("\(gutter) \(blue)|\(reset)")
      lines.append("\(blue)\(lineNumber) |\(reset) \(shown)")
      let padding = String(repeating: " ", count: min(column - 1, 200))
      lines.append(
        "\(gutter) \(blue)|\(reset) \(padding)\(red)\(String(repeating: "^", count: min(width, 200)))\(reset)"
      )
    }
    if let help {
      lines.append("  = help: \(help)")
    }
    return lines.joined(separator: "\n")
  }

  private func scalarCount(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    var count = 0
    var index = max(0, start)
    while index < min(end, bytes.count) {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }
}

/// Several diagnostics found in one pass (the parser reports all it can).
public struct DiagnosticList: Error, Sendable {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Suggests the candidate nearest to a misspelt name.
public enum Suggestion {
  /// The closest candidate by edit distance, if it is close enough to be a likely typo.
  public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(2, target.count / 3)
    if distance <= limit { return candidate }
    if candidate.lowercased().hasPrefix(name.lowercased()) && !name.isEmpty { return candidate }
    return nil
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
