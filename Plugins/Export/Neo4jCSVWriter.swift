import QuarryCore
import QuarryModel

/// CSV for `neo4j-admin database import full`: a nodes file (`id:ID`, `name`, `type`,
/// `:LABEL` and typed property columns) and a relationships file (`:START_ID`,
/// `:END_ID`, `:TYPE`, `weight:double` and typed property columns). Every string is
/// quoted with quotes doubled (RFC 4180, neo4j-admin's default), so commas, quotes and
/// line breaks (with `--multiline-fields=true`) survive, and text that a spreadsheet would
/// read as a formula stays text for Neo4j. Arrays are joined with `;`, or, when an item
/// holds a `;`, with the first of `|`, `¦`, `¬` that none holds; the import command
/// printed with the files names it.
struct Neo4jCSVWriter {
  let graph: PropertyGraph
  let schema: ExportSchema

  /// The character arrays are joined with, or nil when every candidate occurs in a value.
  func arrayDelimiter() -> Character? {
    var used = Set<Character>()
    func scan(_ text: String) {
      for character in text where "; |¦¬".contains(character) { used.insert(character) }
    }
    for label in Set(graph.nodeLabels) { scan(label) }
    for column in schema.nodeColumns + schema.edgeColumns where column.kind == .list {
      for value in column.values { for item in value.listElements ?? [] { scan(ExportColumn.text(item)) } }
    }
    return [";", "|", "¦", "¬"].first { !used.contains($0) }
  }

  func writeNodes(to file: AtomicFile, delimiter: Character) throws {
    var header = ["id:ID", "name", "type", ":LABEL"]
    header += schema.nodeColumns.map { Self.header($0) }
    file.write(header.map(Self.quotedIfNeeded).joined(separator: ","))
    file.write("\n")
    for node in 0..<graph.nodeCount {
      if node & 0xFFFF == 0 { try Interrupt.check() }
      file.write(int: node)
      file.write(byte: UInt8(ascii: ","))
      file.write(csvQuoted: graph.nodeNames[node])
      file.write(byte: UInt8(ascii: ","))
      file.write(csvQuoted: graph.nodeLabels[node])
      file.write(byte: UInt8(ascii: ","))
      file.write(csvQuoted: graph.nodeLabels[node])
      for column in schema.nodeColumns {
        file.write(byte: UInt8(ascii: ","))
        Self.write(column.value(node), column.kind, delimiter, file)
      }
      file.write(byte: UInt8(ascii: "\n"))
    }
  }

  func writeRelationships(to file: AtomicFile, delimiter: Character) throws {
    var header = [":START_ID", ":END_ID", ":TYPE", "weight:double"]
    header += schema.edgeColumns.map { Self.header($0) }
    file.write(header.map(Self.quotedIfNeeded).joined(separator: ","))
    file.write("\n")
    let types = graph.typeNames.map { TextEscaping.bytes($0, TextEscaping.csv) }
    for edge in 0..<graph.edgeCount {
      if edge & 0xFFFF == 0 { try Interrupt.check() }
      file.write(int: Int(graph.edgeSources[edge]))
      file.write(byte: UInt8(ascii: ","))
      file.write(int: Int(graph.edgeTargets[edge]))
      file.write(byte: UInt8(ascii: ","))
      file.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      file.write(byte: UInt8(ascii: ","))
      Self.write(.float(graph.edgeWeights[edge]), .double, delimiter, file)
      for column in schema.edgeColumns {
        file.write(byte: UInt8(ascii: ","))
        Self.write(column.value(edge), column.kind, delimiter, file)
      }
      file.write(byte: UInt8(ascii: "\n"))
    }
  }

  /// `name:type` with neo4j-admin's type names. A `:` in a name would end it early, so it
  /// becomes `_`.
  static func header(_ column: ExportColumn) -> String {
    let name = column.name.isEmpty ? "property" : column.name.replacingOccurrences(of: ":", with: "_")
    let type =
      switch column.kind {
      case .bool: "boolean"
      case .int: "long"
      case .double: "double"
      case .date: "date"
      case .string: "string"
      case .list: "string[]"
      }
    return name + ":" + type
  }

  private static func quotedIfNeeded(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A field; a null is empty, which neo4j-admin reads as no property.
  static func write(_ value: Value, _ kind: PropertyKind, _ delimiter: Character, _ file: AtomicFile) {
    switch (kind, value) {
    case (_, .null): return
    case (.bool, .bool(let truth)): file.write(truth ? "true" : "false")
    case (.int, .int(let number)): file.write(int: number)
    case (.double, .int(let number)): file.write(double: Double(number))
    case (.double, .float(let number)):
      if number.isNaN {
        file.write("NaN")
      } else if number.isInfinite {
        file.write(number < 0 ? "-Infinity" : "Infinity")
      } else {
        file.write(double: number)
      }
    case (.date, .date(let date)): file.write(date.description)
    case (.list, .list(let items)):
      file.write(csvQuoted: items.map(ExportColumn.text).joined(separator: String(delimiter)))
    default: file.write(csvQuoted: ExportColumn.text(value))
    }
  }
}

extension TextEscaping {
  /// A CSV field in quotes, quotes doubled; the rest, line breaks included, unchanged.
  static func csv(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { output.append(byte) }
      output.append(byte)
    }
    output.append(UInt8(ascii: "\""))
  }
}

extension AtomicFile {
  func write(csvQuoted text: String) { append { TextEscaping.csv(text, into: &$0) } }
}
