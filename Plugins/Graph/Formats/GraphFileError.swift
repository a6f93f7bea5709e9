import QuarryCore

/// A problem in a graph file, with the line (and column, where known) it is on.
struct GraphFileError: Error, CustomStringConvertible {
  var line: Int
  var column: Int?
  var message: String

  var description: String { "line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)" }
}

/// A value read from a file's text: an int, a float, true or false, or else the string.
func typedValue(_ text: Substring) -> Value {
  if text.isEmpty { return .null }
  if let number = Int(text) { return .int(number) }
  if let first = text.first, first.isNumber || first == "-" || first == ".", let number = Double(text) {
    return .float(number)
  }
  if text == "true" || text == "True" { return .bool(true) }
  if text == "false" || text == "False" { return .bool(false) }
  return .string(String(text))
}
