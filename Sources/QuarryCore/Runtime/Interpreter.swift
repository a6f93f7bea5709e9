/// Walks the syntax tree. One interpreter serves one session; it holds no data of its
/// own beyond the call depth, so errors never leave the session half-changed.
public final class Interpreter: @unchecked Sendable {
  // Used by the session's thread only.
  public let session: Session
  private var callDepth = 0
  /// Receives each top-level statement's value while a script or line runs.
  private var emit: ((Value, SourceSpan) throws -> Void)?
  private var regexCache: [String: Regex<AnyRegexOutput>] = [:]

  public init(session: Session) {
    self.session = session
  }

  /// How a top-level run reports a statement's error: return true to go on.
  public typealias ErrorHandler = (any Error) -> Bool

  /// Runs the statements of a script or an interactive line at the top level, handing
  /// each statement's value to `onValue` as soon as it is computed.
  public func run(
    _ block: Block, onValue: @escaping (Value, SourceSpan) throws -> Void, onError: ErrorHandler,
    onStatementEnd: () -> Void = {}
  ) {
    let savedEmit = emit
    emit = onValue
    defer { emit = savedEmit }
    hoistDefinitions(block.statements)
    for statement in block.statements {
      defer { onStatementEnd() }
      do {
        try Interrupt.check()
        let value = try execute(statement, frame: session.globals, topLevel: true)
        if !value.isNull { try onValue(value, statement.span) }
      } catch let signal as ControlSignal {
        let error = Diagnostic(signal.strayMessage, at: statement.span)
        if !onError(error) { return }
      } catch {
        if !onError(error) { return }
      }
    }
  }

  /// Parses and runs a file inside the current run (for `source`).
  func runNested(_ file: SourceFile) throws -> Value {
    let block = try Parser.parse(file, conditionCommands: conditionCommands)
    hoistDefinitions(block.statements)
    var last = Value.null
    for statement in block.statements {
      last = try execute(statement, frame: session.globals, topLevel: emit != nil)
      if let emit, !last.isNull {
        try emit(last, statement.span)
        last = .null
      }
    }
    return last
  }

  public var conditionCommands: Set<String> { session.registry.conditionCommands.union(["where"]) }

  private func hoistDefinitions(_ statements: [Statement]) {
    for statement in statements {
      if case .def(let definition) = statement.kind { session.definitions[definition.name] = definition }
    }
  }

  // MARK: Statements

  enum ControlSignal: Error {
    case returned(Value)
    case breakLoop
    case continueLoop

    var strayMessage: String {
      switch self {
      case .returned: "'return' outside of a command definition"
      case .breakLoop: "'break' outside of a loop"
      case .continueLoop: "'continue' outside of a loop"
      }
    }
  }

  /// Runs statements and gives the value of the last one.
  func execute(_ statements: [Statement], frame: Frame) throws -> Value {
    var last = Value.null
    for statement in statements {
      last = try execute(statement, frame: frame, topLevel: false)
    }
    return last
  }

