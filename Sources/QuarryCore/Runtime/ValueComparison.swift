extension Value {
  /// Structural equality; an int equals the float of the same value.
  public func isEqual(to other: Value) -> Bool {
    switch (self, other) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.int(let a), .float(let b)): return Double(a) == b
    case (.float(let a), .int(let b)): return a == Double(b)
    case (.float(let a), .float(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.date(let a), .date(let b)): return a == b
    case (.list(let a), .list(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
    case (.record(let a), .record(let b)):
      return a.keys == b.keys && zip(a.values, b.values).allSatisfy { $0.isEqual(to: $1) }
    case (.table(let a), .table(let b)):
      return a.columns == b.columns && a.rows.count == b.rows.count
        && zip(a.rows, b.rows).allSatisfy { zip($0, $1).allSatisfy { $0.isEqual(to: $1) } }
    case (.table, .list), (.list, .table):
      guard let a = listElements, let b = other.listElements else { return false }
      return Value.list(a).isEqual(to: .list(b))
    default: return false
    }
  }

  /// Order of values of different types when sorting mixed columns: nulls last.
  private var sortRank: Int {
    switch self {
    case .bool: 0
    case .int, .float: 1
    case .date: 2
    case .string: 3
    case .list: 4
    case .record: 5
    case .table: 6
    case .closure, .custom: 7
    case .null: 8
    }
  }

  /// A total order for sorting: numbers numerically, strings by code point, dates by
  /// time, values of different types by type, nulls last.
  public func compare(to other: Value) -> Int {
    switch (self, other) {
    case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
    case (.string(let a), .string(let b)): return a < b ? -1 : (a > b ? 1 : 0)
    case (.int, .float), (.float, .int), (.float, .float):
      let a = doubleValue!
      let b = other.doubleValue!
      return a < b ? -1 : (a > b ? 1 : 0)
    case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
    case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) {
        let order = x.compare(to: y)
        if order != 0 { return order }
      }
      return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
    default:
      let a = sortRank
      let b = other.sortRank
      return a < b ? -1 : (a > b ? 1 : 0)
    }
  }

  /// Whether two values can be ordered with `<` in a condition.
  func isOrderable(with other: Value) -> Bool {
    switch (self, other) {
    case (.int, .int), (.int, .float), (.float, .int), (.float, .float), (.string, .string), (.date, .date),
      (.bool, .bool):
      return true
    case (.date, .string(let text)), (.string(let text), .date):
      return CalendarDate(iso: text) != nil
    default: return false
    }
  }
}

/// A hashable key for `uniq` and `group-by`, equal exactly when values are equal.
struct ValueKey: Hashable {
  let value: Value

  static func == (lhs: ValueKey, rhs: ValueKey) -> Bool { lhs.value.isEqual(to: rhs.value) }

  func hash(into hasher: inout Hasher) {
    switch value {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .int(let i): hasher.combine(Double(i))
    case .float(let f): hasher.combine(f)
    case .string(let s): hasher.combine(s)
    case .date(let d): hasher.combine(d)
    case .list(let items):
      hasher.combine(items.count)
      for item in items { ValueKey(value: item).hash(into: &hasher) }
    case .record(let record):
      hasher.combine(record.keys)
      for item in record.values { ValueKey(value: item).hash(into: &hasher) }
    case .table(let table):
      hasher.combine(table.columns)
      hasher.combine(table.rows.count)
    case .closure: hasher.combine(7)
    case .custom(let custom): hasher.combine(custom.typeName)
    }
  }
}
