import QuarryCore

/// Named columns of values, one value per node (or per edge) of a graph; a value not
/// given is null. Columns keep the order they were added in. Written from the session's
/// thread only (a file being loaded, or `--write`), so it takes no lock.
public final class PropertyColumns: @unchecked Sendable {
  public private(set) var names: [String] = []
  private var columns: [String: [Value]] = [:]
  private var count = 0

  public init() {}

  public func column(_ name: String) -> [Value]? { columns[name] }

  public func value(_ name: String, at index: Int) -> Value {
    guard let column = columns[name], index < column.count else { return .null }
    return column[index]
  }

  /// Sets one value, growing the column with nulls as needed.
  public func set(_ name: String, at index: Int, _ value: Value) {
    if columns[name] == nil {
      names.append(name)
      columns[name] = []
    }
    if columns[name]!.count <= index {
      columns[name]!.append(contentsOf: repeatElement(.null, count: index + 1 - columns[name]!.count))
    }
    columns[name]![index] = value
    count = max(count, index + 1)
  }

  /// Sets a whole column, replacing one of the same name.
  public func set(_ name: String, _ values: [Value]) {
    if columns[name] == nil { names.append(name) }
    columns[name] = values
    count = max(count, values.count)
    pad(to: count)
  }

  /// Makes every column `count` long.
  func pad(to count: Int) {
    self.count = max(self.count, count)
    for name in names where columns[name]!.count < self.count {
      columns[name]!.append(contentsOf: repeatElement(.null, count: self.count - columns[name]!.count))
    }
  }

  /// The rows at `indices`, in that order, as new columns.
  func selecting(_ indices: [Int]) -> PropertyColumns {
    let selected = PropertyColumns()
    for name in names {
      let column = columns[name]!
      selected.set(name, indices.map { $0 < column.count ? column[$0] : .null })
    }
    selected.pad(to: indices.count)
    return selected
  }
}
