/// The executable form of statements, pipelines and calls (see `ExpressionNode`).
class StatementNode: @unchecked Sendable {
  let span: SourceSpan

  init(span: SourceSpan) {
    self.span = span
  }

  func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    preconditionFailure("\(type(of: self)) must override execute")
  }
}

/// A command call as written; it is bound to the command's signature when it runs.
final class CallNode: @unchecked Sendable {
  enum Argument {
    case positional(ExpressionNode)
    case flag(name: String, isShort: Bool, value: ExpressionNode?, span: SourceSpan)

    var span: SourceSpan {
      switch self {
      case .positional(let node): node.span
      case .flag(_, _, _, let span): span
      }
    }
  }

  let name: String
  let nameSpan: SourceSpan
  let arguments: [Argument]
  let span: SourceSpan

  init(name: String, nameSpan: SourceSpan, arguments: [Argument], span: SourceSpan) {
    self.name = name
    self.nameSpan = nameSpan
    self.arguments = arguments
    self.span = span
  }
}

final class PipelineNode: @unchecked Sendable {
  enum Element {
    case expression(ExpressionNode)
    case call(CallNode)
  }

  let elements: [Element]
  let span: SourceSpan
  /// The whole pipeline when it is one expression, the common case in loops.
  let single: ExpressionNode?

  init(elements: [Element], span: SourceSpan) {
    self.elements = elements
    self.span = span
    if elements.count == 1, case .expression(let node) = elements[0] { single = node } else { single = nil }
  }

  func run(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    if let single { return try single.evaluate(interpreter, frame) }
    var value = Value.null
    for (index, element) in elements.enumerated() {
      switch element {
      case .expression(let node):
        if index > 0 {
          throw Diagnostic(
            "a value cannot take input from a pipeline", at: node.span,
            help: "put a command after '|', such as 'each { |x| ... }' or 'where ...'")
        }
        value = try node.evaluate(interpreter, frame)
      case .call(let call):
        value = try interpreter.invoke(call, input: value, frame: frame)
      }
    }
    return value
  }
}

final class PipelineStatement: StatementNode, @unchecked Sendable {
  let pipeline: PipelineNode

  init(_ pipeline: PipelineNode) {
    self.pipeline = pipeline
    super.init(span: pipeline.span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    try pipeline.run(interpreter, frame)
  }
}

final class LetStatement: StatementNode, @unchecked Sendable {
  let name: String
  let value: PipelineNode
  private var cachedSlot = -1

  init(name: String, value: PipelineNode, span: SourceSpan) {
    self.name = name
    self.value = value
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    let result = try value.run(interpreter, frame)
    let slot = cachedSlot
    if slot >= 0 && slot < frame.names.count && frame.names[slot] == name {
      frame.values[slot] = result
    } else {
      cachedSlot = frame.assign(name, result)
    }
    return .null
  }
}

/// A `def` with its body compiled and its signature worked out once.
public final class UserCommand: @unchecked Sendable {
  public let definition: Definition
  public let signature: Signature
  let body: [StatementNode]

  init(definition: Definition, body: [StatementNode]) {
    self.definition = definition
    self.signature = definition.signature
    self.body = body
  }
}

final class DefStatement: StatementNode, @unchecked Sendable {
  let command: UserCommand

  init(_ command: UserCommand) {
    self.command = command
    super.init(span: command.definition.span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    interpreter.session.definitions[command.definition.name] = command
    return .null
  }
}

final class IfStatement: StatementNode, @unchecked Sendable {
  let conditions: [ExpressionNode]
  let bodies: [[StatementNode]]
  let otherwise: [StatementNode]?

  init(conditions: [ExpressionNode], bodies: [[StatementNode]], otherwise: [StatementNode]?, span: SourceSpan)
  {
    self.conditions = conditions
    self.bodies = bodies
    self.otherwise = otherwise
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    for index in conditions.indices {
      let condition = conditions[index]
      let value = try condition.evaluate(interpreter, frame)
      guard case .bool(let truth) = value else {
        throw Diagnostic(
          "the condition of 'if' must be a bool, but it is \(value.typeName)", at: condition.span)
      }
      if truth { return try interpreter.execute(bodies[index], frame: frame) }
    }
    if let otherwise { return try interpreter.execute(otherwise, frame: frame) }
    return .null
  }
}

final class ForStatement: StatementNode, @unchecked Sendable {
  let variable: String
  let sequence: ExpressionNode
  let body: [StatementNode]