  private func execute(_ statement: Statement, frame: Frame, topLevel: Bool) throws -> Value {
    switch statement.kind {
    case .pipeline(let pipeline):
      return try run(pipeline, frame: frame)
    case .let(let name, let pipeline):
      let value = try run(pipeline, frame: frame)
      frame.assign(name, value)
      return .null
    case .def(let definition):
      session.definitions[definition.name] = definition
      return .null
    case .if(let branches, let otherwise):
      for (condition, body) in branches {
        let value = try evaluate(condition, frame: frame)
        guard case .bool(let truth) = value else {
          throw Diagnostic(
            "the condition of 'if' must be a bool, but it is \(value.typeName)", at: condition.span)
        }
        if truth { return try execute(body.statements, frame: frame) }
      }
      if let otherwise { return try execute(otherwise.statements, frame: frame) }
      return .null
    case .for(let variable, let sequence, let body):
      try runLoop(variable: variable, sequence: sequence, body: body, frame: frame)
      return .null
    case .try(let body, let handler):
      do {
        return try execute(body.statements, frame: frame)
      } catch let error as Diagnostic {
        return try handle(error.message, span: error.span, handler: handler, frame: frame)
      } catch let error as DiagnosticList {
        let first = error.diagnostics.first
        return try handle(first?.message ?? "error", span: first?.span, handler: handler, frame: frame)
      }
    case .return(let pipeline):
      throw ControlSignal.returned(try pipeline.map { try run($0, frame: frame) } ?? .null)
    case .break:
      throw ControlSignal.breakLoop
    case .continue:
      throw ControlSignal.continueLoop
    case .source(let pathExpression):
      let pathValue = try evaluate(pathExpression, frame: frame)
      guard case .string(let path) = pathValue else {
        throw Diagnostic("'source' needs a file path, but got \(pathValue.typeName)", at: pathExpression.span)
      }
      let resolved = FilePaths.resolve(path, relativeTo: statement.span.sourceFile?.path)
      let text: String
      do {
        text = try FilePaths.readText(resolved)
      } catch {
        throw Diagnostic("cannot read '\(path)': \(error)", at: pathExpression.span)
      }
      let file = SourceFiles.add(name: path, path: resolved, text: text)
      if topLevel { return try runNested(file) }
      let block = try Parser.parse(file, conditionCommands: conditionCommands)
      hoistDefinitions(block.statements)
      return try execute(block.statements, frame: frame)
    }
  }

  private func handle(_ message: String, span: SourceSpan?, handler: Block?, frame: Frame) throws -> Value {
    guard let handler else { return .null }
    var record = Record()
    record["msg"] = .string(message)
    if let span {
      record["location"] = .string(span.locationDescription)
    }
    if let name = handler.parameters.first { frame.assign(name, .record(record)) }
    return try execute(handler.statements, frame: frame)
  }

  private func runLoop(variable: String, sequence: Expression, body: Block, frame: Frame) throws {
    func iteration(_ value: Value) throws -> Bool {
      try Interrupt.check()
      frame.assign(variable, value)
      do {
        _ = try execute(body.statements, frame: frame)
      } catch ControlSignal.breakLoop {
        return false
      } catch ControlSignal.continueLoop {
        return true
      }
      return true
    }
    // A range is counted, not built, so `for i in 0..<1000000` needs no list.
    if case .range(let lowExpression, let highExpression, let inclusive) = sequence.kind {
      let (low, high) = try rangeBounds(lowExpression, highExpression, frame: frame)
      let end = inclusive ? high : high - 1
      guard low <= end else { return }
      // Assign through the slot directly: the loop variable is the hottest name.
      frame.assign(variable, .int(low))
      let slot = frame.names.lastIndex(of: variable)!
      var index = low
      while index <= end {
        try Interrupt.check()
        frame.values[slot] = .int(index)
        do {
          _ = try execute(body.statements, frame: frame)
        } catch ControlSignal.breakLoop {
          return
        } catch ControlSignal.continueLoop {
        }
        index += 1
      }
      return
    }
    let value = try evaluate(sequence, frame: frame)
    switch value {
    case .list(let items):
      for item in items where !(try iteration(item)) { return }
    case .table(let table):
      for row in table.rows where !(try iteration(.record(Record(keys: table.columns, values: row)))) {
        return
      }
    case .record(let record):
      for (key, item) in zip(record.keys, record.values) {
        guard try iteration(.record(Record(["key": .string(key), "value": item]))) else { return }
      }
    case .null:
      return
    default:
      if let items = value.listElements {
        for item in items where !(try iteration(item)) { return }
      } else {
        throw Diagnostic(
          "'for' needs a list, a table or a range, but got \(value.typeName)", at: sequence.span)
      }
    }
  }

