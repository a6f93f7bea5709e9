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
    file.write(header.map { CSV.field(.string($0)) }.joined(separator: ","))
    file.write("\n")
    let (graph, schema) = (self.graph, self.schema)
    try file.write(items: graph.nodeCount) { node, out in
      out.write(int: node)
      out.write(byte: UInt8(ascii: ","))
      out.write(csvQuoted: graph.nodeNames[node])
      out.write(byte: UInt8(ascii: ","))
      out.write(csvQuoted: graph.nodeLabels[node])
      out.write(byte: UInt8(ascii: ","))
      out.write(csvQuoted: graph.nodeLabels[node])
      for column in schema.nodeColumns {
        out.write(byte: UInt8(ascii: ","))
        Self.write(column.value(node), column.kind, delimiter, &out)
      }
      out.write(byte: UInt8(ascii: "\n"))
    }
  }

  func writeRelationships(to file: AtomicFile, delimiter: Character) throws {
    var header = [":START_ID", ":END_ID", ":TYPE", "weight:double"]
    header += schema.edgeColumns.map { Self.header($0) }
    file.write(header.map { CSV.field(.string($0)) }.joined(separator: ","))
    file.write("\n")
    let types = graph.typeNames.map { TextEscaping.bytes($0, TextEscaping.csv) }
    let (graph, schema) = (self.graph, self.schema)
    try file.write(items: graph.edgeCount) { edge, out in
      out.write(int: Int(graph.edgeSources[edge]))
      out.write(byte: UInt8(ascii: ","))
      out.write(int: Int(graph.edgeTargets[edge]))
      out.write(byte: UInt8(ascii: ","))
      out.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      out.write(byte: UInt8(ascii: ","))
      Self.write(.float(graph.edgeWeights[edge]), .double, delimiter, &out)
      for column in schema.edgeColumns {
        out.write(byte: UInt8(ascii: ","))
        Self.write(column.value(edge), column.kind, delimiter, &out)
      }
      out.write(byte: UInt8(ascii: "\n"))
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

  /// A field; a null is empty, which neo4j-admin reads as no property.
  static func write(_ value: Value, _ kind: PropertyKind, _ delimiter: Character, _ out: inout ByteBuffer) {
    switch (kind, value) {
    case (_, .null): return
    case (.bool, .bool(let truth)): out.write(truth ? "true" : "false")
    case (.int, .int(let number)): out.write(int: number)
    case (.double, .int(let number)): out.write(double: Double(number))
    case (.double, .float(let number)):
      if number.isNaN {
        out.write("NaN")
      } else if number.isInfinite {
        out.write(number < 0 ? "-Infinity" : "Infinity")
      } else {
        out.write(double: number)
      }
    case (.date, .date(let date)): out.write(date.description)
    case (.list, .list(let items)):
      out.write(csvQuoted: items.map(ExportColumn.text).joined(separator: String(delimiter)))
    default: out.write(csvQuoted: ExportColumn.text(value))
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

extension ByteBuffer {
  mutating func write(csvQuoted text: String) { append { TextEscaping.csv(text, into: &$0) } }
}
