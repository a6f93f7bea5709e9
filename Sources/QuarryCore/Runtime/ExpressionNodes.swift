/// The executable form of expressions. The compiler turns the syntax tree into these
/// classes once, and evaluation calls down through `let` references: no enum payloads
/// are copied out, so a loop costs no reference counting on the tree itself.
///
/// Nodes are immutable but for variable slot caches, which only the session's thread
/// touches.
class ExpressionNode: @unchecked Sendable {
  let span: SourceSpan

  init(span: SourceSpan) {
    self.span = span
  }

  func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    preconditionFailure("\(type(of: self)) must override evaluate")
  }

  /// The string a bare word stands for, when this node is one (for subcommand names).
  var literalWord: String? { nil }
}

final class LiteralNode: ExpressionNode, @unchecked Sendable {
  let value: Value

  init(_ value: Value, span: SourceSpan) {
    self.value = value
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value { value }

  override var literalWord: String? {
    if case .string(let word) = value { return word }
    return nil
  }
}

final class InterpolationNode: ExpressionNode, @unchecked Sendable {
  enum Part {
    case text(String)
    case node(ExpressionNode)
  }

  let parts: [Part]

  init(_ parts: [Part], span: SourceSpan) {
    self.parts = parts
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    var text = ""
    for part in parts {
      switch part {
      case .text(let piece): text += piece
      case .node(let node): text += try node.evaluate(interpreter, frame).plainText
      }
    }
    return .string(text)
  }
}

final class VariableNode: ExpressionNode, @unchecked Sendable {
  let name: String
  /// Where the name was found in the frame last time: checked first.
  private var cachedSlot = -1

  init(_ name: String, span: SourceSpan) {
    self.name = name
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    let slot = cachedSlot
    if slot >= 0 && slot < frame.names.count && frame.names[slot] == name { return frame.values[slot] }
    if let index = frame.names.lastIndex(of: name) {
      cachedSlot = index
      return frame.values[index]
    }
    if let value = frame.parent?.lookup(name) { return value }
    let globals = interpreter.session.globals
    if frame !== globals, let value = globals.lookup(name) { return value }
    return try interpreter.specialVariable(name, span: span, frame: frame)
  }
}

/// A bare word inside a row condition: the current row's column.
final class ColumnNode: ExpressionNode, @unchecked Sendable {
  let name: String

  init(_ name: String, span: SourceSpan) {
    self.name = name
    super.init(span: span)
  }

  /// Where the column was in the last row: rows of one table share their columns.
  private var cachedIndex = -1

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    guard let row = frame.lookup("it") else {
      throw Diagnostic("'\(name)' names a column, but there is no row here", at: span)
    }
    if case .record(let record) = row {
      let index = cachedIndex
      if index >= 0 && index < record.keys.count && record.keys[index] == name { return record.values[index] }
      if let found = record.keys.firstIndex(of: name) {
        cachedIndex = found
        return record.values[found]
      }
    }
    return try interpreter.member(of: row, .name(name), span: span)
  }
}

/// A bare word right of a comparison in a row condition: the column if the row has
/// one of that name, else the word itself.
final class ColumnOrStringNode: ExpressionNode, @unchecked Sendable {
  let name: String

  init(_ name: String, span: SourceSpan) {
    self.name = name
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    if case .record(let row)? = frame.lookup("it"), let value = row[name] { return value }
    return .string(name)
  }
}

final class MemberNode: ExpressionNode, @unchecked Sendable {
  let base: ExpressionNode
  let key: MemberKey

  init(_ base: ExpressionNode, _ key: MemberKey, span: SourceSpan) {
    self.base = base
    self.key = key
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    try interpreter.member(of: try base.evaluate(interpreter, frame), key, span: span)
  }
}

final class ListNode: ExpressionNode, @unchecked Sendable {
  let items: [ExpressionNode]

  init(_ items: [ExpressionNode], span: SourceSpan) {
    self.items = items
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    var values: [Value] = []
    values.reserveCapacity(items.count)
    for item in items { values.append(try item.evaluate(interpreter, frame)) }
    // A list of records is a table, as the table commands expect.
    return Value.collecting(values)
  }
}

final class RecordNode: ExpressionNode, @unchecked Sendable {
  let keys: [String]
  let values: [ExpressionNode]

  init(keys: [String], values: [ExpressionNode], span: SourceSpan) {
    self.keys = keys
    self.values = values
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    var record = Record()
    for (key, node) in zip(keys, values) { record[key] = try node.evaluate(interpreter, frame) }
    return .record(record)
  }
}

final class ClosureNode: ExpressionNode, @unchecked Sendable {
  let parameters: [String]
  let body: [StatementNode]