  private func rangeBounds(_ low: Expression, _ high: Expression, frame: Frame) throws -> (Int, Int) {
    let lowValue = try evaluate(low, frame: frame)
    let highValue = try evaluate(high, frame: frame)
    guard case .int(let a) = lowValue else {
      throw Diagnostic("a range needs int bounds, but the start is \(lowValue.typeName)", at: low.span)
    }
    guard case .int(let b) = highValue else {
      throw Diagnostic("a range needs int bounds, but the end is \(highValue.typeName)", at: high.span)
    }
    return (a, b)
  }

  // MARK: Pipelines and calls

  func run(_ pipeline: Pipeline, frame: Frame) throws -> Value {
    // Most statements in a loop body are a single expression.
    if pipeline.elements.count == 1, case .expression(let expression) = pipeline.elements[0] {
      return try evaluate(expression, frame: frame)
    }
    var value = Value.null
    for (index, element) in pipeline.elements.enumerated() {
      switch element {
      case .expression(let expression):
        if index > 0 {
          throw Diagnostic(
            "a value cannot take input from a pipeline", at: expression.span,
            help: "put a command after '|', such as 'each { |x| ... }' or 'where ...'")
        }
        value = try evaluate(expression, frame: frame)
      case .call(let call):
        value = try invoke(call, input: value, frame: frame)
      }
    }
    return value
  }

  /// The command a call names, with subcommand words (`graph path`) folded into the name.
  private func resolve(_ call: Call) -> (name: String, argumentsUsed: Int) {
    var name = call.name
    var used = 0
    while used < call.arguments.count,
      case .positional(let expression) = call.arguments[used],
      case .literal(.string(let word)) = expression.kind,
      session.registry.contains(name + " " + word) || session.registry.isGroup(name + " " + word)
        || session.definitions[name + " " + word] != nil
    {
      name += " " + word
      used += 1
    }
    return (name, used)
  }

  func invoke(_ call: Call, input: Value, frame: Frame) throws -> Value {
    let (name, used) = resolve(call)
    let arguments = used == 0 ? call.arguments : Array(call.arguments.dropFirst(used))
    if let definition = session.definitions[name] {
      return try invoke(definition, arguments: arguments, call: call, input: input, frame: frame)
    }
    guard let entry = session.registry.entry(name) else {
      throw unknownCommand(name, call: call, used: used)
    }
    let signature = entry.signature
    let bound = try bind(arguments, to: signature, callSpan: call.span, frame: frame)
    let invocation = Invocation(
      signature: signature, input: input, session: session, span: call.span, positionals: bound.positionals,
      positionalSpans: bound.positionalSpans, flags: bound.flags, flagSpans: bound.flagSpans,
      rest: bound.rest,
      interpreter: self)
    do {
      return try entry.command.run(invocation)
    } catch let error as Diagnostic where error.span == nil {
      var located = error
      located.span = call.span
      throw located
    }
  }

  private func unknownCommand(_ name: String, call: Call, used: Int) -> Diagnostic {
    if session.registry.isGroup(name) {
      let members = session.registry.members(ofGroup: name)
      let span = used == 0 ? call.nameSpan : call.nameSpan.merged(with: call.arguments[used - 1].span)
      if call.arguments.count > used, case .positional(let next) = call.arguments[used],
        case .literal(.string(let word)) = next.kind
      {
        let suggestion = Suggestion.nearest(
          to: word, in: members.map { String($0.dropFirst(name.count + 1)) })
        return Diagnostic(
          "'\(name)' has no subcommand '\(word)'", at: next.span,
          help: suggestion.map { "did you mean '\(name) \($0)'?" }
            ?? "the subcommands are \(members.joined(separator: ", "))")
      }
      return Diagnostic(
        "'\(name)' needs a subcommand", at: span,
        help: "the subcommands are \(members.joined(separator: ", "))")
    }
    let candidates = session.commandNames + ["let", "def", "if", "for", "try", "source", "return"]
    let suggestion = Suggestion.nearest(to: name, in: candidates)
    return Diagnostic(
      "unknown command '\(name)'", at: call.nameSpan,
      help: suggestion.map { "did you mean '\($0)'?" } ?? "type 'help' to list the commands")
  }

