/// Runs compiled statements. One interpreter serves one session; it holds no data of its
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
    let statements = Compiler.compile(block.statements)
    hoistDefinitions(statements)
    for statement in statements {
      defer { onStatementEnd() }
      do {
        try Interrupt.check()
        let value = try statement.execute(self, session.globals, topLevel: true)
        if !value.isNull { try onValue(value, statement.span) }
      } catch let signal as ControlSignal {
        let error = Diagnostic(signal.strayMessage, at: statement.span)
        if !onError(error) { return }
      } catch {
        if !onError(error) { return }
      }
    }
  }

  /// Parses and runs a file inside the current run (for `source`): at the top level its
  /// statements' values are printed as a script's would be.
  func runSourced(_ file: SourceFile, frame: Frame, topLevel: Bool) throws -> Value {
    let block = try Parser.parse(file, conditionCommands: conditionCommands)
    let statements = Compiler.compile(block.statements)
    hoistDefinitions(statements)
    guard topLevel, let emit else { return try execute(statements, frame: frame) }
    for statement in statements {
      let value = try statement.execute(self, frame, topLevel: true)
      if !value.isNull { try emit(value, statement.span) }
    }
    return .null
  }

  public var conditionCommands: Set<String> { session.registry.conditionCommands.union(["where"]) }

  /// Definitions can be called before the line that makes them.
  private func hoistDefinitions(_ statements: [StatementNode]) {
    for case let definition as DefStatement in statements {
      session.definitions[definition.command.definition.name] = definition.command
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
  func execute(_ statements: [StatementNode], frame: Frame) throws -> Value {
    var last = Value.null
    for statement in statements {
      last = try statement.execute(self, frame, topLevel: false)
    }
    return last
  }

  // MARK: Calls

  /// The command a call names, with subcommand words (`graph path`) folded into the name.
  private func resolve(_ call: CallNode) -> (name: String, argumentsUsed: Int) {
    var name = call.name
    var used = 0
    while used < call.arguments.count,
      case .positional(let node) = call.arguments[used],
      let word = node.literalWord,
      session.registry.contains(name + " " + word) || session.registry.isGroup(name + " " + word)
        || session.definitions[name + " " + word] != nil
    {
      name += " " + word
      used += 1
    }
    return (name, used)
  }

  func invoke(_ call: CallNode, input: Value, frame: Frame) throws -> Value {
    let (name, used) = resolve(call)
    let arguments = used == 0 ? call.arguments : Array(call.arguments.dropFirst(used))
    if let command = session.definitions[name] {
      return try invoke(command, arguments: arguments, call: call, input: input, frame: frame)
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

  private func unknownCommand(_ name: String, call: CallNode, used: Int) -> Diagnostic {
    if session.registry.isGroup(name) {
      let members = session.registry.members(ofGroup: name)
      let span = used == 0 ? call.nameSpan : call.nameSpan.merged(with: call.arguments[used - 1].span)
      if call.arguments.count > used, case .positional(let next) = call.arguments[used],
        let word = next.literalWord
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
    _ command: UserCommand, arguments: [CallNode.Argument], call: CallNode, input: Value, frame: Frame
  ) throws -> Value {
    let signature = command.signature
    let bound = try bind(arguments, to: signature, callSpan: call.span, frame: frame)
    guard callDepth < session.recursionLimit else {
      throw Diagnostic(
        "recursion limit reached: '\(command.definition.name)' called itself \(session.recursionLimit) levels deep",
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
      return try execute(command.body, frame: local)
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
    _ arguments: [CallNode.Argument], to signature: Signature, callSpan: SourceSpan, frame: Frame
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
              let value = try inlineValue.evaluate(self, frame)
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
          let valueNode: ExpressionNode
          if let inlineValue {
            valueNode = inlineValue
          } else if index < arguments.count, case .positional(let next) = arguments[index] {
            valueNode = next
            index += 1
          } else {
            throw Diagnostic(
              "the flag --\(flag.name) needs a value of type \(flag.type!.rawValue)", at: span,
              help: "write --\(flag.name) VALUE")
          }
          let value = try valueNode.evaluate(self, frame)
          bound.flags[flag.name] = try coerce(
            value, to: flag.type!, what: "the flag --\(flag.name)", span: valueNode.span)
          bound.flagSpans[flag.name] = valueNode.span
        }
      case .positional(let node):
        if positionalIndex < signature.parameters.count {
          let parameter = signature.parameters[positionalIndex]
          positionalIndex += 1
          let value: Value
          if parameter.type == .condition {
            value = conditionClosure(node, frame: frame)
          } else {
            value = try coerce(
              try node.evaluate(self, frame), to: parameter.type, what: "the argument <\(parameter.name)>",
              span: node.span)
          }
          bound.positionals[parameter.name] = value
          bound.positionalSpans[parameter.name] = node.span
        } else if let rest = signature.rest {
          bound.rest.append(
            try coerce(
              try node.evaluate(self, frame), to: rest.type, what: "the argument <\(rest.name)>",
              span: node.span))
        } else {
          throw Diagnostic(
            "too many arguments for '\(signature.name)'", at: node.span, help: "usage: \(signature.usage)")
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
  private func conditionClosure(_ node: ExpressionNode, frame: Frame) -> Value {
    if let closure = node as? ClosureNode {
      return .closure(
        Closure(parameters: closure.parameters, body: closure.body, frame: frame, span: closure.span))
    }
    let body = [PipelineStatement(PipelineNode(elements: [.expression(node)], span: node.span))]
    return .closure(Closure(parameters: ["it"], body: body, frame: frame, span: node.span))
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
      throw Diagnostic("recursion limit reached", at: closure.span)
    }
    callDepth += 1
    defer { callDepth -= 1 }
    let frame = Frame(parent: closure.frame)
    frame.assign("in", input)
    let parameters = closure.parameters
    if parameters.isEmpty {
      if let first = arguments.first { frame.assign("it", first) }
    } else {
      for (index, name) in parameters.enumerated() {
        frame.assign(name, index < arguments.count ? arguments[index] : .null)
      }
    }
    do {
      return try execute(closure.body, frame: frame)
    } catch ControlSignal.returned(let value) {
      return value
    }
  }

  /// A caller for running one closure over many items (`where`, `each`): it reuses one
  /// frame instead of making one per call.
  func repeatingCaller(_ closure: Closure) -> (Value) throws -> Value {
    let frame = Frame(parent: closure.frame)
    let name = closure.parameters.first ?? "it"
    let slot = frame.assign(name, .null)
    for extra in closure.parameters.dropFirst() { frame.assign(extra, .null) }
    let inputSlot = frame.assign("in", .null)
    let baseCount = frame.names.count
    return { [self] item in
      // Variables a previous call made with `let` do not leak into this one.
      if frame.names.count > baseCount {
        frame.names.removeLast(frame.names.count - baseCount)
        frame.values.removeLast(frame.values.count - baseCount)
      }
      guard callDepth < session.recursionLimit else {
        throw Diagnostic("recursion limit reached", at: closure.span)
      }
      callDepth += 1
      defer { callDepth -= 1 }
      frame.values[slot] = item
      frame.values[inputSlot] = item
      do {
        return try execute(closure.body, frame: frame)
      } catch ControlSignal.returned(let value) {
        return value
      }
    }
  }

  // MARK: Values

  /// The general table of binary operators (the nodes handle integers themselves).
  func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, span: SourceSpan) throws -> Value {
    try Operators.apply(op, left, right, span: span, regexCache: &regexCache)
  }

  func specialVariable(_ name: String, span: SourceSpan, frame: Frame) throws -> Value {
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
      return .list(table.values(ofColumn: column))
    case (.table(let table), .index(let index)):
      guard index >= 0 && index < table.count else {
        throw Diagnostic("row \(index) is out of range: the table has \(table.count) rows", at: span)
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
