import QuarryCore

/// Reads a `GraphPattern` from its text. Names with spaces or punctuation (`not meet`,
/// `shoot down`) go in backquotes; property values are quoted strings, numbers, true,
/// false or null.
struct PatternParser {
  private let characters: [Character]
  private var index = 0

  init(_ text: String) { characters = Array(text) }

  static func parse(_ text: String) throws(PatternError) -> GraphPattern {
    var parser = PatternParser(text)
    return try parser.pattern()
  }

  private var current: Character? { index < characters.count ? characters[index] : nil }

  private func fail(_ message: String, at position: Int? = nil) -> PatternError {
    PatternError(message: message, position: position ?? index)
  }

  private mutating func skipSpace() {
    while let character = current, character.isWhitespace { index += 1 }
  }

  private mutating func take(_ character: Character) -> Bool {
    skipSpace()
    guard current == character else { return false }
    index += 1
    return true
  }

  private mutating func expect(_ character: Character, _ message: String) throws(PatternError) {
    guard take(character) else { throw fail(message) }
  }

  mutating func pattern() throws(PatternError) -> GraphPattern {
    var nodes = [try node()]
    var relationships: [GraphPattern.Relationship] = []
    while true {
      skipSpace()
      guard current == "-" || current == "<" else { break }
      relationships.append(try relationship())
      nodes.append(try node())
    }
    skipSpace()
    if current != nil {
      throw fail("unexpected '\(current!)' after the pattern: a relationship starts with '-' or '<-'")
    }
    return GraphPattern(nodes: nodes, relationships: relationships)
  }

  private mutating func node() throws(PatternError) -> GraphPattern.Node {
    skipSpace()
    let start = index
    try expect(
      "(", current == nil ? "the pattern ends where a node '(' should be" : "expected '(' to start a node")
    var node = GraphPattern.Node(position: start)
    skipSpace()
    node.variable = try name()
    if take(":") { node.labels = try alternatives("a label") }
    skipSpace()
    if current == "{" { node.properties = try properties() }
    try expect(")", "expected ')' to close the node started at column \(start + 1)")
    return node
  }

  private mutating func relationship() throws(PatternError) -> GraphPattern.Relationship {
    let start = index
    let leftArrow = take("<")
    guard take("-") else { throw fail("expected '-' after '<'") }
    var relationship = GraphPattern.Relationship(direction: .either, position: start)
    skipSpace()
    if current == "[" {
      index += 1
      skipSpace()
      relationship.variable = try name()
      if take(":") { relationship.types = try alternatives("a relationship type") }
      if take("*") { try hops(into: &relationship) }
      skipSpace()
      if current == "{" { relationship.properties = try properties() }
      try expect("]", "expected ']' to close the relationship started at column \(start + 1)")
    }
    guard take("-") else { throw fail("expected '-' to end the relationship (as in -[:meet]-> or -->)") }
    let rightArrow = take(">")
    if leftArrow && rightArrow {
      throw fail("a relationship points one way: use <-[...]- or -[...]->", at: start)
    }
    relationship.direction = leftArrow ? .in : rightArrow ? .out : .either
    return relationship
  }

  /// `*`, `*3`, `*1..3`, `*..3`, `*2..`.
  private mutating func hops(into relationship: inout GraphPattern.Relationship) throws(PatternError) {
    let start = index - 1
    skipSpace()
    let low = number()
    var high: Int?
    if take(".") {
      guard current == "." else { throw fail("expected '..' in the hop range") }
      index += 1
      skipSpace()
      high = number()
    } else {
      high = low  // `*3` is exactly three hops; `*` has no bound
    }
    relationship.minimumHops = low ?? 1
    relationship.maximumHops = high
    if let high, high < relationship.minimumHops {
      throw fail("the hop range \(relationship.minimumHops)..\(high) is empty", at: start)
    }
  }

  private mutating func number() -> Int? {
    skipSpace()
    let start = index
    while let character = current, character.isASCII, character.isNumber { index += 1 }
    return start == index ? nil : Int(String(characters[start..<index]))
  }

  /// An identifier, a backquoted name, or nil when there is neither.
  private mutating func name() throws(PatternError) -> String? {
    skipSpace()
    if current == "`" {
      let start = index
      index += 1
      var text = ""
      while let character = current, character != "`" {
        text.append(character)
        index += 1
      }
      guard current == "`" else { throw fail("the name in backquotes is not closed", at: start) }
      index += 1
      return text
    }
    let start = index
    while let character = current, character.isLetter || character.isNumber || character == "_" {
      index += 1
    }
    return start == index ? nil : String(characters[start..<index])
  }

  /// `A|B|C` (also `A|:B`).
  private mutating func alternatives(_ what: String) throws(PatternError) -> [String] {
    var names: [String] = []
    repeat {
      _ = take(":")
      guard let next = try name() else { throw fail("expected \(what) after ':' or '|'") }
      names.append(next)
    } while take("|")
    return names
  }

  /// `{key: value, ...}`.
  private mutating func properties() throws(PatternError) -> [(String, Value)] {
    let start = index
    index += 1  // {
    var pairs: [(String, Value)] = []
    if take("}") { return pairs }
    repeat {
      guard let key = try name() else { throw fail("expected a property name") }
      try expect(":", "expected ':' after the property name '\(key)'")
      pairs.append((key, try literal()))
    } while take(",")
    try expect("}", "expected '}' to close the properties started at column \(start + 1)")
    return pairs
  }

  private mutating func literal() throws(PatternError) -> Value {
    skipSpace()
    guard let first = current else { throw fail("the pattern ends where a property value should be") }
    if first == "'" || first == "\"" {
      let start = index
      index += 1
      var text = ""
      while let character = current, character != first {
        if character == "\\", index + 1 < characters.count {
          index += 1
          text.append(characters[index])
        } else {
          text.append(character)
        }
        index += 1
      }
      guard current == first else { throw fail("the string is not closed", at: start) }
      index += 1
      return .string(text)
    }
    let start = index
    while let character = current, character.isLetter || character.isNumber || "-+.eE_".contains(character) {
      index += 1
    }
    let word = String(characters[start..<index])
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default:
      if let number = Int(word) { return .int(number) }
      if let number = Double(word) { return .float(number) }
      throw fail(
        word.isEmpty ? "expected a property value" : "'\(word)' is not a value: quote a string", at: start)
    }
  }
}