  private func invoke(
    _ definition: Definition, arguments: [Argument], call: Call, input: Value, frame: Frame
  ) throws -> Value {
    let signature = definition.signature
    let bound = try bind(arguments, to: signature, callSpan: call.span, frame: frame)
    guard callDepth < session.recursionLimit else {
      throw Diagnostic(
        "recursion limit reached: '\(definition.name)' called itself \(session.recursionLimit) levels deep",
        at: call.span, help: "check that the recursion has a case where it stops")
    }
    callDepth += 1
    defer { callDepth -= 1 }
    let local = Frame(parent: nil)
    local.assign("in", input)
    for parameter in signature.parameters {
      local.assign(parameter.name, bound.positionals[parameter.name] ?? parameter.defaultValue ?? .null)
    }
    for flag in signature.flags {
      let value = bound.flags[flag.name] ?? flag.defaultValue ?? (flag.isSwitch ? .bool(false) : .null)
      local.assign(flag.name, value)
    }
    do {
      return try execute(definition.body.statements, frame: local)
    } catch ControlSignal.returned(let value) {
      return value
    }
  }

  // MARK: Binding

  struct BoundArguments {
    var positionals: [String: Value] = [:]
    var positionalSpans: [String: SourceSpan] = [:]
    var flags: [String: Value] = [:]
    var flagSpans: [String: SourceSpan] = [:]
    var rest: [Value] = []
  }