  init(parameters: [String], body: [StatementNode], span: SourceSpan) {
    self.parameters = parameters
    self.body = body
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    .closure(Closure(parameters: parameters, body: body, frame: frame, span: span))
  }
}

final class SubexpressionNode: ExpressionNode, @unchecked Sendable {
  let body: [StatementNode]

  init(_ body: [StatementNode], span: SourceSpan) {
    self.body = body
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    try interpreter.execute(body, frame: frame)
  }
}

final class UnaryNode: ExpressionNode, @unchecked Sendable {
  let op: UnaryOperator
  let operand: ExpressionNode

  init(_ op: UnaryOperator, _ operand: ExpressionNode, span: SourceSpan) {
    self.op = op
    self.operand = operand
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    let value = try operand.evaluate(interpreter, frame)
    switch (op, value) {
    case (.negate, .int(let number)):
      guard number != Int.min else { throw Diagnostic("integer overflow in -(\(number))", at: span) }
      return .int(-number)
    case (.negate, .float(let number)): return .float(-number)
    case (.not, .bool(let truth)): return .bool(!truth)
    default:
      throw Diagnostic("'\(op.rawValue)' cannot be applied to \(value.typeName)", at: span)
    }
  }
}

/// `and` and `or`, which evaluate their right side only when it decides the result.
final class LogicalNode: ExpressionNode, @unchecked Sendable {
  let isAnd: Bool
  let left: ExpressionNode
  let right: ExpressionNode

  init(isAnd: Bool, _ left: ExpressionNode, _ right: ExpressionNode, span: SourceSpan) {
    self.isAnd = isAnd
    self.left = left
    self.right = right
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    let name = isAnd ? "and" : "or"
    let first = try left.evaluate(interpreter, frame)
    guard case .bool(let truth) = first else {
      throw Diagnostic("'\(name)' needs bools, but the left side is \(first.typeName)", at: left.span)
    }
    if truth != isAnd { return first }
    let second = try right.evaluate(interpreter, frame)
    guard case .bool = second else {
      throw Diagnostic("'\(name)' needs bools, but the right side is \(second.typeName)", at: right.span)
    }
    return second
  }
}

final class BinaryNode: ExpressionNode, @unchecked Sendable {
  let op: BinaryOperator
  let left: ExpressionNode
  let right: ExpressionNode

  init(_ op: BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode, span: SourceSpan) {
    self.op = op
    self.left = left
    self.right = right
    super.init(span: span)
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    let a = try left.evaluate(interpreter, frame)
    let b = try right.evaluate(interpreter, frame)
    // Integer arithmetic and comparison, the bulk of loops, skip the general table.
    if case .int(let x) = a, case .int(let y) = b {
      switch op {
      case .add:
        let (sum, overflow) = x.addingReportingOverflow(y)
        if !overflow { return .int(sum) }
      case .subtract:
        let (difference, overflow) = x.subtractingReportingOverflow(y)
        if !overflow { return .int(difference) }
      case .multiply:
        let (product, overflow) = x.multipliedReportingOverflow(by: y)
        if !overflow { return .int(product) }
      case .modulo where y > 0: return .int(x % y)
      case .equal: return .bool(x == y)
      case .notEqual: return .bool(x != y)
      case .less: return .bool(x < y)
      case .lessOrEqual: return .bool(x <= y)
      case .greater: return .bool(x > y)
      case .greaterOrEqual: return .bool(x >= y)
      default: break
      }
    }
    return try interpreter.apply(op, a, b, span: span)
  }
}

final class RangeNode: ExpressionNode, @unchecked Sendable {
  let low: ExpressionNode
  let high: ExpressionNode
  let inclusive: Bool

  init(_ low: ExpressionNode, _ high: ExpressionNode, inclusive: Bool, span: SourceSpan) {
    self.low = low
    self.high = high
    self.inclusive = inclusive
    super.init(span: span)
  }

  /// The first and last integer of the range, or nil when it is empty.
  func bounds(_ interpreter: Interpreter, _ frame: Frame) throws -> ClosedRange<Int>? {
    let lowValue = try low.evaluate(interpreter, frame)
    let highValue = try high.evaluate(interpreter, frame)
    guard case .int(let a) = lowValue else {
      throw Diagnostic("a range needs int bounds, but the start is \(lowValue.typeName)", at: low.span)
    }
    guard case .int(let b) = highValue else {
      throw Diagnostic("a range needs int bounds, but the end is \(highValue.typeName)", at: high.span)
    }
    let end = inclusive ? b : b - 1
    return a <= end ? a...end : nil
  }

  override func evaluate(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
    guard let range = try bounds(interpreter, frame) else { return .list([]) }
    guard range.count < 100_000_000 else {
      throw Diagnostic("the range \(range) is too large to hold as a list", at: span)
    }
    return .list(range.map(Value.int))
  }
}
