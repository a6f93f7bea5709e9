import Synchronization

/// A value flowing through Quarry's pipelines.
public enum Value: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case date(CalendarDate)
  case list([Value])
  case record(Record)
  case table(Table)
  case closure(Closure)
  case custom(any CustomValue)

  /// The name of the value's type as the language spells it.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "bool"
    case .int: "int"
    case .float: "float"
    case .string: "string"
    case .date: "date"
    case .list: "list"
    case .record: "record"
    case .table: "table"
    case .closure: "closure"
    case .custom(let value): value.typeName
    }
  }

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// Truthiness for conditions: only `true` is true; a non-bool is an error elsewhere.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  public var intValue: Int? {
    switch self {
    case .int(let value): return value
    case .float(let value) where value.rounded() == value && abs(value) < 9e18: return Int(value)
    default: return nil
    }
  }

  public var doubleValue: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .float(let value): return value
    default: return nil
    }
  }

  /// The elements of a list, or the rows of a table as records.
  public var listElements: [Value]? {
    switch self {
    case .list(let values): return values
    case .table(let table): return table.rows.map { .record(Record(keys: table.columns, values: $0)) }
    default: return nil
    }
  }

  /// Text for `print`, string interpolation and plain output.
  public var plainText: String {
    switch self {
    case .null: return ""
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .float(let value): return Value.format(value)
    case .string(let value): return value
    case .date(let value): return value.description
    case .list(let values): return values.map(\.plainText).joined(separator: ", ")
    case .record(let record):
      return record.keys.indices.map { "\(record.keys[$0]): \(record.values[$0].plainText)" }
        .joined(separator: ", ")
    case .table(let table): return "table with \(table.rows.count) rows"
    case .closure: return "closure"
    case .custom(let value): return value.summary
    }
  }

  /// Shortest text that reads back as the same double, with `.0` kept for whole numbers.
  public static func format(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let text = String(value)
    return text
  }
}

/// An ordered set of named fields.
public struct Record: Sendable {
  public var keys: [String]
  public var values: [Value]

  public init(keys: [String] = [], values: [Value] = []) {
    self.keys = keys
    self.values = values
  }

  public init(_ pairs: KeyValuePairs<String, Value>) {
    self.keys = pairs.map(\.key)
    self.values = pairs.map(\.value)
  }