  private func bind(
    _ arguments: [Argument], to signature: Signature, callSpan: SourceSpan, frame: Frame
  ) throws -> BoundArguments {
    var bound = BoundArguments()
    var positionalIndex = 0
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      switch argument {
      case .flag(let name, let isShort, let inlineValue, let span):
        if name == "help" || (isShort && name == "h" && signature.flag(short: "h") == nil) {
          throw HelpRequest(command: signature.name)
        }
        let flags: [Flag]
        if isShort && name.count > 1 {
          // `-abc` groups switches.
          flags = try name.map { short in
            guard let flag = signature.flag(short: short), flag.isSwitch else {
              throw unknownFlag("-\(short)", signature: signature, span: span)
            }
            return flag
          }
        } else if let flag = isShort ? signature.flag(short: Character(name)) : signature.flag(named: name) {
          flags = [flag]
        } else {
          throw unknownFlag(isShort ? "-\(name)" : "--\(name)", signature: signature, span: span)
        }
        for flag in flags {
          if flag.isSwitch {
            if let inlineValue {
              let value = try evaluate(inlineValue, frame: frame)
              guard case .bool = value else {
                throw Diagnostic("the switch --\(flag.name) takes true or false", at: inlineValue.span)
              }
              bound.flags[flag.name] = value
            } else {
              bound.flags[flag.name] = .bool(true)
            }
            bound.flagSpans[flag.name] = span
            continue
          }
          let valueExpression: Expression
          if let inlineValue {
            valueExpression = inlineValue
          } else if index < arguments.count, case .positional(let next) = arguments[index] {
            valueExpression = next
            index += 1
          } else {
            throw Diagnostic(
              "the flag --\(flag.name) needs a value of type \(flag.type!.rawValue)", at: span,
              help: "write --\(flag.name) VALUE")
          }
          let value = try evaluate(valueExpression, frame: frame)
          bound.flags[flag.name] = try coerce(
            value, to: flag.type!, what: "the flag --\(flag.name)", span: valueExpression.span)
          bound.flagSpans[flag.name] = valueExpression.span
        }
      case .positional(let expression):
        if positionalIndex < signature.parameters.count {
          let parameter = signature.parameters[positionalIndex]
          positionalIndex += 1
          let value: Value
          if parameter.type == .condition {
            value = conditionClosure(expression, frame: frame)
          } else {
            value = try coerce(
              try evaluate(expression, frame: frame), to: parameter.type,
              what: "the argument <\(parameter.name)>",
              span: expression.span)
          }
          bound.positionals[parameter.name] = value
          bound.positionalSpans[parameter.name] = expression.span
        } else if let rest = signature.rest {
          bound.rest.append(
            try coerce(
              try evaluate(expression, frame: frame), to: rest.type, what: "the argument <\(rest.name)>",
              span: expression.span))
        } else {
          throw Diagnostic(
            "too many arguments for '\(signature.name)'", at: expression.span,
            help: "usage: \(signature.usage)")
        }
      }
    }
    for parameter in signature.parameters.dropFirst(positionalIndex) where !parameter.isOptional {
      throw Diagnostic(
        "'\(signature.name)' needs the argument <\(parameter.name)> (\(parameter.help))", at: callSpan,
        help: "usage: \(signature.usage)")
    }
    return bound
  }

  /// A row condition becomes a closure over `$it`; a closure written as such stays one.
  private func conditionClosure(_ expression: Expression, frame: Frame) -> Value {
    if case .closure(let block) = expression.kind { return .closure(Closure(block: block, frame: frame)) }
    let pipeline = Pipeline(elements: [.expression(expression)], span: expression.span)
    let block = Block(
      parameters: ["it"], statements: [Statement(kind: .pipeline(pipeline), span: expression.span)],
      span: expression.span)
    return .closure(Closure(block: block, frame: frame))
  }

  private func unknownFlag(_ written: String, signature: Signature, span: SourceSpan) -> Diagnostic {
    let names = signature.flags.map { "--" + $0.name }
    let suggestion = Suggestion.nearest(to: written, in: names)
    let valid =
      names.isEmpty ? "'\(signature.name)' takes no flags" : "valid flags: \(names.joined(separator: ", "))"
    return Diagnostic(
      "unknown flag \(written) for '\(signature.name)'", at: span,
      help: suggestion.map { "did you mean \($0)? \(valid)" } ?? valid)
  }

  func coerce(_ value: Value, to type: ParameterType, what: String, span: SourceSpan) throws -> Value {
    func mismatch() -> Diagnostic {
      Diagnostic("\(what) must be \(type.rawValue), but got \(value.typeName)", at: span)
    }
    switch (type, value) {
    case (.any, _), (.condition, _): return value
    case (.string, .string), (.path, .string): return value
    case (.string, .int), (.string, .float), (.string, .date), (.string, .bool),
      (.path, .int), (.path, .float), (.path, .date):
      return .string(value.plainText)
    case (.int, .int), (.float, .float), (.number, .int), (.number, .float): return value
    case (.int, .float(let number)):
      guard let integer = value.intValue else { throw mismatch() }
      _ = number
      return .int(integer)
    case (.float, .int(let integer)): return .float(Double(integer))
    case (.bool, .bool), (.date, .date), (.record, .record), (.closure, .closure): return value
    case (.date, .string(let text)):
      guard let date = CalendarDate(iso: text) else {
        throw Diagnostic("\(what) must be a date such as 2023-05-29, but got '\(text)'", at: span)
      }
      return .date(date)
    case (.list, .list), (.list, .table): return value
    case (.list, _): return .list([value])
    default: throw mismatch()
    }
  }

  // MARK: Closures

  func call(_ closure: Closure, arguments: [Value], input: Value) throws -> Value {
    guard callDepth < session.recursionLimit else {
      throw Diagnostic("recursion limit reached", at: closure.block.span)
    }
    callDepth += 1
    defer { callDepth -= 1 }
    let frame = Frame(parent: closure.frame)
    frame.assign("in", input)
    let parameters = closure.block.parameters
    if parameters.isEmpty {
      if let first = arguments.first { frame.assign("it", first) }
    } else {
      for (index, name) in parameters.enumerated() {
        frame.assign(name, index < arguments.count ? arguments[index] : .null)
      }
    }
    do {
      return try execute(closure.block.statements, frame: frame)
    } catch ControlSignal.returned(let value) {
      return value
    }
  }

  // MARK: Expressions

  func evaluate(_ expression: Expression, frame: Frame) throws -> Value {
    switch expression.kind {
    case .literal(let value):
      return value
    case .variable(let name):
      if let value = frame.lookup(name) { return value }
      if frame !== session.globals, let value = session.globals.lookup(name) { return value }
      return try specialVariable(name, span: expression.span, frame: frame)
    case .column(let name):
      guard let row = frame.lookup("it") else {
        throw Diagnostic("'\(name)' names a column, but there is no row here", at: expression.span)
      }
      return try member(of: row, .name(name), span: expression.span)
    case .columnOrString(let name):
      if case .record(let row)? = frame.lookup("it"), let value = row[name] { return value }
      return .string(name)
    case .member(let base, let key):
      return try member(of: try evaluate(base, frame: frame), key, span: expression.span)
    case .binary(let op, let left, let right):
      return try binary(op, left, right, frame: frame, span: expression.span)
    case .unary(let op, let operand):
      let value = try evaluate(operand, frame: frame)
      switch (op, value) {
      case (.negate, .int(let number)): return .int(-number)
      case (.negate, .float(let number)): return .float(-number)
      case (.not, .bool(let truth)): return .bool(!truth)
      default:
        throw Diagnostic(
          "'\(op.rawValue)' cannot be applied to \(value.typeName)", at: expression.span)
      }
    case .interpolation(let parts):
      var text = ""
      for part in parts {
        switch part {
        case .text(let piece): text += piece
        case .expression(let inner): text += try evaluate(inner, frame: frame).plainText
        }
      }
      return .string(text)
    case .list(let items):
      // A list of records is a table, as the table commands expect.
      return Value.collecting(try items.map { try evaluate($0, frame: frame) })
    case .record(let fields):
      var record = Record()
      for field in fields { record[field.key] = try evaluate(field.value, frame: frame) }
      return .record(record)
    case .closure(let block):
      return .closure(Closure(block: block, frame: frame))
    case .subexpression(let statements):
      return try execute(statements, frame: frame)
    case .range(let low, let high, let inclusive):
      let (a, b) = try rangeBounds(low, high, frame: frame)
      let end = inclusive ? b : b - 1
      guard a <= end else { return .list([]) }
      guard end - a < 100_000_000 else {
        throw Diagnostic("the range \(a)..\(b) is too large to hold as a list", at: expression.span)
      }
      return .list((a...end).map(Value.int))
    }
  }

  private func specialVariable(_ name: String, span: SourceSpan, frame: Frame) throws -> Value {
    switch name {
    case "args": return .list(session.scriptArguments.map(Value.string))
    case "in": return .null
    case "env":
      var record = Record()
      for (key, value) in Environment.all().sorted(by: { $0.key < $1.key }) { record[key] = .string(value) }
      return .record(record)
    default:
      let names = frame.visibleNames + session.globals.names + ["args", "env"]
      let suggestion = Suggestion.nearest(to: name, in: names)
      throw Diagnostic(
        "undefined variable $\(name)", at: span,
        help: suggestion.map { "did you mean $\($0)?" } ?? "define it first with 'let \(name) = ...'")
    }
  }

  func member(of value: Value, _ key: MemberKey, span: SourceSpan) throws -> Value {
    switch (value, key) {
    case (.record(let record), .name(let name)):
      if let field = record[name] { return field }
      throw Diagnostic(
        "no field '\(name)' in this record", at: span,
        help: Suggestion.nearest(to: name, in: record.keys).map { "did you mean '\($0)'?" }
          ?? "the fields are \(record.keys.joined(separator: ", "))")
    case (.table(let table), .name(let name)):
      guard let column = table.columnIndex(name) else {
        throw Diagnostic(
          "no column '\(name)' in this table", at: span,
          help: Suggestion.nearest(to: name, in: table.columns).map { "did you mean '\($0)'?" }
            ?? "the columns are \(table.columns.joined(separator: ", "))")
      }
      return .list(table.rows.map { $0[column] })
    case (.table(let table), .index(let index)):
      guard index >= 0 && index < table.rows.count else {
        throw Diagnostic("row \(index) is out of range: the table has \(table.rows.count) rows", at: span)
      }
      return .record(table.record(at: index))
    case (.list(let items), .index(let index)):
      guard index >= 0 && index < items.count else {
        throw Diagnostic("index \(index) is out of range: the list has \(items.count) items", at: span)
      }
      return items[index]
    case (.list(let items), .name):
      return .list(try items.map { try member(of: $0, key, span: span) })
    case (.record(let record), .index(let index)):
      guard index >= 0 && index < record.count else {
        throw Diagnostic("index \(index) is out of range: the record has \(record.count) fields", at: span)
      }
      return record.values[index]
    case (.custom(let custom), _):
      if let table = custom.asTable() { return try member(of: .table(table), key, span: span) }
      fallthrough
    default:
      let keyText: String
      switch key {
      case .name(let name): keyText = name
      case .index(let index): keyText = String(index)
      }
      throw Diagnostic("cannot take '.\(keyText)' of \(value.typeName)", at: span)
    }
  }

  private func binary(
    _ op: BinaryOperator, _ leftExpression: Expression, _ rightExpression: Expression, frame: Frame,
    span: SourceSpan
  ) throws -> Value {
    let left = try evaluate(leftExpression, frame: frame)
    if op == .and || op == .or {
      guard case .bool(let truth) = left else {
        throw Diagnostic(
          "'\(op.rawValue)' needs bools, but the left side is \(left.typeName)", at: leftExpression.span)
      }
      if op == .and && !truth { return .bool(false) }
      if op == .or && truth { return .bool(true) }
      let right = try evaluate(rightExpression, frame: frame)
      guard case .bool = right else {
        throw Diagnostic(
          "'\(op.rawValue)' needs bools, but the right side is \(right.typeName)", at: rightExpression.span)
      }
      return right
    }
    let right = try evaluate(rightExpression, frame: frame)
    // Integer arithmetic and comparison, the bulk of loops, skip the general table.
    if case .int(let a) = left, case .int(let b) = right {
      switch op {
      case .add:
        let (sum, overflow) = a.addingReportingOverflow(b)
        if !overflow { return .int(sum) }
      case .subtract:
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if !overflow { return .int(difference) }
      case .multiply:
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow { return .int(product) }
      case .modulo where b > 0: return .int(a % b)
      case .equal: return .bool(a == b)
      case .notEqual: return .bool(a != b)
      case .less: return .bool(a < b)
      case .lessOrEqual: return .bool(a <= b)
      case .greater: return .bool(a > b)
      case .greaterOrEqual: return .bool(a >= b)
      default: break
      }
    }
    return try Operators.apply(op, left, right, span: span, regexCache: &regexCache)
  }
}

