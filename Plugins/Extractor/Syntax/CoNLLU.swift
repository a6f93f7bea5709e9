import QuarryCore

/// A sentence of a CoNLL-U file: its comment lines, its syntactic words, and the lines
/// that are not words (multi-word token ranges such as `1-2`, empty nodes such as `8.1`),
/// each kept where it stood so that the sentence can be written back as it was read.
public struct CoNLLUSentence: Sendable, Equatable {
  /// One line of the ten columns, as read.
  public struct Line: Sendable, Equatable {
    public var fields: [String]
    /// The line number in the file, for messages.
    public var lineNumber: Int

    public var id: String { fields[0] }
    public var form: String { fields.count > 1 ? fields[1] : "_" }
    public subscript(column: Int) -> String { column < fields.count ? fields[column] : "_" }
  }

  public enum Item: Sendable, Equatable {
    /// A syntactic word: the index into `words`.
    case word(Int)
    /// A multi-word token or an empty node, kept as it stands.
    case other(Line)
  }

  public var comments: [String] = []
  public var words: [Line] = []
  public var items: [Item] = []
  /// The line of the sentence's first word, for messages.
  public var firstLine: Int = 0

  public var forms: [String] { words.map(\.form) }
}

/// The columns of a CoNLL-U word line.
public enum CoNLLUColumn {
  public static let id = 0
  public static let form = 1
  public static let lemma = 2
  public static let upos = 3
  public static let xpos = 4
  public static let feats = 5
  public static let head = 6
  public static let deprel = 7
  public static let deps = 8
  public static let misc = 9
}

/// Reads and writes CoNLL-U (https://universaldependencies.org/format.html).
public enum CoNLLU {
  /// A line that breaks the format, with the file and line it is on.
  public struct FormatError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
  }

  /// How much of a word line must be there.
  public enum Strictness: Sendable {
    /// Only the id and the form are read (`syntax annotate`); other columns may be missing.
    case words
    /// Every column, with a head that is a number and a relation (`syntax evaluate`, `train`).
    case annotated
  }

  public static func read(path: String, strictness: Strictness) throws -> [CoNLLUSentence] {
    let bytes = try FilePaths.readBytes(path)
    return try parse(bytes: bytes, file: path, strictness: strictness)
  }

  public static func parse(bytes: [UInt8], file: String, strictness: Strictness) throws -> [CoNLLUSentence] {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      var iterator = bytes.makeIterator()
      var decoder = UTF8()
      var line = 1
      decoding: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
        case .emptyInput, .error: break decoding
        }
      }
      throw FormatError(file: file, line: line, message: "the file is not UTF-8 text")
    }
    return try parse(text: text, file: file, strictness: strictness)
  }

  public static func parse(text: String, file: String, strictness: Strictness) throws -> [CoNLLUSentence] {
    var sentences: [CoNLLUSentence] = []
    var current = CoNLLUSentence()
    var lineNumber = 0
    func fail(_ message: String) -> FormatError {
      FormatError(file: file, line: lineNumber, message: message)
    }
    func finish() {
      if !current.words.isEmpty || !current.items.isEmpty {
        sentences.append(current)
      }
      current = CoNLLUSentence()
    }
    // "\r\n" is one Character in Swift, so lines end at either.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        finish()
        continue
      }
      if line.first == "#" {
        if !current.items.isEmpty {
          throw fail("a comment inside a sentence: comments come before its first word line")
        }
        current.comments.append(String(line))
        continue
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if strictness == .annotated || fields.count > 10 {
        guard fields.count == 10 else {
          throw fail("expected 10 tab-separated columns, found \(fields.count)")
        }
      } else if fields.count < 2 {
        throw fail("expected an id and a word separated by a tab, found \"\(line.prefix(40))\"")
      }
      let id = fields[0]
      let entry = CoNLLUSentence.Line(fields: fields, lineNumber: lineNumber)
      if id.contains("-") || id.contains(".") {
        let parts = id.split(separator: id.contains("-") ? "-" : ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
          parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { throw fail("'\(id)' is not a word id, a range such as 1-2 or an empty node such as 8.1") }
        current.items.append(.other(entry))
        continue
      }
      guard let number = Int(id), number >= 1 else {
        throw fail("'\(id)' is not a word id (a whole number from 1)")
      }
      guard number == current.words.count + 1 else {
        throw fail("word id \(number) out of order: expected \(current.words.count + 1)")
      }
      if fields[1].isEmpty { throw fail("word \(number) has an empty form") }
      if strictness == .annotated {
        guard let head = Int(fields[CoNLLUColumn.head]), head >= 0 else {
          throw fail("word \(number) has head '\(fields[CoNLLUColumn.head])', not a word number")
        }
        _ = head
        if fields[CoNLLUColumn.deprel].isEmpty || fields[CoNLLUColumn.deprel] == "_" {
          throw fail("word \(number) has no relation")
        }
      }
      if current.words.isEmpty { current.firstLine = lineNumber }
      current.items.append(.word(current.words.count))
      current.words.append(entry)
    }
    finish()
    if strictness == .annotated {
      for sentence in sentences {
        for word in sentence.words {
          let head = Int(word[CoNLLUColumn.head])!
          if head > sentence.words.count {
            throw FormatError(
              file: file, line: word.lineNumber,
              message:
                "word \(word.id) has head \(head), past the sentence's last word (\(sentence.words.count))")
          }
        }
      }
    }
    return sentences
  }

  /// Writes sentences back: comments, then every line in its place, each sentence ended
  /// by an empty line.
  public static func write(_ sentences: [CoNLLUSentence]) -> String {
    var out = ""
    out.reserveCapacity(sentences.count * 600)
    for sentence in sentences {
      for comment in sentence.comments {
        out += comment
        out += "\n"
      }
      for item in sentence.items {
        let line: CoNLLUSentence.Line
        switch item {
        case .word(let index): line = sentence.words[index]
        case .other(let other): line = other
        }
        var fields = line.fields
        while fields.count < 10 { fields.append("_") }
        out += fields.joined(separator: "\t")
        out += "\n"
      }
      out += "\n"
    }
    return out
  }
}
