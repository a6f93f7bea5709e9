/// A recursive-descent parser that never stops at the first error: it records a
/// diagnostic, skips to the end of the statement, and goes on, so one run reports
/// every mistake it can.
public struct Parser {
  /// Commands whose arguments form one row condition (`where mentions > 2`).
  public var conditionCommands: Set<String>
  public private(set) var diagnostics: [Diagnostic] = []

  private let file: SourceFile
  private var lexer: Lexer
  private var depth = 0
  private var inRowCondition = false
  private static let maximumDepth = 200

  public init(file: SourceFile, conditionCommands: Set<String> = ["where"]) {
    self.init(file: file, start: 0, end: file.bytes.count, conditionCommands: conditionCommands)
  }

  init(file: SourceFile, start: Int, end: Int, conditionCommands: Set<String>) {
    self.file = file
    self.lexer = Lexer(bytes: file.bytes, start: start, end: end)
    self.conditionCommands = conditionCommands
  }

  /// Parses a whole source text. Check `diagnostics` for errors.
  public mutating func parseScript() -> Block {
    let start = lexer.position
    let statements = parseStatements(closing: nil)
    return Block(parameters: [], statements: statements, span: span(start, lexer.position))
  }

  /// Parses a source text, throwing every error found at once.
  public static func parse(_ file: SourceFile, conditionCommands: Set<String> = ["where"]) throws -> Block {
    var parser = Parser(file: file, conditionCommands: conditionCommands)
    let block = parser.parseScript()
    if !parser.diagnostics.isEmpty { throw DiagnosticList(parser.diagnostics) }
    return block
  }

  // MARK: Helpers

  private func span(_ start: Int, _ end: Int) -> SourceSpan {
    SourceSpan(file: file.id, start: start, end: end)
  }

  private func span(of token: Token) -> SourceSpan { span(token.start, token.end) }

  private func text(_ token: Token) -> String {
    String(decoding: file.bytes[token.contentStart..<token.contentEnd], as: UTF8.self)
  }

  private mutating func error(_ message: String, _ span: SourceSpan, help: String? = nil) {
    diagnostics.append(Diagnostic(message, at: span, help: help))
  }

  private mutating func peek(_ mode: LexMode = .command) -> Token { lexer.peek(mode) }

  @discardableResult
  private mutating func advance(_ mode: LexMode = .command) -> Token { lexer.next(mode) }

  private mutating func skipNewlines() {
    while peek().kind == .newline { advance() }
  }

  private func describe(_ token: Token) -> String {
    switch token.kind {
    case .endOfInput: return "end of input"
    case .newline: return "end of line"
    default:
      let raw = String(decoding: file.bytes[token.start..<token.end], as: UTF8.self)
      return "'\(raw.count > 40 ? String(raw.prefix(40)) + "…" : raw)'"
    }
  }

  /// Skips to the end of the current statement after an error.
  private mutating func recover() {
    var nesting = 0
    while true {
      let token = peek()
      switch token.kind {
      case .endOfInput: return
      case .newline, .semicolon:
        if nesting == 0 { return }
      case .leftParen, .leftBracket, .leftBrace: nesting += 1
      case .rightParen, .rightBracket, .rightBrace:
        if nesting == 0 { return }
        nesting -= 1
      default: break
      }
      advance()
    }
  }

  private mutating func enter(_ at: Int) -> Bool {
    depth += 1
    if depth > Parser.maximumDepth {
      if depth == Parser.maximumDepth + 1 {
        error("nesting is too deep (more than \(Parser.maximumDepth) levels)", span(at, at + 1))
      }
      return false
    }
    return true
  }

  // MARK: Statements

  private mutating func parseStatements(closing: Token.Kind?, openedAt: Int? = nil) -> [Statement] {
    var statements: [Statement] = []
    while true {
      let token = peek()
      switch token.kind {
      case .newline, .semicolon:
        advance()
        continue
      case .endOfInput:
        if let closing {
          let (open, close) = closing == .rightBrace ? ("{", "}") : ("(", ")")
          if let openedAt {
            error(
              "this '\(open)' is never closed", span(openedAt, openedAt + 1),
              help: "add a '\(close)' where the \(closing == .rightBrace ? "block" : "expression") should end"
            )
          } else {
            error("missing '\(close)' before end of input", span(of: token))
          }
        }
        return statements
      case .rightBrace where closing == .rightBrace, .rightParen where closing == .rightParen:
        return statements
      case .rightBrace, .rightParen, .rightBracket:
        error(
          "unexpected \(describe(token))", span(of: token), help: "there is no open bracket for it to close")
        advance()
        continue
      default:
        break
      }
      let before = diagnostics.count
      if let statement = parseStatement() { statements.append(statement) }
      let after = peek()
      switch after.kind {
      case .newline, .semicolon, .endOfInput: break
      case .rightBrace where closing == .rightBrace, .rightParen where closing == .rightParen: break
      default:
        if diagnostics.count == before {
          error("unexpected \(describe(after)) after the end of a statement", span(of: after))
        }
        recover()
      }
    }
  }