/// Thrown by `--help` on any command: the shell prints the command's help instead.
public struct HelpRequest: Error, Sendable {
  public let command: String
}

extension Definition {
  /// The signature a `def` declares, so help, completion and binding treat it like any command.
  public var signature: Signature {
    var parameters: [Parameter] = []
    var flags: [Flag] = []
    for parameter in self.parameters {
      let type = parameter.typeName.flatMap(ParameterType.init(rawValue:)) ?? (parameter.isFlag ? nil : .any)
      var defaultValue: Value?
      if let expression = parameter.defaultValue, case .literal(let value) = expression.kind {
        defaultValue = value
      }
      if parameter.isFlag {
        let flagType: ParameterType? = parameter.typeName == nil || parameter.typeName == "bool" ? nil : type
        flags.append(Flag(parameter.name, short: parameter.short, flagType, help: "", default: defaultValue))
      } else {
        parameters.append(
          Parameter(
            parameter.name, type ?? .any, help: parameter.typeName ?? "any", optional: parameter.isOptional,
            default: defaultValue))
      }
    }
    let lines = help.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    return Signature(
      name, abstract: lines.first.map(String.init) ?? "",
      discussion: lines.count > 1 ? String(lines[1]) : "", parameters: parameters, flags: flags, input: .any,
      output: .any)
  }
}
