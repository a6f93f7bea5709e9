/// Turns source bytes into tokens on demand; the parser picks the mode of each token.
struct Lexer {
  let bytes: [UInt8]
  let end: Int
  var position: Int

  init(bytes: [UInt8], start: Int, end: Int) {
    self.bytes = bytes
    self.position = start
    self.end = end
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
  }

  static func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte) || byte == 0x2D
  }

  /// Bytes that end a bare word in command mode.
  static func endsWord(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x7C, 0x3B, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C: true
    default: false
    }
  }

  func at(_ index: Int) -> UInt8? { index < end ? bytes[index] : nil }

  /// Skips spaces, comments and backslash-newline continuations; returns whether any were skipped.
  mutating func skipTrivia() -> Bool {
    let start = position
    while position < end {
      let byte = bytes[position]
      if Lexer.isSpace(byte) {
        position += 1
      } else if byte == UInt8(ascii: "\\"), at(position + 1) == 0x0A {
        position += 2
      } else if byte == UInt8(ascii: "#") {
        while position < end && bytes[position] != 0x0A { position += 1 }
      } else {
        break
      }
    }
    return position != start
  }

  /// The next token in the given mode, without consuming it.
  mutating func peek(_ mode: LexMode) -> Token {
    let saved = position
    let token = next(mode)
    position = saved
    return token
  }

  mutating func next(_ mode: LexMode) -> Token {
    let spaced = skipTrivia() || position == 0 || (position > 0 && bytes[position - 1] == 0x0A)
    let start = position
    guard position < end else {
      return Token(
        kind: .endOfInput, start: start, end: start, contentStart: start, contentEnd: start,
        spaceBefore: spaced)
    }
    func make(_ kind: Token.Kind, length: Int) -> Token {
      position = start + length
      return Token(
        kind: kind, start: start, end: position, contentStart: start, contentEnd: position,
        spaceBefore: spaced)
    }
    let byte = bytes[position]
    switch byte {
    case 0x0A: return make(.newline, length: 1)
    case UInt8(ascii: "("): return make(.leftParen, length: 1)
    case UInt8(ascii: ")"): return make(.rightParen, length: 1)
    case UInt8(ascii: "["): return make(.leftBracket, length: 1)
    case UInt8(ascii: "]"): return make(.rightBracket, length: 1)
    case UInt8(ascii: "{"): return make(.leftBrace, length: 1)
    case UInt8(ascii: "}"): return make(.rightBrace, length: 1)
    case UInt8(ascii: ","): return make(.comma, length: 1)
    case UInt8(ascii: ";"): return make(.semicolon, length: 1)
    case UInt8(ascii: "|") where at(position + 1) != UInt8(ascii: "|"):
      return make(.pipe, length: 1)
    case UInt8(ascii: "\""): return quoted(start: start, spaced: spaced, double: true)
    case UInt8(ascii: "'"): return quoted(start: start, spaced: spaced, double: false)
    case UInt8(ascii: "$")
    where at(position + 1).map(Lexer.isIdentifierStart) ?? false:
      var index = position + 1
      while index < end && Lexer.isIdentifierPart(bytes[index]) { index += 1 }
      position = index
      return Token(
        kind: .variable, start: start, end: index, contentStart: start + 1, contentEnd: index,
        spaceBefore: spaced)
    default:
      break
    }
    switch mode {
    case .command: return commandWord(start: start, spaced: spaced)
    case .expression: return expressionToken(start: start, spaced: spaced)
    }
  }

  private mutating func quoted(start: Int, spaced: Bool, double: Bool) -> Token {
    var index = start + 1
    let quote = bytes[start]
    var parenDepth = 0
    while index < end {
      let byte = bytes[index]
      if double && byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if double && byte == UInt8(ascii: "$") && at(index + 1) == UInt8(ascii: "(") {
        parenDepth += 1
        index += 2
        continue
      }
      if parenDepth > 0 {
        if byte == UInt8(ascii: "(") { parenDepth += 1 }
        if byte == UInt8(ascii: ")") { parenDepth -= 1 }
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
          // Skip a string nested inside $( ... ).
          let nestedQuote = byte
          index += 1
          while index < end && bytes[index] != nestedQuote {
            if bytes[index] == UInt8(ascii: "\\") && nestedQuote == UInt8(ascii: "\"") { index += 1 }
            index += 1
          }
        }
        index += 1
        continue
      }
      if byte == quote {
        position = index + 1
        return Token(
          kind: double ? .doubleQuoted : .singleQuoted, start: start, end: index + 1,
          contentStart: start + 1, contentEnd: index, spaceBefore: spaced)
      }
      index += 1
    }
    position = end
    return Token(
      kind: .invalid("unterminated string"), start: start, end: end, contentStart: start + 1,
      contentEnd: end, spaceBefore: spaced)
  }

  private mutating func commandWord(start: Int, spaced: Bool) -> Token {
    var index = start
    while index < end && !Lexer.endsWord(bytes[index]) { index += 1 }
    position = index
    let first = bytes[start]
    var kind = Token.Kind.word
    if first == UInt8(ascii: "-") && index - start >= 2 {
      let second = bytes[start + 1]
      if second == UInt8(ascii: "-") && index - start > 2 {
        kind = .flag
      } else if Lexer.isIdentifierStart(second) {
        kind = .flag
      }
    }
    return Token(
      kind: kind, start: start, end: index, contentStart: start, contentEnd: index, spaceBefore: spaced)
  }

  private mutating func expressionToken(start: Int, spaced: Bool) -> Token {
    let byte = bytes[start]
    func make(_ kind: Token.Kind, length: Int) -> Token {
      position = start + length
      return Token(
        kind: kind, start: start, end: position, contentStart: start, contentEnd: position,
        spaceBefore: spaced)
    }
    let next = at(start + 1)
    if Lexer.isDigit(byte) {
      if let length = dateLength(at: start) { return make(.word, length: length) }
      var index = start
      while index < end && (Lexer.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_")) { index += 1 }
      if index + 1 < end && bytes[index] == UInt8(ascii: ".") && Lexer.isDigit(bytes[index + 1]) {
        index += 1
        while index < end && Lexer.isDigit(bytes[index]) { index += 1 }
      }
      if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
        var exponent = index + 1
        if exponent < end && (bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-")) {
          exponent += 1
        }
        if exponent < end && Lexer.isDigit(bytes[exponent]) {
          index = exponent
          while index < end && Lexer.isDigit(bytes[index]) { index += 1 }
        }
      }
      return make(.number, length: index - start)
    }
    if Lexer.isIdentifierStart(byte) {
      var index = start
      while index < end && Lexer.isIdentifierPart(bytes[index]) { index += 1 }
      return make(.word, length: index - start)
    }
    switch (byte, next) {
    case (UInt8(ascii: "="), UInt8(ascii: "=")), (UInt8(ascii: "!"), UInt8(ascii: "=")),
      (UInt8(ascii: "<"), UInt8(ascii: "=")), (UInt8(ascii: ">"), UInt8(ascii: "=")),
      (UInt8(ascii: "="), UInt8(ascii: "~")), (UInt8(ascii: "!"), UInt8(ascii: "~")),
      (UInt8(ascii: "&"), UInt8(ascii: "&")), (UInt8(ascii: "|"), UInt8(ascii: "|")):
      return make(.operator, length: 2)
    case (UInt8(ascii: "."), UInt8(ascii: ".")):
      return make(.operator, length: at(start + 2) == UInt8(ascii: "<") ? 3 : 2)
    case (UInt8(ascii: ":"), _):
      return make(.colon, length: 1)
    default:
      break
    }
    switch byte {
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
      UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "."), UInt8(ascii: "!"):
      return make(.operator, length: 1)
    default:
      // Anything else is read as a command-mode word so the parser can report it whole.
      return commandWord(start: start, spaced: spaced)
    }
  }

  /// The length of a `YYYY-MM-DD` date at an index, if one starts there.
  func dateLength(at start: Int) -> Int? {
    guard start + 10 <= end else { return nil }
    for offset in 0..<10 {
      let byte = bytes[start + offset]
      if offset == 4 || offset == 7 {
        if byte != UInt8(ascii: "-") { return nil }
      } else if !Lexer.isDigit(byte) {
        return nil
      }
    }
    if start + 10 < end && Lexer.isIdentifierPart(bytes[start + 10]) { return nil }
    return 10
  }
}