  private mutating func parseStatement() -> Statement? {
    let token = peek()
    let start = token.start
    if token.kind == .word {
      switch text(token) {
      case "let": return parseLet()
      case "def": return parseDefinition()
      case "if": return parseIf()
      case "for": return parseFor()
      case "try": return parseTry()
      case "return":
        advance()
        let next = peek()
        if [.newline, .semicolon, .endOfInput, .rightBrace, .rightParen].contains(next.kind) {
          return Statement(kind: .return(nil), span: span(of: token))
        }
        guard let pipeline = parsePipeline() else { return nil }
        return Statement(kind: .return(pipeline), span: span(start, pipeline.span.end))
      case "break":
        advance()
        return Statement(kind: .break, span: span(of: token))
      case "continue":
        advance()
        return Statement(kind: .continue, span: span(of: token))
      case "source":
        advance()
        guard let path = parseArgumentValue() else {
          error("'source' needs a file to run", span(of: token))
          return nil
        }
        return Statement(kind: .source(path), span: span(start, path.span.end))
      default: break
      }
    }
    guard let pipeline = parsePipeline() else { return nil }
    return Statement(kind: .pipeline(pipeline), span: pipeline.span)
  }

  private mutating func expectIdentifier(after keyword: String) -> (String, SourceSpan)? {
    let token = peek(.expression)
    if token.kind == .word || token.kind == .variable {
      advance(.expression)
      return (text(token), span(of: token))
    }
    error("expected a name after '\(keyword)', found \(describe(token))", span(of: token))
    recover()
    return nil
  }

  private mutating func parseLet() -> Statement? {
    let keyword = advance()
    guard let (name, _) = expectIdentifier(after: "let") else { return nil }
    let equals = peek(.expression)
    guard equals.kind == .operator, text(equals) == "=" else {
      error("expected '=' after 'let \(name)', found \(describe(equals))", span(of: equals))
      recover()
      return nil
    }
    advance(.expression)
    skipNewlines()
    guard let value = parsePipeline() else { return nil }
    return Statement(kind: .let(name: name, value: value), span: span(keyword.start, value.span.end))
  }

  private mutating func parseBlock(closureParameters: Bool = false) -> Block? {
    let open = peek()
    guard open.kind == .leftBrace else {
      error("expected '{', found \(describe(open))", span(of: open))
      recover()
      return nil
    }
    advance()
    guard enter(open.start) else {
      depth -= 1
      recover()
      return nil
    }
    defer { depth -= 1 }
    var parameters: [String] = []
    if closureParameters { parameters = parseClosureParameters() }
    let saved = inRowCondition
    inRowCondition = false
    let statements = parseStatements(closing: .rightBrace, openedAt: open.start)
    inRowCondition = saved
    let close = peek()
    if close.kind == .rightBrace { advance() }
    return Block(parameters: parameters, statements: statements, span: span(open.start, close.end))
  }

  /// `|a, b|` at the start of a closure.
  private mutating func parseClosureParameters() -> [String] {
    skipNewlines()
    guard
      peek(.expression).kind == .pipe
        || (peek(.expression).kind == .operator && text(peek(.expression)) == "||")
    else { return [] }
    if text(peek(.expression)) == "||" {
      advance(.expression)
      return []
    }
    advance(.expression)
    var names: [String] = []
    while true {
      let token = advance(.expression)
      switch token.kind {
      case .pipe: return names
      case .comma: continue
      case .word, .variable: names.append(text(token))
      default:
        error("expected a parameter name or '|', found \(describe(token))", span(of: token))
        return names
      }
    }
  }

  private mutating func parseDefinition() -> Statement? {
    let keyword = advance()
    let help = helpComment(before: keyword.start)
    let nameToken = peek()
    let name: String
    switch nameToken.kind {
    case .word: name = text(nameToken)
    case .doubleQuoted, .singleQuoted: name = text(nameToken)
    default:
      error("expected a command name after 'def', found \(describe(nameToken))", span(of: nameToken))
      recover()
      return nil
    }
    advance()
    var parameters: [DefinitionParameter] = []
    let open = peek()
    if open.kind == .leftBracket {
      advance()
      parameters = parseParameterList()
    } else {
      error(
        "expected '[' and the parameters of '\(name)'", span(of: open),
        help: "write [] for a command without parameters")
    }
    skipNewlines()
    guard let body = parseBlock() else { return nil }
    let definition = Definition(
      name: name, nameSpan: span(of: nameToken), parameters: parameters, body: body, help: help,
      span: span(keyword.start, body.span.end))
    return Statement(kind: .def(definition), span: definition.span)
  }

