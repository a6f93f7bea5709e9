/// What a command receives when it runs: its bound arguments, the pipeline input, the
/// session, and a way to call closures passed to it.
public struct Invocation {
  public let signature: Signature
  public let input: Value
  public let session: Session
  /// The span of the whole call, for errors about the call.
  public let span: SourceSpan
  let positionals: [String: Value]
  let positionalSpans: [String: SourceSpan]
  let flags: [String: Value]
  let flagSpans: [String: SourceSpan]
  public let rest: [Value]
  let interpreter: Interpreter

  /// A positional argument or a flag's value by name, its default when not given.
  public func value(_ name: String) -> Value? {
    if let value = positionals[name] ?? flags[name] { return value }
    if let parameter = signature.parameters.first(where: { $0.name == name }) {
      return parameter.defaultValue
    }
    return signature.flag(named: name)?.defaultValue
  }

  /// Whether a switch was given.
  public func isSet(_ flag: String) -> Bool {
    if case .bool(true)? = flags[flag] { return true }
    return false
  }

  public func has(_ name: String) -> Bool { positionals[name] != nil || flags[name] != nil }

  public func string(_ name: String) -> String? { value(name)?.stringValue }

  public func int(_ name: String) -> Int? { value(name)?.intValue }

  public func double(_ name: String) -> Double? { value(name)?.doubleValue }

  /// The span of an argument, or of the whole call when it was not written.
  public func span(of name: String) -> SourceSpan {
    positionalSpans[name] ?? flagSpans[name] ?? span
  }

  /// An error pointing at an argument (or the call).
  public func error(_ message: String, at argument: String? = nil, help: String? = nil) -> Diagnostic {
    Diagnostic(message, at: argument.map(span(of:)) ?? span, help: help)
  }

  /// The index of a named column, or an error that suggests the nearest name.
  /// - Parameters:
  ///   - purpose: ends the message, as in "no column 'x' to sort by".
  ///   - argument: the argument to point at, or the whole call.
  public func column(_ name: String, in table: Table, purpose: String, argument: String? = nil) throws -> Int
  {
    if let index = table.columnIndex(name) { return index }
    throw error(
      "no column '\(name)' \(purpose)", at: argument,
      help: Suggestion.nearest(to: name, in: table.columns).map { "did you mean '\($0)'?" }
        ?? "the columns are \(table.columns.joined(separator: ", "))")
  }

  /// Calls a closure with arguments bound to its parameters (or to `$it` when it has none).
  public func call(_ closure: Closure, with arguments: [Value], input: Value = .null) throws -> Value {
    try interpreter.call(closure, arguments: arguments, input: input)
  }

  /// A function that calls a closure on one item at a time, faster than `call` when it
  /// runs over many rows. The item is the closure's first parameter (or `$it`) and `$in`.
  public func caller(for closure: Closure) -> (Value) throws -> Value {
    interpreter.repeatingCaller(closure)
  }

  /// The pipeline input as a list of values, or an error naming what came instead.
  public func inputList() throws -> [Value] {
    switch input {
    case .list(let values): return values
    case .table(let table): return table.rows.map { .record(Record(keys: table.columns, values: $0)) }
    case .custom(let custom):
      if let table = custom.asTable() { return Value.table(table).listElements! }
    default: break
    }
    throw error("'\(signature.name)' needs a list or a table as input, but got \(input.typeName)")
  }

  /// The pipeline input as a table (a list of records becomes one).
  public func inputTable() throws -> Table {
    switch input {
    case .table(let table): return table
    case .list(let values):
      if values.isEmpty { return Table(columns: []) }
      if case .table(let table) = Value.collecting(values) { return table }
    case .custom(let custom):
      if let table = custom.asTable() { return table }
    default: break
    }
    throw error("'\(signature.name)' needs a table as input, but got \(input.typeName)")
  }
}

extension Session {
  /// Runs a command with arguments and flags given by name, as the plugin protocol
  /// delivers them: values are checked against the signature as a typed call's are.
  public func run(
    _ command: any Command, arguments: Record, flags: Record, input: Value
  ) throws -> Value {
    let signature = command.signature
    let file = SourceFiles.add(name: "<\(signature.name)>", text: signature.name)
    let span = SourceSpan(file: file.id, start: 0, end: file.bytes.count)
    let interpreter = Interpreter(session: self)
    var positionals: [String: Value] = [:]
    for parameter in signature.parameters {
      guard let value = arguments[parameter.name], !value.isNull else {
        if !parameter.isOptional {
          throw Diagnostic("'\(signature.name)' needs the argument <\(parameter.name)>", at: nil)
        }
        continue
      }
      positionals[parameter.name] = try interpreter.coerce(
        value, to: parameter.type, what: "the argument <\(parameter.name)>", span: span)
    }
    var flagValues: [String: Value] = [:]
    for (name, value) in zip(flags.keys, flags.values) {
      guard let flag = signature.flag(named: name) else {
        throw Diagnostic("unknown flag --\(name) for '\(signature.name)'", at: nil)
      }
      if value.isNull { continue }
      flagValues[name] = try interpreter.coerce(
        value, to: flag.type ?? .bool, what: "the flag --\(name)", span: span)
    }
    let invocation = Invocation(
      signature: signature, input: input, session: self, span: span, positionals: positionals,
      positionalSpans: [:], flags: flagValues, flagSpans: [:], rest: [], interpreter: interpreter)
    return try command.run(invocation)
  }
}
