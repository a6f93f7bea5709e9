/// `where`: keeps the rows or items for which a condition holds.
public struct WhereCommand: Command {
  public init() {}
  public let signature = Signature(
    "where", abstract: "Keep the rows for which a condition is true",
    discussion: """
      Bare words in the condition name the current row's columns; `$it` is the whole row.
      Operators: == != < <= > >= =~ (regex) !~ in not-in contains starts-with ends-with,
      joined with and, or, not.
      """,
    parameters: [Parameter("condition", .condition, help: "a condition over the row's columns")],
    input: .table, output: .table,
    examples: [
      Example(
        "[{n: 1}, {n: 5}, {n: 9}] | where n > 3 | get n", "rows whose n is above 3",
        result: .list([.int(5), .int(9)])),
      Example(
        "[apple banana cherry] | where $it =~ 'an'", "items matching a regex",
        result: .list([.string("banana")])),
      Example(
        "[{name: 'Li Shangfu', type: PERSON}, {name: China, type: GPE}] | where type == PERSON and name starts-with Li | get name",
        "conditions joined with and", result: .list([.string("Li Shangfu")])),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    guard case .closure(let condition)? = invocation.value("condition") else {
      throw invocation.error("'where' needs a condition")
    }
    let call = invocation.caller(for: condition)
    func test(_ item: Value) throws -> Bool {
      let result = try call(item)
      guard case .bool(let truth) = result else {
        throw Diagnostic(
          "the condition of 'where' must give a bool, but it gave \(result.typeName)",
          at: invocation.span(of: "condition"))
      }
      return truth
    }
    switch invocation.input {
    case .list(let items):
      var kept: [Value] = []
      for item in items where try test(item) { kept.append(item) }
      return .list(kept)
    default:
      let table = try invocation.inputTable()
      var kept: [[Value]] = []
      for (index, row) in table.rows.enumerated() {
        if index & 0x3FFF == 0 { try Interrupt.check() }
        if try test(.record(Record(keys: table.columns, values: row))) { kept.append(row) }
      }
      return .table(Table(columns: table.columns, rows: kept))
    }
  }
}

/// Shared by `first`, `last` and `skip`: a non-negative count.
private func count(_ invocation: Invocation, default defaultValue: Int) throws -> Int {
  guard let value = invocation.value("n") else { return defaultValue }
  guard case .int(let n) = value else { throw invocation.error("the count must be an int", at: "n") }
  guard n >= 0 else {
    throw invocation.error("the count must not be negative, but it is \(n)", at: "n")
  }
  return n
}

private func slice(_ input: Value, _ invocation: Invocation, _ pick: (Int) -> Range<Int>) throws -> Value {
  switch input {
  case .table(let table):
    return .table(table.slice(pick(table.count)))
  case .list(let items):
    return .list(Array(items[pick(items.count)]))
  case .string(let text):
    let characters = Array(text)
    return .string(String(characters[pick(characters.count)]))
  case .custom(let custom):
    if let table = custom.asTable() { return try slice(.table(table), invocation, pick) }
    fallthrough
  default:
    throw invocation.error(
      "'\(invocation.signature.name)' needs a list or a table as input, but got \(input.typeName)")
  }
}

public struct FirstCommand: Command {
  public init() {}
  public let signature = Signature(
    "first", abstract: "Keep the first N rows (1 by default)",
    parameters: [Parameter("n", .int, help: "how many rows to keep", optional: true)],
    input: .table, output: .table,
    examples: [
      Example("[a b c d] | first 2", "the first two items", result: .list([.string("a"), .string("b")])),
      Example("[a b c] | first", "the first item", result: .list([.string("a")])),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let n = try count(invocation, default: 1)
    return try slice(invocation.input, invocation) { 0..<min(n, $0) }
  }
}

public struct LastCommand: Command {
  public init() {}
  public let signature = Signature(
    "last", abstract: "Keep the last N rows (1 by default)",
    parameters: [Parameter("n", .int, help: "how many rows to keep", optional: true)],
    input: .table, output: .table,
    examples: [
      Example("[a b c d] | last 2", "the last two items", result: .list([.string("c"), .string("d")]))
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let n = try count(invocation, default: 1)
    return try slice(invocation.input, invocation) { max(0, $0 - n)..<$0 }
  }
}

public struct SkipCommand: Command {
  public init() {}
  public let signature = Signature(
    "skip", abstract: "Drop the first N rows (1 by default)",
    parameters: [Parameter("n", .int, help: "how many rows to drop", optional: true)],
    input: .table, output: .table,
    examples: [Example("[a b c d] | skip 3", "all but the first three", result: .list([.string("d")]))])

  public func run(_ invocation: Invocation) throws -> Value {
    let n = try count(invocation, default: 1)
    return try slice(invocation.input, invocation) { min(n, $0)..<$0 }
  }
}

public struct UniqCommand: Command {
  public init() {}
  public let signature = Signature(
    "uniq", abstract: "Drop repeated rows or items, keeping the first of each",
    flags: [Flag("count", short: "c", help: "add a count column with how often each occurred")],
    input: .table, output: .table,
    examples: [
      Example(
        "[a b a c b] | uniq", "each item once", result: .list([.string("a"), .string("b"), .string("c")])),
      Example(
        "[a b a] | uniq --count", "with counts",
        result: .table(
          Table(columns: ["value", "count"], rows: [[.string("a"), .int(2)], [.string("b"), .int(1)]]))),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let counting = invocation.isSet("count")
    switch invocation.input {
    case .table(let table):
      var order: [ValueKey] = []
      var counts: [ValueKey: (row: [Value], count: Int)] = [:]
      for row in table.rows {
        let key = ValueKey(value: .list(row))
        if let existing = counts[key] {
          counts[key] = (existing.row, existing.count + 1)
        } else {
          counts[key] = (row, 1)
          order.append(key)
        }
      }
      let columns = counting ? table.columns + ["count"] : table.columns
      return .table(
        Table(
          columns: columns,
          rows: order.map { counting ? counts[$0]!.row + [.int(counts[$0]!.count)] : counts[$0]!.row }))
    default:
      let items = try invocation.inputList()
      var order: [ValueKey] = []
      var counts: [ValueKey: Int] = [:]
      for item in items {
        let key = ValueKey(value: item)
        if counts[key] == nil { order.append(key) }
        counts[key, default: 0] += 1
      }
      if counting {
        return .table(Table(columns: ["value", "count"], rows: order.map { [$0.value, .int(counts[$0]!)] }))
      }
      return .list(order.map(\.value))
    }
  }
}