  /// The `#` comment lines directly above a byte offset, without the `#`.
  private func helpComment(before offset: Int) -> String {
    var lines: [String] = []
    var lineStart = offset
    while lineStart > 0 && file.bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
    var cursor = lineStart
    while cursor > 0 {
      var previousStart = cursor - 1
      while previousStart > 0 && file.bytes[previousStart - 1] != 0x0A { previousStart -= 1 }
      let line = String(decoding: file.bytes[previousStart..<(cursor - 1)], as: UTF8.self)
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      guard trimmed.hasPrefix("#"), !trimmed.hasPrefix("#!") else { break }
      var content = trimmed.dropFirst()
      if content.hasPrefix(" ") { content = content.dropFirst() }
      lines.insert(String(content), at: 0)
      cursor = previousStart
    }
    return lines.joined(separator: "\n")
  }

  private mutating func parseParameterList() -> [DefinitionParameter] {
    var parameters: [DefinitionParameter] = []
    while true {
      let token = peek(.expression)
      switch token.kind {
      case .rightBracket:
        advance(.expression)
        return parameters
      case .newline, .comma:
        advance(.expression)
        continue
      case .endOfInput:
        error("missing ']' to close the parameter list", span(of: token))
        return parameters
      default:
        break
      }
      var isFlag = false
      var short: Character?
      var nameToken = token
      if token.kind == .operator && text(token) == "-" {
        // `--name` or `-n` reads as operators in expression mode; take the whole word instead.
        let word = advance(.command)
        let raw = String(decoding: file.bytes[word.start..<word.end], as: UTF8.self)
        guard word.kind == .flag else {
          error("expected a flag name such as --depth, found '\(raw)'", span(of: word))
          recover()
          return parameters
        }
        isFlag = true
        nameToken = word
        var flagName = raw.hasPrefix("--") ? String(raw.dropFirst(2)) : String(raw.dropFirst())
        if raw.hasPrefix("--"), let open = flagName.firstIndex(of: "("), flagName.hasSuffix(")") {
          let inner = flagName[flagName.index(after: open)..<flagName.index(before: flagName.endIndex)]
          short = inner.hasPrefix("-") ? inner.dropFirst().first : inner.first
          flagName = String(flagName[..<open])
        }
        if flagName.hasSuffix(":") {
          flagName.removeLast()
          lexer.position -= 1
        }
        // `--loud(-l)`: the short form follows in parentheses.
        if lexer.at(lexer.position) == UInt8(ascii: "("),
          let close = file.bytes[lexer.position..<lexer.end].firstIndex(of: UInt8(ascii: ")"))
        {
          let inner = String(decoding: file.bytes[(lexer.position + 1)..<close], as: UTF8.self)
          short = inner.hasPrefix("-") ? inner.dropFirst().first : inner.first
          lexer.position = close + 1
        }
        var parameter = DefinitionParameter(
          name: flagName, isFlag: true, short: short, typeName: nil, defaultValue: nil, isOptional: true,
          span: span(of: word))
        parseParameterTail(&parameter)
        parameters.append(parameter)
        continue
      }
      guard token.kind == .word else {
        error("expected a parameter name, found \(describe(token))", span(of: token))
        recover()
        return parameters
      }
      advance(.expression)
      var parameter = DefinitionParameter(
        name: text(nameToken), isFlag: isFlag, short: nil, typeName: nil, defaultValue: nil,
        isOptional: false, span: span(of: nameToken))
      if peek(.expression).kind == .operator && text(peek(.expression)) == "?" {
        advance(.expression)
        parameter.isOptional = true
      }
      parseParameterTail(&parameter)
      parameters.append(parameter)
    }
  }

  /// `: type` and `= default` after a parameter's name.
  private mutating func parseParameterTail(_ parameter: inout DefinitionParameter) {
    if peek(.expression).kind == .colon {
      advance(.expression)
      let type = peek(.expression)
      if type.kind == .word {
        advance(.expression)
        parameter.typeName = text(type)
        if !ParameterType.names.contains(text(type)) {
          error(
            "unknown type '\(text(type))'", span(of: type),
            help: "the types are \(ParameterType.names.sorted().joined(separator: ", "))")
        }
      } else {
        error("expected a type after ':', found \(describe(type))", span(of: type))
      }
    }
    let equals = peek(.expression)
    if equals.kind == .operator && text(equals) == "=" {
      advance(.expression)
      parameter.defaultValue = parseArgumentValue()
      parameter.isOptional = true
    }
  }

