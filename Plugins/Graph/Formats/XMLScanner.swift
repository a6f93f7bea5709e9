/// A small pull reader of XML: start tags with their attributes, end tags and text, with
/// the five named entities, numeric character references, CDATA and comments. It skips
/// the prolog, processing instructions and DOCTYPE, and resolves no external entities
/// (so a hostile file cannot make it read other files). Foundation's XMLParser would
/// load libxml2 and Foundation into every start-up of the shell; GraphML needs only this.
struct XMLScanner {
  enum Event {
    case start(name: Substring, attributes: [(Substring, String)], selfClosing: Bool)
    case end(name: Substring)
    case text(String)
  }

  private let text: Substring.UTF8View
  private var position: Substring.UTF8View.Index
  private let source: Substring
  private(set) var line = 1

  init(_ source: String) {
    self.source = Substring(source)
    text = self.source.utf8
    position = text.startIndex
  }

  private func fail(_ message: String) -> GraphFileError { GraphFileError(line: line, message: message) }

  private mutating func advance() {
    if text[position] == 10 { line += 1 }
    position = text.index(after: position)
  }

  private func starts(with prefix: String) -> Bool { text[position...].starts(with: prefix.utf8) }

  /// Skips past `terminator`, or fails naming what was left open.
  private mutating func skip(past terminator: String, what: String) throws(GraphFileError) {
    while position < text.endIndex {
      if starts(with: terminator) {
        for _ in terminator.utf8 { advance() }
        return
      }
      advance()
    }
    throw fail("\(what) is not closed")
  }

  mutating func next() throws(GraphFileError) -> Event? {
    while position < text.endIndex {
      if text[position] != 60 {  // '<'
        let start = position
        while position < text.endIndex && text[position] != 60 { advance() }
        let raw = source[start..<position]
        if raw.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { continue }
        return .text(try decode(raw))
      }
      if starts(with: "<!--") {
        try skip(past: "-->", what: "a comment")
      } else if starts(with: "<![CDATA[") {
        for _ in 0..<9 { advance() }
        let start = position
        try skip(past: "]]>", what: "a CDATA section")
        return .text(String(source[start..<text.index(position, offsetBy: -3)]))
      } else if starts(with: "<?") {
        try skip(past: "?>", what: "a processing instruction")
      } else if starts(with: "<!") {
        try skip(past: ">", what: "a declaration")
      } else if starts(with: "</") {
        advance()
        advance()
        let name = readName()
        skipSpace()
        guard position < text.endIndex, text[position] == 62 else {
          throw fail("expected '>' after </\(name)")
        }
        advance()
        return .end(name: name)
      } else {
        advance()
        let name = readName()
        guard !name.isEmpty else { throw fail("expected an element name after '<'") }
        var attributes: [(Substring, String)] = []
        while true {
          skipSpace()
          guard position < text.endIndex else { throw fail("the tag <\(name) is not closed") }
          if text[position] == 62 {
            advance()
            return .start(name: name, attributes: attributes, selfClosing: false)
          }
          if starts(with: "/>") {
            advance()
            advance()
            return .start(name: name, attributes: attributes, selfClosing: true)
          }
          let key = readName()
          guard !key.isEmpty else { throw fail("unexpected character in the tag <\(name)") }
          skipSpace()
          guard position < text.endIndex, text[position] == 61 else {
            throw fail("expected '=' after the attribute \(key)")
          }
          advance()
          skipSpace()
          guard position < text.endIndex, text[position] == 34 || text[position] == 39 else {
            throw fail("expected a quoted value for the attribute \(key)")
          }
          let quote = text[position]
          advance()
          let start = position
          while position < text.endIndex && text[position] != quote { advance() }
          guard position < text.endIndex else { throw fail("the value of \(key) is not closed") }
          attributes.append((key, try decode(source[start..<position])))
          advance()
        }
      }
    }
    return nil
  }

  private mutating func skipSpace() {
    while position < text.endIndex, [32, 9, 10, 13].contains(text[position]) { advance() }
  }

  private mutating func readName() -> Substring {
    let start = position
    while position < text.endIndex {
      let byte = text[position]
      if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 62 || byte == 47 || byte == 61 {
        break
      }
      advance()
    }
    return source[start..<position]
  }

  /// Text with its entity and character references replaced.
  private func decode(_ raw: Substring) throws(GraphFileError) -> String {
    guard raw.utf8.contains(38) else { return String(raw) }
    var result = ""
    var rest = raw[...]
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
        throw fail("an '&' that starts no entity")
      }
      let name = rest[rest.index(after: ampersand)..<semicolon]
      switch name {
      case "amp": result += "&"
      case "lt": result += "<"
      case "gt": result += ">"
      case "quot": result += "\""
      case "apos": result += "'"
      default:
        let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
        guard name.hasPrefix("#"), let code = UInt32(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
          let scalar = Unicode.Scalar(code)
        else { throw fail("unknown entity &\(name);") }
        result.unicodeScalars.append(scalar)
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }
}
