/// The column names a command received, checked against the table.
private func columnNames(_ invocation: Invocation, in table: Table) throws -> [Int] {
  var indices: [Int] = []
  for value in invocation.rest {
    guard case .string(let name) = value else {
      throw invocation.error("column names must be strings, but got \(value.typeName)")
    }
    indices.append(try invocation.column(name, in: table, purpose: "in the input"))
  }
  return indices
}

/// Keeps the columns `choose` picks, in its order, of a table or of a record (a one-row table).
private func project(_ invocation: Invocation, choose: (Table) throws -> [Int]) throws -> Value {
  if case .record(let record) = invocation.input {
    let indices = try choose(Table(columns: record.keys, rows: [record.values]))
    return .record(Record(keys: indices.map { record.keys[$0] }, values: indices.map { record.values[$0] }))
  }
  let table = try invocation.inputTable()
  let indices = try choose(table)
  return .table(table.selecting(indices))
}

public struct SelectCommand: Command {
  public init() {}
  public let signature = Signature(
    "select", abstract: "Keep only the named columns, in the order given",
    rest: Parameter("columns", .string, help: "the columns to keep"),
    input: .table, output: .table,
    examples: [
      Example(
        "[{a: 1, b: 2, c: 3}] | select c a", "two columns, reordered",
        result: .table(Table(columns: ["c", "a"], rows: [[.int(3), .int(1)]])))
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    try project(invocation) { try columnNames(invocation, in: $0) }
  }
}

public struct RejectCommand: Command {
  public init() {}
  public let signature = Signature(
    "reject", abstract: "Drop the named columns",
    rest: Parameter("columns", .string, help: "the columns to drop"),
    input: .table, output: .table,
    examples: [
      Example(
        "[{a: 1, b: 2, c: 3}] | reject b", "all but b",
        result: .table(Table(columns: ["a", "c"], rows: [[.int(1), .int(3)]])))
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    try project(invocation) { table in
      let dropped = Set(try columnNames(invocation, in: table))
      return table.columns.indices.filter { !dropped.contains($0) }
    }
  }
}

public struct GetCommand: Command {
  public init() {}
  public let signature = Signature(
    "get", abstract: "Take one column of a table, a field of a record, or an item by index",
    discussion: "A path may go deeper with dots: `get name.0`.",
    parameters: [Parameter("path", .string, help: "a column, field or index, with dots for deeper levels")],
    input: .any, output: .any,
    examples: [
      Example(
        "[{name: a}, {name: b}] | get name", "a column as a list",
        result: .list([.string("a"), .string("b")])),
      Example("{user: {name: x}} | get user.name", "a nested field", result: .string("x")),
      Example("[a b c] | get 1", "an item by index", result: .string("b")),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    guard let path = invocation.value("path") else { throw invocation.error("'get' needs a path") }
    let parts: [String] =
      path.intValue.map { [String($0)] } ?? path.plainText.split(separator: ".").map(String.init)
    var value = invocation.input
    for part in parts {
      let key: MemberKey = Int(part).map(MemberKey.index) ?? .name(part)
      value = try invocation.interpreter.member(of: value, key, span: invocation.span(of: "path"))
    }
    return value
  }
}