  private mutating func parseIf() -> Statement? {
    let keyword = advance()
    var branches: [(Expression, Block)] = []
    var otherwise: Block?
    var end = keyword.end
    while true {
      guard let condition = parseCondition() else { return nil }
      guard let body = parseBlock() else { return nil }
      branches.append((condition, body))
      end = body.span.end
      // `else` may follow on the next line.
      let saved = lexer.position
      skipNewlines()
      let next = peek()
      guard next.kind == .word, text(next) == "else" else {
        lexer.position = saved
        break
      }
      advance()
      let afterElse = peek()
      if afterElse.kind == .word && text(afterElse) == "if" {
        advance()
        continue
      }
      guard let block = parseBlock() else { return nil }
      otherwise = block
      end = block.span.end
      break
    }
    return Statement(kind: .if(branches: branches, otherwise: otherwise), span: span(keyword.start, end))
  }

  /// An expression that ends where a block's `{` begins.
  private mutating func parseCondition() -> Expression? {
    let token = peek(.expression)
    if token.kind == .leftBrace {
      error("expected a condition before '{'", span(of: token))
      recover()
      return nil
    }
    guard let expression = parseExpression(stopAtBrace: true) else {
      recover()
      return nil
    }
    return expression
  }

  private mutating func parseFor() -> Statement? {
    let keyword = advance()
    guard let (name, _) = expectIdentifier(after: "for") else { return nil }
    let inToken = peek(.expression)
    guard inToken.kind == .word, text(inToken) == "in" else {
      error("expected 'in' after 'for \(name)', found \(describe(inToken))", span(of: inToken))
      recover()
      return nil
    }
    advance(.expression)
    guard let sequence = parseCondition() else { return nil }
    guard let body = parseBlock() else { return nil }
    return Statement(
      kind: .for(variable: name, sequence: sequence, body: body), span: span(keyword.start, body.span.end))
  }

  private mutating func parseTry() -> Statement? {
    let keyword = advance()
    guard let body = parseBlock() else { return nil }
    var handler: Block?
    let saved = lexer.position
    skipNewlines()
    let next = peek()
    if next.kind == .word && text(next) == "catch" {
      advance()
      handler = parseBlock(closureParameters: true)
    } else {
      lexer.position = saved
    }
    return Statement(
      kind: .try(body: body, handler: handler), span: span(keyword.start, (handler?.span ?? body.span).end))
  }

  // MARK: Pipelines and calls

  private mutating func parsePipeline() -> Pipeline? {
    var elements: [PipelineElement] = []
    let start = peek().start
    while true {
      guard let element = parseElement() else { return nil }
      elements.append(element)
      let next = peek()
      guard next.kind == .pipe else { break }
      advance()
      skipNewlines()
      let afterPipe = peek()
      if [.endOfInput, .semicolon, .rightParen, .rightBrace, .pipe].contains(afterPipe.kind) {
        error("expected a command after '|', found \(describe(afterPipe))", span(of: afterPipe))
        return nil
      }
    }
    return Pipeline(elements: elements, span: span(start, elements.last!.span.end))
  }

  private static let literalWords: Set<String> = ["true", "false", "null", "not"]

  private mutating func parseElement() -> PipelineElement? {
    let token = peek()
    switch token.kind {
    case .word:
      let word = text(token)
      let startsWithDigit = word.utf8.first.map(Lexer.isDigit) ?? false
      if Parser.literalWords.contains(word) || startsWithDigit || Parser.literalValue(word) != nil {
        return parseExpression().map(PipelineElement.expression)
      }
      // Inside a row condition, `(mentions > 2)` groups a condition: a bare word followed
      // by an operator is a column, not a command.
      if inRowCondition && followedByOperator(token) {
        return parseExpression().map(PipelineElement.expression)
      }
      return parseCall().map(PipelineElement.call)
    case .variable, .doubleQuoted, .singleQuoted, .leftParen, .leftBracket, .leftBrace:
      return parseExpression().map(PipelineElement.expression)
    case .flag:
      // A negative number such as -1 lexes as a word, so this is a flag without a command.
      error("unexpected flag \(describe(token)) without a command", span(of: token))
      recover()
      return nil
    case .invalid(let message):
      error(message, span(of: token))
      recover()
      return nil
    default:
      error("expected a command or a value, found \(describe(token))", span(of: token))
      recover()
      return nil
    }
  }

  private mutating func followedByOperator(_ token: Token) -> Bool {
    let saved = lexer.position
    defer { lexer.position = saved }
    lexer.position = token.end
    let next = lexer.next(.expression)
    if next.kind == .operator { return text(next) != "=" }
    return next.kind == .word && Parser.binaryOperator(text(next)) != nil
  }