  init(variable: String, sequence: ExpressionNode, body: [StatementNode], span: SourceSpan) {
    self.variable = variable
    self.sequence = sequence
    self.body = body
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    // A range is counted, not built, so `for i in 0..<1000000` needs no list.
    if let range = sequence as? RangeNode {
      guard let bounds = try range.bounds(interpreter, frame) else { return .null }
      let slot = frame.assign(variable, .int(bounds.lowerBound))
      for index in bounds {
        try Interrupt.check()
        frame.values[slot] = .int(index)
        guard try runBody(interpreter, frame) else { break }
      }
      return .null
    }
    let value = try sequence.evaluate(interpreter, frame)
    func each(_ item: Value) throws -> Bool {
      try Interrupt.check()
      frame.assign(variable, item)
      return try runBody(interpreter, frame)
    }
    switch value {
    case .list(let items):
      for item in items where !(try each(item)) { break }
    case .table(let table):
      for row in table.rows where !(try each(.record(Record(keys: table.columns, values: row)))) { break }
    case .record(let record):
      for (key, item) in zip(record.keys, record.values)
      where !(try each(.record(Record(["key": .string(key), "value": item])))) {
        break
      }
    case .null:
      break
    default:
      guard let items = value.listElements else {
        throw Diagnostic(
          "'for' needs a list, a table or a range, but got \(value.typeName)", at: sequence.span)
      }
      for item in items where !(try each(item)) { break }
    }
    return .null
  }

  /// Runs the body once; false when it said `break`.
  private func runBody(_ interpreter: Interpreter, _ frame: Frame) throws -> Bool {
    do {
      _ = try interpreter.execute(body, frame: frame)
    } catch Interpreter.ControlSignal.breakLoop {
      return false
    } catch Interpreter.ControlSignal.continueLoop {
      return true
    }
    return true
  }
}

final class TryStatement: StatementNode, @unchecked Sendable {
  let body: [StatementNode]
  let errorName: String?
  let handler: [StatementNode]?

  init(body: [StatementNode], errorName: String?, handler: [StatementNode]?, span: SourceSpan) {
    self.body = body
    self.errorName = errorName
    self.handler = handler
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    do {
      return try interpreter.execute(body, frame: frame)
    } catch let error as Diagnostic {
      return try handle(error.message, error.span, interpreter, frame)
    } catch let error as DiagnosticList {
      let first = error.diagnostics.first
      return try handle(first?.message ?? "error", first?.span, interpreter, frame)
    }
  }

  private func handle(_ message: String, _ span: SourceSpan?, _ interpreter: Interpreter, _ frame: Frame)
    throws
    -> Value
  {
    guard let handler else { return .null }
    var record = Record()
    record["msg"] = .string(message)
    if let span { record["location"] = .string(span.locationDescription) }
    if let errorName { frame.assign(errorName, .record(record)) }
    return try interpreter.execute(handler, frame: frame)
  }
}

final class ReturnStatement: StatementNode, @unchecked Sendable {
  let value: PipelineNode?

  init(_ value: PipelineNode?, span: SourceSpan) {
    self.value = value
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    throw Interpreter.ControlSignal.returned(try value?.run(interpreter, frame) ?? .null)
  }
}

final class LoopControlStatement: StatementNode, @unchecked Sendable {
  let isBreak: Bool

  init(isBreak: Bool, span: SourceSpan) {
    self.isBreak = isBreak
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    throw isBreak ? Interpreter.ControlSignal.breakLoop : Interpreter.ControlSignal.continueLoop
  }
}

final class SourceStatement: StatementNode, @unchecked Sendable {
  let path: ExpressionNode

  init(path: ExpressionNode, span: SourceSpan) {
    self.path = path
    super.init(span: span)
  }

  override func execute(_ interpreter: Interpreter, _ frame: Frame, topLevel: Bool) throws -> Value {
    let pathValue = try path.evaluate(interpreter, frame)
    guard case .string(let written) = pathValue else {
      throw Diagnostic("'source' needs a file path, but got \(pathValue.typeName)", at: path.span)
    }
    let resolved = FilePaths.resolve(written, relativeTo: span.sourceFile?.path)
    let text: String
    do {
      text = try FilePaths.readText(resolved)
    } catch {
      throw Diagnostic("cannot read '\(written)': \(error)", at: path.span)
    }
    let file = SourceFiles.add(name: written, path: resolved, text: text)
    return try interpreter.runSourced(file, frame: frame, topLevel: topLevel)
  }
}
