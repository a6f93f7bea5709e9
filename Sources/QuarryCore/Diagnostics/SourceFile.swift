import Synchronization

/// Identifies a `SourceFile` registered in `SourceFiles`; spans carry this instead of a
/// reference so that they stay plain values and cost nothing to copy while evaluating.
public struct SourceFileID: Hashable, Sendable {
  public let rawValue: UInt32
}

/// The text of a script, a `-c` argument or an interactive line, with its line table.
public final class SourceFile: Sendable {
  public let id: SourceFileID
  /// The name shown in diagnostics: a path, `<command line>` or `<stdin>`.
  public let name: String
  /// The path of the file on disk, for resolving paths relative to it (`source`).
  public let path: String?
  public let text: String
  public let bytes: [UInt8]
  /// For an interactive line, the line number it had in the session (1 otherwise).
  public let firstLine: Int
  private let lineStarts: [Int]

  fileprivate init(id: SourceFileID, name: String, path: String?, text: String, firstLine: Int) {
    self.id = id
    self.name = name
    self.path = path
    self.text = text
    self.firstLine = firstLine
    let bytes = Array(text.utf8)
    self.bytes = bytes
    var starts = [0]
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(index + 1)
    }
    self.lineStarts = starts
  }

  /// The 1-based line and column (in Unicode scalars) of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let clamped = max(0, min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    let lineStart = lineStarts[low]
    var column = 1
    var index = lineStart
    while index < clamped {
      // Continuation bytes (10xxxxxx) do not start a scalar.
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return (low + firstLine, column)
  }

  /// The text of the line holding a byte offset, without its newline.
  public func lineText(containing offset: Int) -> (text: String, start: Int) {
    let clamped = max(0, min(offset, bytes.count))
    var start = clamped
    while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    var end = clamped
    while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
    return (String(decoding: bytes[start..<end], as: UTF8.self), start)
  }

  public func text(of span: SourceSpan) -> String {
    let start = max(0, min(span.start, bytes.count))
    let end = max(start, min(span.end, bytes.count))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

/// Every source text the process has read, so a span can be turned back into text.
public enum SourceFiles {
  private static let files = Mutex<[SourceFile]>([])

  /// Registers a text and returns it as a `SourceFile`.
  public static func add(name: String, path: String? = nil, text: String, firstLine: Int = 1)
    -> SourceFile
  {
    files.withLock { files in
      let file = SourceFile(
        id: SourceFileID(rawValue: UInt32(files.count)), name: name, path: path, text: text,
        firstLine: firstLine)
      files.append(file)
      return file
    }
  }

  public static func file(_ id: SourceFileID) -> SourceFile? {
    files.withLock { files in
      let index = Int(id.rawValue)
      return index < files.count ? files[index] : nil
    }
  }
}
