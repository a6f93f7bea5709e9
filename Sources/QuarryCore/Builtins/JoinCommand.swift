/// `join`: the rows of two tables that share a key, side by side.
public struct JoinCommand: Command {
  public init() {}
  public let signature = Signature(
    "join", abstract: "Join the input table with another on a column they share",
    discussion: """
      Each input row with every row of the other table whose key equals its own (ints
      and floats of the same value are equal), in the input's order. The key column appears
      once; another column both tables have takes the other table's values under its name
      with `_2` after it. --left keeps input rows without a match, with nulls; --right-on
      names the other table's key where it differs.
      """,
    parameters: [
      Parameter("table", .any, help: "the other table, such as (graph pagerank)"),
      Parameter("column", .string, help: "the key column"),
    ],
    flags: [
      Flag("right-on", .string, help: "the other table's key column, when its name differs"),
      Flag("left", short: "l", help: "keep input rows that match nothing"),
    ],
    input: .table, output: .table,
    examples: [
      Example(
        "[{name: a, n: 1}, {name: b, n: 2}] | join [{name: b, rank: 0.5}] name", "rows sharing a name",
        result: .table(Table(columns: ["name", "n", "rank"], rows: [[.string("b"), .int(2), .float(0.5)]]))),
      Example(
        "[{name: a}, {name: b}] | join [{id: b, rank: 1}] name --right-on id --left | get rank",
        "keep every input row", result: .list([.null, .int(1)])),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let left = try invocation.inputTable()
    guard let right = Self.table(invocation.value("table")) else {
      throw invocation.error(
        "'join' needs a table to join with, but got \(invocation.value("table")?.typeName ?? "nothing")",
        at: "table")
    }
    let name = invocation.string("column") ?? ""
    let leftKey = try invocation.column(name, in: left, purpose: "to join on", argument: "column")
    // An empty list has no columns to look for: nothing matches.
    if right.columns.isEmpty && right.rows.isEmpty {
      return .table(Table(columns: left.columns, rows: invocation.isSet("left") ? left.rows : []))
    }
    let rightName = invocation.string("right-on") ?? name
    let rightKey = try invocation.column(
      rightName, in: right, purpose: "to join on in the other table",
      argument: invocation.has("right-on") ? "right-on" : "column")
    let kept = right.columns.indices.filter { $0 != rightKey }
    let taken = Set(left.columns)
    let columns =
      left.columns
      + kept.map { taken.contains(right.columns[$0]) ? right.columns[$0] + "_2" : right.columns[$0] }
    var matches: [ValueKey: [Int]] = [:]
    for (index, row) in right.rows.enumerated() {
      matches[ValueKey(value: row[rightKey]), default: []].append(index)
    }
    let keepsUnmatched = invocation.isSet("left")
    var rows: [[Value]] = []
    for (index, row) in left.rows.enumerated() {
      if index & 0x3FFF == 0 { try Interrupt.check() }
      guard let found = matches[ValueKey(value: row[leftKey])] else {
        if keepsUnmatched { rows.append(row + kept.map { _ in .null }) }
        continue
      }
      for match in found { rows.append(row + kept.map { right.rows[match][$0] }) }
    }
    return .table(Table(columns: columns, rows: rows))
  }

  private static func table(_ value: Value?) -> Table? {
    switch value {
    case .table(let table)?: return table
    case .list(let items)? where items.isEmpty: return Table(columns: [])
    case .list(let items)?:
      if case .table(let table) = Value.collecting(items) { return table }
      return nil
    case .custom(let value)?: return value.asTable()
    default: return nil
    }
  }
}