  public subscript(key: String) -> Value? {
    get {
      guard let index = keys.firstIndex(of: key) else { return nil }
      return values[index]
    }
    set {
      if let index = keys.firstIndex(of: key) {
        if let newValue {
          values[index] = newValue
        } else {
          keys.remove(at: index)
          values.remove(at: index)
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  public var count: Int { keys.count }
}

/// Rows sharing an ordered list of columns; a missing cell is `null`.
///
/// A table is held row by row, or column by column (`init(columns:typedColumns:)`, where
/// a column of numbers may stay a flat array of integers or floats): commands that make
/// a value for every node of a large graph give one array per column, and the rows are
/// made only when something reads `rows`, once. Counting, taking a column or a row, and
/// slicing read the columns directly, so `graph pagerank | length` makes no rows at all.
public struct Table: Sendable {
  public var columns: [String]
  private var storage: Storage

  private enum Storage: Sendable {
    case rows([[Value]])
    case columns(ColumnStore)
  }

  public init(columns: [String], rows: [[Value]] = []) {
    self.columns = columns
    self.storage = .rows(rows)
  }

  /// A table of columns: `columnValues[c][r]` is row `r`'s value in column `c`; every
  /// column has the same number of values.
  public init(columns: [String], columnValues: [[Value]]) {
    self.init(columns: columns, typedColumns: columnValues.map(TableColumn.values))
  }

  /// A table of columns, some of them numbers kept unboxed.
  public init(columns: [String], typedColumns: [TableColumn]) {
    precondition(columns.count == typedColumns.count, "a table needs a value list per column")
    precondition(
      typedColumns.allSatisfy { $0.count == typedColumns[0].count },
      "a table's columns must be as long as each other")
    self.columns = columns
    self.storage = .columns(ColumnStore(typedColumns))
  }

  /// The rows, each a value per column. A table of columns makes them on first use.
  public var rows: [[Value]] {
    get {
      switch storage {
      case .rows(let rows): rows
      case .columns(let store): store.rows
      }
    }
    set { storage = .rows(newValue) }
    _modify {
      var rows: [[Value]]
      switch storage {
      case .rows(let held): rows = held
      case .columns(let store): rows = store.rows
      }
      // Drop this table's reference, so that `rows` is unique and changes in place.
      storage = .rows([])
      defer { storage = .rows(rows) }
      yield &rows
    }
  }

  /// The number of rows.
  public var count: Int {
    switch storage {
    case .rows(let rows): rows.count
    case .columns(let store): store.count
    }
  }

  /// Every row's value in one column.
  public func values(ofColumn index: Int) -> [Value] {
    switch storage {
    case .rows(let rows): rows.map { index < $0.count ? $0[index] : .null }
    case .columns(let store): store.columns[index].values
    }
  }

  /// The rows in `range`, as a table held the same way.
  public func slice(_ range: Range<Int>) -> Table {
    switch storage {
    case .rows(let rows): Table(columns: columns, rows: Array(rows[range]))
    case .columns(let store): Table(columns: columns, typedColumns: store.columns.map { $0.slice(range) })
    }
  }

  /// The columns at `indices`, in that order, as a table held the same way.
  public func selecting(_ indices: [Int]) -> Table {
    let names = indices.map { columns[$0] }
    switch storage {
    case .rows(let rows): return Table(columns: names, rows: rows.map { row in indices.map { row[$0] } })
    case .columns(let store): return Table(columns: names, typedColumns: indices.map { store.columns[$0] })
    }
  }

  /// The rows at `indices`, in that order, as a table held the same way.
  public func gathering(_ indices: [Int]) -> Table {
    switch storage {
    case .rows(let rows): Table(columns: columns, rows: indices.map { rows[$0] })
    case .columns(let store):
      Table(columns: columns, typedColumns: store.columns.map { $0.gathering(indices) })
    }
  }

  public func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }

  /// Builds a table from records, taking columns in order of first appearance.
  public init(records: [Record]) {
    var columns: [String] = []
    var seen: [String: Int] = [:]
    for record in records {
      for key in record.keys where seen[key] == nil {
        seen[key] = columns.count
        columns.append(key)
      }
    }
    var rows: [[Value]] = []
    rows.reserveCapacity(records.count)
    for record in records {
      if record.keys == columns {
        rows.append(record.values)
        continue
      }
      var row = [Value](repeating: .null, count: columns.count)
      for (key, value) in zip(record.keys, record.values) { row[seen[key]!] = value }
      rows.append(row)
    }
    self.init(columns: columns, rows: rows)
  }

  public func record(at index: Int) -> Record {
    switch storage {
    case .rows(let rows): Record(keys: columns, values: rows[index])
    case .columns(let store): Record(keys: columns, values: store.columns.map { $0[index] })
    }
  }
}

/// One column of a table held by columns: values of any kind, or numbers kept unboxed.
/// A column of a million numbers is then one flat array, which costs nothing to free;
/// its values are made when a command reads them.
public enum TableColumn: Sendable {
  case values([Value])
  case ints([Int])
  case floats([Double])

  public var count: Int {
    switch self {
    case .values(let values): values.count
    case .ints(let numbers): numbers.count
    case .floats(let numbers): numbers.count
    }
  }

  /// The column as values.
  public var values: [Value] {
    switch self {
    case .values(let values): values
    case .ints(let numbers): numbers.map(Value.int)
    case .floats(let numbers): numbers.map(Value.float)
    }
  }

  /// Row `row`'s value.
  public subscript(row: Int) -> Value {
    switch self {
    case .values(let values): values[row]
    case .ints(let numbers): .int(numbers[row])
    case .floats(let numbers): .float(numbers[row])
    }
  }

  func slice(_ range: Range<Int>) -> TableColumn {
    switch self {
    case .values(let values): .values(Array(values[range]))
    case .ints(let numbers): .ints(Array(numbers[range]))
    case .floats(let numbers): .floats(Array(numbers[range]))
    }
  }

  func gathering(_ indices: [Int]) -> TableColumn {
    switch self {
    case .values(let values): .values(indices.map { values[$0] })
    case .ints(let numbers): .ints(indices.map { numbers[$0] })
    case .floats(let numbers): .floats(indices.map { numbers[$0] })
    }
  }
}

/// A table's columns, and its rows once something has asked for them.
private final class ColumnStore: Sendable {
  let columns: [TableColumn]
  let count: Int
  private let made = Mutex<[[Value]]?>(nil)

  init(_ columns: [TableColumn]) {
    self.columns = columns
    self.count = columns.first?.count ?? 0
  }

  var rows: [[Value]] {
    made.withLock { made in
      if let made { return made }
      let columns = self.columns.map(\.values)
      let width = columns.count
      let rows = (0..<count).map { row in
        [Value](unsafeUninitializedCapacity: width) { cells, initialized in
          for column in 0..<width { (cells.baseAddress! + column).initialize(to: columns[column][row]) }
          initialized = width
        }
      }
      made = rows
      return rows
    }
  }
}

/// A value defined by a plugin (a graph, a model): it describes itself, and may offer a
/// table view and a JSON form so the generic commands and renderers can use it. Custom
/// values are classes: they are usually large, and a reference keeps `Value` small.
public protocol CustomValue: AnyObject, Sendable {
  var typeName: String { get }
  /// One line: what it is and how big.
  var summary: String { get }
  /// A table view for renderers and table commands, where one makes sense.
  func asTable() -> Table?
  /// A plain value for JSON output, where one makes sense.
  func asPlainValue() -> Value?
}

extension CustomValue {
  public func asTable() -> Table? { nil }
  public func asPlainValue() -> Value? { asTable().map(Value.table) }
}

extension Value {
  /// A list of records becomes a table when every element is a record.
  public static func collecting(_ values: [Value]) -> Value {
    guard !values.isEmpty else { return .list([]) }
    var records: [Record] = []
    records.reserveCapacity(values.count)
    for value in values {
      guard case .record(let record) = value else { return .list(values) }
      records.append(record)
    }
    return .table(Table(records: records))
  }
}