  private mutating func parseCall() -> Call? {
    let nameToken = advance()
    let name = text(nameToken)
    var arguments: [Argument] = []
    var end = nameToken.end
    if conditionCommands.contains(name) {
      let next = peek(.expression)
      if next.kind != .leftBrace && !isTerminator(next) {
        let saved = inRowCondition
        inRowCondition = true
        defer { inRowCondition = saved }
        guard let condition = parseExpression() else {
          recover()
          return nil
        }
        return Call(
          name: name, nameSpan: span(of: nameToken), arguments: [.positional(condition)],
          span: span(nameToken.start, condition.span.end))
      }
    }
    while true {
      let token = peek()
      if isTerminator(token) { break }
      if token.kind == .flag {
        advance()
        let raw = String(decoding: file.bytes[token.start..<token.end], as: UTF8.self)
        let isShort = !raw.hasPrefix("--")
        var flagName = String(raw.dropFirst(isShort ? 1 : 2))
        var value: Expression?
        if let equals = flagName.firstIndex(of: "=") {
          let valueOffset =
            token.start + (isShort ? 1 : 2) + flagName.utf8.distance(from: flagName.startIndex, to: equals)
            + 1
          let valueText = String(flagName[flagName.index(after: equals)...])
          flagName = String(flagName[..<equals])
          value = Expression(
            kind: .literal(Parser.literalValue(valueText) ?? .string(valueText)),
            span: span(valueOffset, token.end))
        }
        arguments.append(.flag(name: flagName, isShort: isShort, value: value, span: span(of: token)))
        end = token.end
        continue
      }
      guard let value = parseArgumentValue() else {
        recover()
        return nil
      }
      arguments.append(.positional(value))
      end = value.span.end
    }
    return Call(
      name: name, nameSpan: span(of: nameToken), arguments: arguments, span: span(nameToken.start, end))
  }

  private func isTerminator(_ token: Token) -> Bool {
    switch token.kind {
    case .newline, .semicolon, .pipe, .rightParen, .rightBrace, .rightBracket, .endOfInput: true
    default: false
    }
  }

