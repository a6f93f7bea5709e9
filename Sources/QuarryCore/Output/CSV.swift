/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSV {
  public static func field(_ value: Value) -> String {
    let text: String
    switch value {
    case .list(let items): text = items.map(\.plainText).joined(separator: ";")
    case .record, .table: text = JSON.encode(value)
    default: text = value.plainText
    }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The table as CSV text with a header row and CRLF-free `\n` line ends.
  public static func encode(_ table: Table) -> String {
    var output = table.columns.map { field(.string($0)) }.joined(separator: ",") + "\n"
    for row in table.rows {
      output += row.map(field).joined(separator: ",")
      output += "\n"
    }
    return output
  }

  public struct ParseError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// Parses CSV with a header row; numbers become ints or floats, the rest strings.
  public static func decode(_ text: String) throws(ParseError) -> Table {
    var records: [[String]] = []
    var field: [UInt8] = []
    var record: [String] = []
    var inQuotes = false
    var line = 1
    var fieldWasQuoted = false
    let bytes = Array(text.utf8)
    var index = 0
    func endField() {
      record.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 2
            continue
          }
          inQuotes = false
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        if !field.isEmpty { throw ParseError(line: line, message: "a quote inside an unquoted field") }
        inQuotes = true
        fieldWasQuoted = true
      case UInt8(ascii: ","):
        endField()
      case 0x0D:
        break
      case 0x0A:
        endField()
        records.append(record)
        record.removeAll()
        line += 1
      default:
        field.append(byte)
      }
      index += 1
    }
    if inQuotes { throw ParseError(line: line, message: "a quoted field is never closed") }
    if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
      endField()
      records.append(record)
    }
    guard let header = records.first else { return Table(columns: []) }
    var table = Table(columns: header)
    for (offset, fields) in records.dropFirst().enumerated() {
      if fields == [""] { continue }
      guard fields.count == header.count else {
        throw ParseError(
          line: offset + 2, message: "expected \(header.count) fields as in the header, found \(fields.count)"
        )
      }
      table.rows.append(fields.map(typed))
    }
    return table
  }

  static func typed(_ text: String) -> Value {
    if let integer = Int(text) { return .int(integer) }
    if let first = text.first, first.isNumber || first == "-", let double = Double(text) {
      return .float(double)
    }
    return .string(text)
  }
}

extension String {
  /// Replaces every occurrence of a string (Foundation's version without Foundation).
  public func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var remainder = self[...]
    while let range = remainder.firstRange(of: target) {
      result += remainder[..<range.lowerBound]
      result += replacement
      remainder = remainder[range.upperBound...]
    }
    result += remainder
    return result
  }
}
