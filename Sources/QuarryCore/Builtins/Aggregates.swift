public struct SortCommand: Command {
  public init() {}
  public let signature = Signature(
    "sort", abstract: "Sort rows by one or more columns (items by value when none are named)",
    discussion: "Later keys break ties in earlier ones. The sort is stable; nulls go last.",
    rest: Parameter("columns", .string, help: "the columns to sort by, most significant first"),
    flags: [Flag("desc", short: "r", help: "sort in descending order")],
    input: .table, output: .table,
    examples: [
      Example("[3 1 2] | sort", "numbers in ascending order", result: .list([.int(1), .int(2), .int(3)])),
      Example(
        "[{n: 1, s: b}, {n: 2, s: a}, {n: 1, s: a}] | sort n s | get s", "by n, then s",
        result: .list([.string("a"), .string("b"), .string("a")])),
      Example(
        "[b c a] | sort --desc", "descending", result: .list([.string("c"), .string("b"), .string("a")])),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let descending = invocation.isSet("desc")
    let direction = descending ? -1 : 1
    if case .list(let items) = invocation.input, invocation.rest.isEmpty {
      return .list(
        Self.sortedIndices(count: items.count, direction: direction) { items[$0] }.map { items[$0] })
    }
    let table = try invocation.inputTable()
    var keys: [Int] = []
    for value in invocation.rest {
      keys.append(try invocation.column(value.plainText, in: table, purpose: "to sort by"))
    }
    if keys.isEmpty { keys = Array(table.columns.indices) }
    let order: [Int]
    if keys.count == 1 {
      let column = table.values(ofColumn: keys[0])
      order = Self.sortedIndices(count: table.count, direction: direction) { column[$0] }
    } else {
      let columns = keys.map { table.values(ofColumn: $0) }
      order = Self.sortedIndices(count: table.count, direction: direction) { row in
        .list(columns.map { $0[row] })
      }
    }
    // A table of columns stays one: `sort | first 10` then makes ten rows, not all.
    return .table(table.gathering(order))
  }

  /// Indices in sorted order of their keys: stable (ties keep input order, which the
  /// standard library's sort does not promise), with nulls last in both directions.
  private static func sortedIndices(count: Int, direction: Int, key: (Int) -> Value) -> [Int] {
    let keys = (0..<count).map(key)
    return (0..<count).sorted { a, b in
      let left = keys[a]
      let right = keys[b]
      if left.isNull != right.isNull { return right.isNull }
      let comparison = left.compare(to: right)
      if comparison != 0 { return comparison * direction < 0 }
      return a < b
    }
  }
}

public struct CountCommand: Command {
  public init() {}
  public let signature = Signature(
    "count", abstract: "The number of rows or items in the input",
    input: .any, output: .any,
    examples: [Example("[a b c] | count", "three items", result: .int(3))])

  public func run(_ invocation: Invocation) throws -> Value {
    switch invocation.input {
    case .table(let table): return .int(table.count)
    case .list(let items): return .int(items.count)
    case .record(let record): return .int(record.count)
    case .null: return .int(0)
    case .string(let text): return .int(text.count)
    case .custom(let custom):
      if let table = custom.asTable() { return .int(table.count) }
      fallthrough
    default: return .int(1)
    }
  }
}

public struct LengthCommand: Command {
  public init() {}
  public let signature = Signature(
    "length", abstract: "The length of a string in characters, or of a list, table or record",
    input: .any, output: .any,
    examples: [
      Example("'Zürich' | length", "characters, not bytes", result: .int(6)),
      Example("[1 2] | length", "items", result: .int(2)),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    switch invocation.input {
    case .string(let text): return .int(text.count)
    case .list(let items): return .int(items.count)
    case .table(let table): return .int(table.count)
    case .record(let record): return .int(record.count)
    case .null: return .int(0)
    default:
      throw invocation.error(
        "'length' needs a string, list, table or record, but got \(invocation.input.typeName)")
    }
  }
}

public struct GroupByCommand: Command {
  public init() {}
  public let signature = Signature(
    "group-by", abstract: "Group rows by a column's value, with counts and the grouped rows",
    parameters: [Parameter("column", .string, help: "the column to group by")],
    input: .table, output: .table,
    examples: [
      Example(
        "[{t: a}, {t: b}, {t: a}] | group-by t | select t count", "how often each value occurs",
        result: .table(
          Table(columns: ["t", "count"], rows: [[.string("a"), .int(2)], [.string("b"), .int(1)]])))
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let table = try invocation.inputTable()
    let name = invocation.string("column") ?? ""
    let column = try invocation.column(name, in: table, purpose: "to group by", argument: "column")
    var order: [ValueKey] = []
    var groups: [ValueKey: [[Value]]] = [:]
    for row in table.rows {
      let key = ValueKey(value: row[column])
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(row)
    }
    return .table(
      Table(
        columns: [name, "count", "rows"],
        rows: order.map { key in
          let rows = groups[key]!
          return [key.value, .int(rows.count), .table(Table(columns: table.columns, rows: rows))]
        }))
  }
}

public struct EachCommand: Command {
  public init() {}
  public let signature = Signature(
    "each", abstract: "Run a closure on every row or item and collect the results",
    parameters: [Parameter("closure", .closure, help: "{ |row| ... }; without a parameter the row is $it")],
    input: .table, output: .list,
    examples: [
      Example(
        "[1 2 3] | each { |x| $x * 10 }", "multiply each item", result: .list([.int(10), .int(20), .int(30)])),
      Example(
        "[{n: 'a'}, {n: 'b'}] | each { |row| $row.n + '!' }", "a value from each row",
        result: .list([.string("a!"), .string("b!")])),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    guard case .closure(let closure)? = invocation.value("closure") else {
      throw invocation.error("'each' needs a closure")
    }
    let items = invocation.input.isNull ? [] : try invocation.inputList()
    var results: [Value] = []
    results.reserveCapacity(items.count)
    let call = invocation.caller(for: closure)
    for (index, item) in items.enumerated() {
      if index & 0x3FF == 0 { try Interrupt.check() }
      let result = try call(item)
      if !result.isNull { results.append(result) }
    }
    return Value.collecting(results)
  }
}

/// `sum`, `avg`, `min` and `max` over numbers (or a table column).
public struct AggregateCommand: Command {
  public enum Kind: String, Sendable { case sum, avg, min, max }
  let kind: Kind
  public let signature: Signature

  public init(_ kind: Kind) {
    self.kind = kind
    let abstract: String
    let example: Example
    switch kind {
    case .sum:
      abstract = "The sum of numbers"
      example = Example("[1 2 3.5] | sum", "a float when any item is", result: .float(6.5))
    case .avg:
      abstract = "The mean of numbers"
      example = Example("[1 2 3 4] | avg", "the mean", result: .float(2.5))
    case .min:
      abstract = "The smallest value"
      example = Example("[3 1 2] | min", "the smallest", result: .int(1))
    case .max:
      abstract = "The largest value"
      example = Example("[{n: 3}, {n: 7}] | max n", "the largest of a column", result: .int(7))
    }
    signature = Signature(
      kind.rawValue, abstract: abstract,
      parameters: [
        Parameter("column", .string, help: "the column to use when the input is a table", optional: true)
      ],
      input: .list, output: .any, examples: [example])
  }

  public func run(_ invocation: Invocation) throws -> Value {
    var items: [Value]
    if let column = invocation.string("column") {
      let table = try invocation.inputTable()
      let index = try invocation.column(column, in: table, purpose: "to \(kind.rawValue)", argument: "column")
      items = table.rows.map { $0[index] }
    } else {
      items = try invocation.inputList()
    }
    items.removeAll { $0.isNull }
    switch kind {
    case .min, .max:
      guard var best = items.first else { return .null }
      for item in items.dropFirst() {
        let order = item.compare(to: best)
        if (kind == .min && order < 0) || (kind == .max && order > 0) { best = item }
      }
      return best
    case .sum, .avg:
      var integerSum = 0
      var doubleSum = 0.0
      var isFloat = false
      for item in items {
        switch item {
        case .int(let number):
          let (sum, overflow) = integerSum.addingReportingOverflow(number)
          if overflow { isFloat = true }
          integerSum = overflow ? integerSum : sum
          doubleSum += Double(number)
        case .float(let number):
          isFloat = true
          doubleSum += number
        default:
          throw invocation.error("'\(kind.rawValue)' needs numbers, but found \(item.typeName)")
        }
      }
      if kind == .avg { return items.isEmpty ? .null : .float(doubleSum / Double(items.count)) }
      return isFloat ? .float(doubleSum) : .int(integerSum)
    }
  }
}