  /// The value of a word written without quotes: a number, a date, a boolean, null or a range.
  static func literalValue(_ word: String) -> Value? {
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default: break
    }
    guard let first = word.utf8.first else { return nil }
    guard
      Lexer.isDigit(first)
        || ((first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) && word.utf8.count > 1)
    else { return nil }
    let digits = word.replacingUnderscores()
    if let value = Int(digits) { return .int(value) }
    if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
      digits.last.map({ $0.isNumber }) ?? false,
      let value = Double(digits)
    {
      return .float(value)
    }
    if word.utf8.count == 10, let date = CalendarDate(iso: word), date.day != nil { return .date(date) }
    return nil
  }

  /// One argument in command mode: a bare word, a quoted string, a variable, a
  /// subexpression, a list or a record.
  private mutating func parseArgumentValue() -> Expression? {
    let token = peek()
    switch token.kind {
    case .word, .flag:
      advance()
      let word = text(token)
      if let range = rangeLiteral(word, token) { return range }
      let value = Parser.literalValue(word) ?? .string(word)
      return Expression(kind: .literal(value), span: span(of: token))
    default:
      return parsePrimary()
    }
  }

  /// `1..10` or `0..<n` written as one bare word.
  private mutating func rangeLiteral(_ word: String, _ token: Token) -> Expression? {
    guard let dots = word.firstRange(of: "..") else { return nil }
    let lower = String(word[..<dots.lowerBound])
    var upperText = String(word[dots.upperBound...])
    var inclusive = true
    if upperText.hasPrefix("<") {
      inclusive = false
      upperText.removeFirst()
    }
    guard case .int(let low)? = Parser.literalValue(lower) else { return nil }
    let lowExpression = Expression(kind: .literal(.int(low)), span: span(of: token))
    let upperExpression: Expression
    if case .int(let high)? = Parser.literalValue(upperText) {
      upperExpression = Expression(kind: .literal(.int(high)), span: span(of: token))
    } else if upperText.hasPrefix("$") {
      upperExpression = Expression(kind: .variable(String(upperText.dropFirst())), span: span(of: token))
    } else {
      return nil
    }
    return Expression(
      kind: .range(lowExpression, upperExpression, inclusive: inclusive), span: span(of: token))
  }

  // MARK: Expressions

  private var stopAtBrace = false

  /// Parses a full expression with operators, in expression mode.
  mutating func parseExpression(stopAtBrace: Bool = false) -> Expression? {
    let saved = self.stopAtBrace
    self.stopAtBrace = stopAtBrace
    defer { self.stopAtBrace = saved }
    return parseBinary(precedence: 0)
  }

  private static func binaryOperator(_ text: String) -> (BinaryOperator, Int)? {
    switch text {
    case "or", "||": return (.or, 1)
    case "and", "&&": return (.and, 2)
    case "==": return (.equal, 4)
    case "!=": return (.notEqual, 4)
    case "<": return (.less, 4)
    case "<=": return (.lessOrEqual, 4)
    case ">": return (.greater, 4)
    case ">=": return (.greaterOrEqual, 4)
    case "=~": return (.matches, 4)
    case "!~": return (.notMatches, 4)
    case "in": return (.in, 4)
    case "not-in": return (.notIn, 4)
    case "contains": return (.contains, 4)
    case "starts-with": return (.startsWith, 4)
    case "ends-with": return (.endsWith, 4)
    case "+": return (.add, 6)
    case "-": return (.subtract, 6)
    case "*": return (.multiply, 7)
    case "/": return (.divide, 7)
    case "%": return (.modulo, 7)
    default: return nil
    }
  }

  private mutating func parseBinary(precedence: Int) -> Expression? {
    guard var left = parseUnary() else { return nil }
    while true {
      let token = peek(.expression)
      guard token.kind == .operator || token.kind == .word else { break }
      let operatorText = text(token)
      if operatorText == ".." || operatorText == "..<" {
        // A range binds looser than arithmetic and tighter than comparison.
        guard precedence <= 5 else { break }
        advance(.expression)
        guard let right = parseBinary(precedence: 6) else { return nil }
        left = Expression(
          kind: .range(left, right, inclusive: operatorText == ".."), span: left.span.merged(with: right.span)
        )
        continue
      }
      guard let (op, level) = Parser.binaryOperator(operatorText), level > precedence else {
        if token.kind == .operator, Parser.binaryOperator(operatorText) == nil {
          error("unknown operator '\(operatorText)'", span(of: token))
          advance(.expression)
          return nil
        }
        break
      }
      advance(.expression)
      skipNewlinesInExpression()
      // Comparisons do not chain: `a < b < c` is an error rather than a surprise.
      guard var right = parseBinary(precedence: level == 4 ? 4 : level) else { return nil }
      // In `where type == PERSON` the right-hand bare word is a value unless the row has
      // a column of that name.
      if level == 4, case .column(let name) = right.kind {
        right = Expression(kind: .columnOrString(name), span: right.span)
      }
      left = Expression(kind: .binary(op, left, right), span: left.span.merged(with: right.span))
      if level == 4, let (_, nextLevel) = Parser.binaryOperator(text(peek(.expression))), nextLevel == 4 {
        let next = peek(.expression)
        error("comparisons cannot be chained", span(of: next), help: "combine them with 'and'")
        return nil
      }
    }
    return left
  }

  private mutating func skipNewlinesInExpression() {
    while peek(.expression).kind == .newline { advance(.expression) }
  }

  private mutating func parseUnary() -> Expression? {
    let token = peek(.expression)
    if token.kind == .operator && text(token) == "-" {
      advance(.expression)
      guard let operand = parseUnary() else { return nil }
      if case .literal(.int(let value)) = operand.kind {
        return Expression(kind: .literal(.int(-value)), span: span(token.start, operand.span.end))
      }
      if case .literal(.float(let value)) = operand.kind {
        return Expression(kind: .literal(.float(-value)), span: span(token.start, operand.span.end))
      }
      return Expression(kind: .unary(.negate, operand), span: span(token.start, operand.span.end))
    }
    if (token.kind == .word && text(token) == "not") || (token.kind == .operator && text(token) == "!") {
      advance(.expression)
      guard let operand = parseBinary(precedence: 3) else { return nil }
      return Expression(kind: .unary(.not, operand), span: span(token.start, operand.span.end))
    }
    return parsePrimary()
  }

  private mutating func parsePrimary() -> Expression? {
    let token = peek(.expression)
    guard enter(token.start) else {
      depth -= 1
      return nil
    }
    defer { depth -= 1 }
    var expression: Expression
    switch token.kind {
    case .number:
      advance(.expression)
      let raw = text(token)
      guard let value = Parser.literalValue(raw) else {
        error("'\(raw)' is not a number Quarry can hold", span(of: token))
        return nil
      }
      expression = Expression(kind: .literal(value), span: span(of: token))
    case .word:
      advance(.expression)
      let word = text(token)
      if let value = Parser.literalValue(word) {
        expression = Expression(kind: .literal(value), span: span(of: token))
      } else if inRowCondition {
        expression = Expression(kind: .column(word), span: span(of: token))
      } else {
        error(
          "unexpected bare word '\(word)' in an expression", span(of: token),
          help: "write $\(word) for a variable, \"\(word)\" for a string, or (\(word)) to run a command")
        return nil
      }
    case .variable:
      advance(.expression)
      expression = Expression(kind: .variable(text(token)), span: span(of: token))
    case .doubleQuoted:
      advance(.expression)
      expression = parseDoubleQuoted(token)
    case .singleQuoted:
      advance(.expression)
      expression = Expression(kind: .literal(.string(text(token))), span: span(of: token))
    case .leftParen:
      advance(.expression)
      let savedRow = inRowCondition
      let savedBrace = stopAtBrace
      stopAtBrace = false
      let statements = parseStatements(closing: .rightParen, openedAt: token.start)
      inRowCondition = savedRow
      stopAtBrace = savedBrace
      let close = peek()
      if close.kind == .rightParen { advance() }
      expression = Expression(kind: .subexpression(statements), span: span(token.start, close.end))
    case .leftBracket:
      advance(.expression)
      var items: [Expression] = []
      while true {
        let next = peek()
        if next.kind == .rightBracket {
          advance()
          break
        }
        if next.kind == .comma || next.kind == .newline {
          advance()
          continue
        }
        if next.kind == .endOfInput {
          error("missing ']' to close the list", span(of: token))
          return nil
        }
        guard let item = parseArgumentValue() else { return nil }
        items.append(item)
      }
      expression = Expression(kind: .list(items), span: span(token.start, lexer.position))
    case .leftBrace:
      if stopAtBrace {
        error("expected a value, found '{'", span(of: token))
        return nil
      }
      guard let braced = parseBraced() else { return nil }
      expression = braced
    case .invalid(let message):
      advance(.expression)
      error(message, span(of: token))
      return nil
    default:
      error("expected a value, found \(describe(token))", span(of: token))
      return nil
    }
    return parseMembers(expression)
  }

  /// `.name` and `.0` directly after a value.
  private mutating func parseMembers(_ base: Expression) -> Expression {
    var expression = base
    while lexer.position + 1 < lexer.end, file.bytes[lexer.position] == UInt8(ascii: "."),
      Lexer.isIdentifierPart(file.bytes[lexer.position + 1])
        && file.bytes[lexer.position + 1] != UInt8(ascii: "-")
    {
      lexer.position += 1
      let start = lexer.position
      var end = start
      while end < lexer.end
        && (Lexer.isIdentifierPart(file.bytes[end]) && file.bytes[end] != UInt8(ascii: "."))
      {
        end += 1
      }
      lexer.position = end
      let name = String(decoding: file.bytes[start..<end], as: UTF8.self)
      let key: MemberKey = Int(name).map(MemberKey.index) ?? .name(name)
      expression = Expression(kind: .member(expression, key), span: span(base.span.start, end))
    }
    return expression
  }

  /// `{ key: value }` is a record; `{ |x| ... }` and `{ statements }` are closures.
  private mutating func parseBraced() -> Expression? {
    let open = peek()
    let saved = lexer.position
    advance()
    skipNewlines()
    let first = peek(.expression)
    if first.kind == .rightBrace {
      advance()
      return Expression(kind: .record([]), span: span(open.start, first.end))
    }
    var isRecord = false
    if first.kind == .word || first.kind == .doubleQuoted || first.kind == .singleQuoted
      || first.kind == .number
    {
      advance(.expression)
      isRecord = peek(.expression).kind == .colon
    }
    lexer.position = saved
    if !isRecord {
      guard let block = parseBlock(closureParameters: true) else { return nil }
      return Expression(kind: .closure(block), span: block.span)
    }
    advance()
    var fields: [(key: String, value: Expression)] = []
    while true {
      let token = peek(.expression)
      switch token.kind {
      case .rightBrace:
        advance(.expression)
        return Expression(kind: .record(fields), span: span(open.start, token.end))
      case .comma, .newline:
        advance(.expression)
        continue
      case .endOfInput:
        error("missing '}' to close the record", span(of: open))
        return nil
      case .word, .doubleQuoted, .singleQuoted, .number:
        advance(.expression)
        let key = token.kind == .doubleQuoted ? decodeEscapes(token) : text(token)
        guard peek(.expression).kind == .colon else {
          error("expected ':' after the field name '\(key)'", span(of: peek(.expression)))
          recover()
          return nil
        }
        advance(.expression)
        guard let value = parseArgumentValue() else { return nil }
        fields.append((key, value))
      default:
        error("expected a field name, found \(describe(token))", span(of: token))
        recover()
        return nil
      }
    }
  }

  // MARK: Strings

  private mutating func decodeEscapes(_ token: Token) -> String {
    if case .literal(.string(let text)) = parseDoubleQuoted(token).kind { return text }
    return text(token)
  }

  /// Decodes escapes and splits out `$name` and `$(...)` interpolations.
  private mutating func parseDoubleQuoted(_ token: Token) -> Expression {
    let bytes = file.bytes
    var parts: [InterpolationPart] = []
    var buffer: [UInt8] = []
    var index = token.contentStart
    let end = token.contentEnd
    func flush() {
      if !buffer.isEmpty {
        parts.append(.text(String(decoding: buffer, as: UTF8.self)))
        buffer.removeAll()
      }
    }
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") && index + 1 < end {
        let escaped = bytes[index + 1]
        index += 2
        switch escaped {
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "0"): buffer.append(0x00)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "'"):
          buffer.append(escaped)
        case UInt8(ascii: "u"):
          // \u{1F600}
          if index < end && bytes[index] == UInt8(ascii: "{"),
            let close = bytes[index..<end].firstIndex(of: UInt8(ascii: "}")),
            let code = UInt32(String(decoding: bytes[(index + 1)..<close], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
          {
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
            index = close + 1
          } else {
            error("invalid unicode escape; write \\u{XXXX}", span(index - 2, min(index + 1, end)))
          }
        default:
          error(
            "unknown escape '\\\(Character(Unicode.Scalar(escaped)))'", span(index - 2, index),
            help: "the escapes are \\n \\t \\r \\0 \\\" \\\\ \\$ and \\u{XXXX}")
        }
        continue
      }
      if byte == UInt8(ascii: "$") && index + 1 < end {
        let next = bytes[index + 1]
        if next == UInt8(ascii: "(") {
          // Find the matching ')' the lexer already balanced.
          var depth = 0
          var close = index + 1
          while close < end {
            if bytes[close] == UInt8(ascii: "(") { depth += 1 }
            if bytes[close] == UInt8(ascii: ")") {
              depth -= 1
              if depth == 0 { break }
            }
            close += 1
          }
          flush()
          var inner = Parser(
            file: file, start: index + 2, end: min(close, end), conditionCommands: conditionCommands)
          inner.depth = depth
          let statements = inner.parseStatements(closing: nil)
          diagnostics.append(contentsOf: inner.diagnostics)
          parts.append(
            .expression(Expression(kind: .subexpression(statements), span: span(index, close + 1))))
          index = close + 1
          continue
        }
        if Lexer.isIdentifierStart(next) {
          var nameEnd = index + 1
          while nameEnd < end && Lexer.isIdentifierPart(bytes[nameEnd]) { nameEnd += 1 }
          flush()
          var expression = Expression(
            kind: .variable(String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self)),
            span: span(index, nameEnd))
          index = nameEnd
          while index + 1 < end && bytes[index] == UInt8(ascii: ".")
            && Lexer.isIdentifierStart(bytes[index + 1])
            || (index + 1 < end && bytes[index] == UInt8(ascii: ".") && Lexer.isDigit(bytes[index + 1]))
          {
            var memberEnd = index + 1
            while memberEnd < end && Lexer.isIdentifierPart(bytes[memberEnd]) { memberEnd += 1 }
            let name = String(decoding: bytes[(index + 1)..<memberEnd], as: UTF8.self)
            expression = Expression(
              kind: .member(expression, Int(name).map(MemberKey.index) ?? .name(name)),
              span: span(expression.span.start, memberEnd))
            index = memberEnd
          }
          parts.append(.expression(expression))
          continue
        }
      }
      buffer.append(byte)
      index += 1
    }
    flush()
    let whole = span(of: token)
    if parts.isEmpty { return Expression(kind: .literal(.string("")), span: whole) }
    if parts.count == 1, case .text(let text) = parts[0] {
      return Expression(kind: .literal(.string(text)), span: whole)
    }
    return Expression(kind: .interpolation(parts), span: whole)
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    contains("_") ? String(filter { $0 != "_" }) : self
  }
}

/// Tells the interactive shell whether a statement continues on the next line.
public enum InputCompleteness {
  /// True when the text ends inside an open `{`, `(`, `[` or string, or after a `|`.
  public static func needsMoreInput(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var stack: [UInt8] = []
    var index = 0
    var lastSignificant: UInt8 = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "#"):
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
        continue
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let quote = byte
        index += 1
        var closed = false
        while index < bytes.count {
          if bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
            index += 2
            continue
          }
          if bytes[index] == quote {
            closed = true
            break
          }
          index += 1
        }
        if !closed { return true }
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        stack.append(byte)
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        // A stray closer is an error for the parser to report, not a reason to wait.
        if stack.isEmpty { return false }
        stack.removeLast()
      default:
        break
      }
      if !Lexer.isSpace(byte) && byte != 0x0A { lastSignificant = byte }
      index += 1
    }
    if !stack.isEmpty { return true }
    if lastSignificant == UInt8(ascii: "|") { return true }
    if lastSignificant == UInt8(ascii: "\\") && bytes.last == UInt8(ascii: "\\") { return true }
    return false
  }
}
