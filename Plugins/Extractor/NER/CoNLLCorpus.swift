import QuarryCore

/// An entity in text as a typed span of code points, `[start, end)`.
public struct TypedSpan: Hashable, Sendable {
  public var start: Int
  public var end: Int
  public var type: String

  public init(start: Int, end: Int, type: String) {
    self.start = start
    self.end = end
    self.type = type
  }
}

/// A CoNLL-2003 document put back into running text, with its entities as spans of it.
public struct CoNLLDocument: Sendable {
  public var text: String
  public var entities: [TypedSpan]
  public var tokenCount: Int
}

/// Reads CoNLL-format files (one token a line, the entity tag in the last column, a blank
/// line between sentences, `-DOCSTART-` between documents) and rebuilds each document as
/// the plain text it came from: sentences on their own lines, tokens joined the way news
/// is written ("U.S. officials, (he said)" rather than "U.S. officials , ( he said )").
public enum CoNLLCorpus {
  public struct FormatError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The first field of the line that starts each document.
  static let documentMarker = "-DOCSTART-"

  /// Documents in CoNLL format: each sentence a list of (token, IOB tag), written one
  /// token a line with placeholder part-of-speech and chunk columns.
  public static func write(_ documents: [[[(token: String, tag: String)]]]) -> String {
    var text = ""
    for sentences in documents {
      text += documentMarker + " -X- -X- O\n\n"
      for sentence in sentences {
        for (token, tag) in sentence { text += "\(token) _ _ \(tag)\n" }
        text += "\n"
      }
    }
    return text
  }

  public static func read(path: String) throws -> [CoNLLDocument] {
    var documents: [CoNLLDocument] = []
    var sentences: [[(String, String)]] = []
    var sentence: [(String, String)] = []
    try scan(
      path: path,
      token: { fields, lineNumber in
        let tag = String(fields[fields.count - 1])
        guard tag == "O" || (tag.count > 2 && (tag.hasPrefix("B-") || tag.hasPrefix("I-"))) else {
          throw FormatError(description: "\(path):\(lineNumber): '\(tag)' is not an IOB tag")
        }
        sentence.append((String(fields[0]), tag))
      },
      sentenceEnd: {
        if !sentence.isEmpty { sentences.append(sentence) }
        sentence = []
      },
      documentEnd: {
        if !sentences.isEmpty { documents.append(document(sentences)) }
        sentences = []
      })
    return documents
  }

  /// The sentences of a CoNLL-format file as words with their part-of-speech tags (the
  /// second column), documents run together.
  public static func readTagged(path: String) throws -> [[(form: String, xpos: String)]] {
    var sentences: [[(form: String, xpos: String)]] = []
    var sentence: [(form: String, xpos: String)] = []
    try scan(
      path: path, token: { fields, _ in sentence.append((String(fields[0]), String(fields[1]))) },
      sentenceEnd: {
        if !sentence.isEmpty { sentences.append(sentence) }
        sentence = []
      }, documentEnd: {})
    return sentences
  }

  /// Walks a CoNLL-format file: `token` hears each token line's fields (at least two) with
  /// its line number, `sentenceEnd` each blank line, and `documentEnd` each document marker
  /// (after ending the sentence) and the end of the file.
  private static func scan(
    path: String, token: ([Substring], Int) throws -> Void, sentenceEnd: () -> Void, documentEnd: () -> Void
  ) throws {
    let lines = try LineReader(path: path)
    var lineNumber = 0
    while let bytes = try lines.nextLine() {
      lineNumber += 1
      let line = String(decoding: bytes, as: UTF8.self)
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty {
        sentenceEnd()
        continue
      }
      if fields[0] == documentMarker {
        sentenceEnd()
        documentEnd()
        continue
      }
      guard fields.count >= 2 else {
        throw FormatError(description: "\(path):\(lineNumber): expected a token and a tag, found '\(line)'")
      }
      try token(fields, lineNumber)
    }
    sentenceEnd()
    documentEnd()
  }

  static let noSpaceBefore: Set<String> = [
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d",
    "'m",
    "''", "...",
  ]
  static let noSpaceAfter: Set<String> = ["(", "[", "{", "$", "``", "#"]

  /// The text of a document and its entities (IOB1 or IOB2 tags both accepted).
  static func document(_ sentences: [[(String, String)]]) -> CoNLLDocument {
    var text = ""
    var offset = 0
    var entities: [TypedSpan] = []
    var tokens = 0
    for (sentenceIndex, sentence) in sentences.enumerated() {
      if sentenceIndex > 0 {
        text += "\n"
        offset += 1
      }
      var openQuote = false
      var gapless = true
      var current: TypedSpan?
      func close() {
        if let span = current { entities.append(span) }
        current = nil
      }
      for (token, tag) in sentence {
        tokens += 1
        var spaced = !gapless
        if noSpaceBefore.contains(token) { spaced = false }
        if token == "\"" {
          if openQuote { spaced = false }
        }
        if spaced {
          text += " "
          offset += 1
        }
        let start = offset
        text += token
        offset += token.unicodeScalars.count
        gapless = noSpaceAfter.contains(token)
        if token == "\"" {
          if !openQuote { gapless = true }
          openQuote.toggle()
        }
        if tag == "O" {
          close()
          continue
        }
        let type = String(tag.dropFirst(2))
        if tag.hasPrefix("B-") || current?.type != type {
          close()
          current = TypedSpan(start: start, end: offset, type: type)
        } else {
          current?.end = offset
        }
      }
      close()
    }
    return CoNLLDocument(text: text, entities: entities, tokenCount: tokens)
  }
}
