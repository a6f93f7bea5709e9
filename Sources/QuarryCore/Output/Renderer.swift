/// Turns values into text in each output format.
public struct Renderer: Sendable {
  public var settings: Settings

  public init(settings: Settings) {
    self.settings = settings
  }

  /// The text for a value, ending with a newline (empty for null).
  public func render(_ value: Value) -> String {
    if value.isNull { return "" }
    switch settings.format {
    case .table: return renderTable(value)
    case .json: return JSON.encodePretty(value) + "\n"
    case .jsonl: return renderJSONLines(value)
    case .csv: return renderCSV(value)
    case .plain: return renderPlain(value)
    }
  }

  // MARK: jsonl, csv, plain

  private func renderJSONLines(_ value: Value) -> String {
    var output = ""
    switch value {
    case .table(let table):
      for row in table.rows {
        JSON.writeObject(keys: table.columns, values: row, to: &output)
        output += "\n"
      }
    case .list(let items):
      for item in items {
        JSON.write(item, to: &output)
        output += "\n"
      }
    case .custom(let custom):
      if let table = custom.asTable() { return renderJSONLines(.table(table)) }
      JSON.write(value, to: &output)
      output += "\n"
    default:
      JSON.write(value, to: &output)
      output += "\n"
    }
    return output
  }

  private func renderCSV(_ value: Value) -> String {
    switch value {
    case .table(let table): return CSV.encode(table)
    case .record(let record): return CSV.encode(Table(columns: record.keys, rows: [record.values]))
    case .list(let items):
      if case .table(let table) = Value.collecting(items) { return CSV.encode(table) }
      return CSV.encode(Table(columns: ["value"], rows: items.map { [$0] }))
    case .custom(let custom):
      if let table = custom.asTable() { return CSV.encode(table) }
      return CSV.field(.string(custom.summary)) + "\n"
    default: return CSV.field(value) + "\n"
    }
  }

  /// Tab-separated text without a header, for `cut`, `sort` and `awk`.
  private func renderPlain(_ value: Value) -> String {
    func cell(_ value: Value) -> String {
      var text = value.plainText
      if text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
        text = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
          .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
      }
      return text
    }
    var output = ""
    switch value {
    case .table(let table):
      for row in table.rows {
        output += row.map(cell).joined(separator: "\t")
        output += "\n"
      }
    case .list(let items):
      for item in items {
        if case .record(let record) = item {
          output += record.values.map(cell).joined(separator: "\t")
        } else {
          output += cell(item)
        }
        output += "\n"
      }
    case .record(let record):
      for (key, item) in zip(record.keys, record.values) { output += key + "\t" + cell(item) + "\n" }
    case .custom(let custom):
      if let table = custom.asTable() { return renderPlain(.table(table)) }
      output = custom.summary + "\n"
    default:
      output = value.plainText + "\n"
    }
    return output
  }

  // MARK: table

  private var colorOn: Bool { settings.color }

  /// A cell's text in a table: nested values are summarised.
  static func cellText(_ value: Value) -> String {
    switch value {
    case .list(let items):
      if items.allSatisfy({ if case .record = $0 { return false } else { return true } }) {
        return items.map(\.plainText).joined(separator: ", ")
      }
      return "[\(items.count) items]"
    case .record(let record): return "{\(record.count) fields}"
    case .table(let table): return "[table \(table.rows.count) rows]"
    case .string(let text):
      return text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" })
        ? String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 }) : text
    default: return value.plainText
    }
  }

  private static func isNumeric(_ value: Value) -> Bool {
    switch value {
    case .int, .float: true
    default: false
    }
  }

  private func renderTable(_ value: Value) -> String {
    switch value {
    case .table(let table):
      return grid(columns: ["#"] + table.columns, rows: table.rows, indexed: true)
    case .list(let items):
      if items.isEmpty { return "(empty list)\n" }
      if case .table(let table) = Value.collecting(items) {
        return grid(columns: ["#"] + table.columns, rows: table.rows, indexed: true)
      }
      return grid(columns: ["#", "value"], rows: items.map { [$0] }, indexed: true)
    case .record(let record):
      if record.count == 0 { return "(empty record)\n" }
      return grid(
        columns: ["field", "value"], rows: zip(record.keys, record.values).map { [.string($0), $1] },
        indexed: false, header: false)
    case .custom(let custom):
      if let table = custom.asTable() {
        return custom.summary + "\n" + renderTable(.table(table))
      }
      return custom.summary + "\n"
    default:
      return value.plainText + "\n"
    }
  }

  private func grid(columns: [String], rows allRows: [[Value]], indexed: Bool, header: Bool = true) -> String
  {
    let limit = max(1, settings.rows)
    let shown = allRows.count > limit ? Array(allRows.prefix(limit)) : allRows
    let hidden = allRows.count - shown.count
    var cells: [[String]] = []
    var numeric = [Bool](repeating: true, count: columns.count)
    if indexed { numeric[0] = true }
    for (rowIndex, row) in shown.enumerated() {
      var line: [String] = indexed ? [String(rowIndex)] : []
      for (column, value) in row.enumerated() {
        line.append(Renderer.cellText(value))
        let columnIndex = column + (indexed ? 1 : 0)
        if columnIndex < numeric.count && !(Renderer.isNumeric(value) || value.isNull) {
          numeric[columnIndex] = false
        }
      }
      while line.count < columns.count { line.append("") }
      cells.append(line)
    }
    if shown.isEmpty { numeric = numeric.map { _ in false } }
    var widths = columns.map { header ? DisplayWidth.of($0) : 0 }
    for line in cells {
      for (index, text) in line.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(text))
      }
    }
    // Fit the terminal: shrink the widest columns first, never below 4 columns wide.
    if let total = settings.width {
      let frame = 3 * widths.count + 1
      var excess = widths.reduce(0, +) + frame - total
      while excess > 0 {
        guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 else {
          break
        }
        widths[widest] -= 1
        excess -= 1
      }
    }
    let dim = colorOn ? "\u{1B}[2m" : ""
    let bold = colorOn ? "\u{1B}[1;32m" : ""
    let reset = colorOn ? "\u{1B}[0m" : ""
    func border(_ left: String, _ middle: String, _ right: String) -> String {
      dim + left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
        + reset + "\n"
    }
    func line(_ texts: [String], isHeader: Bool) -> String {
      var output = dim + "│" + reset
      for (index, text) in texts.enumerated() {
        let fitted = DisplayWidth.truncate(text, to: widths[index])
        let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(fitted)))
        let body = numeric[index] && !isHeader ? padding + fitted : fitted + padding
        let styled = isHeader ? bold + body + reset : (index == 0 && indexed ? dim + body + reset : body)
        output += " " + styled + " " + dim + "│" + reset
      }
      return output + "\n"
    }
    var output = border("╭", "┬", "╮")
    if header {
      output += line(columns, isHeader: true)
      output += border("├", "┼", "┤")
    }
    for texts in cells { output += line(texts, isHeader: false) }
    output += border("╰", "┴", "╯")
    if hidden > 0 {
      output += "… \(hidden) more row\(hidden == 1 ? "" : "s") (set rows N to show more)\n"
    }
    return output
  }
}
