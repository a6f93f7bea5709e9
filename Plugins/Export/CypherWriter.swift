import QuarryCore
import QuarryModel

/// A script for `cypher-shell -f FILE` (Neo4j 5 and later): a uniqueness constraint
/// first, then the nodes and the relationships in batches, each batch a `:param` of rows
/// and one `UNWIND $rows AS row MERGE ...`. Data only ever travels in parameters, as
/// string literals escaped by Cypher's rules, so a name such as `"}) DETACH DELETE n //`
/// stays a name. Labels and relationship types, which Cypher cannot take as
/// parameters, are backquoted with backquotes doubled. Every node also carries the label
/// `QuarryNode` and a `quarry_id`, which the constraint indexes and the relationships
/// match on; a relationship's `quarry_id` makes running the script twice harmless.
struct CypherWriter {
  let graph: PropertyGraph
  let schema: ExportSchema
  var batchSize = 1000

  func write(to file: AtomicFile) throws {
    file.write("// Quarry: the ")
    file.write(Self.comment(graph.kind))
    file.write(" graph, \(graph.nodeCount) nodes and \(graph.edgeCount) relationships.\n")
    file.write("// Run with: cypher-shell -f FILE\n")
    file.write(
      "CREATE CONSTRAINT quarry_node_id IF NOT EXISTS FOR (n:QuarryNode) REQUIRE n.quarry_id IS UNIQUE;\n")
    // Nodes by label, since a label cannot be a parameter.
    var byLabel: [String: [Int]] = [:]
    var labels: [String] = []
    for node in 0..<graph.nodeCount {
      let label = graph.nodeLabels[node]
      if byLabel[label] == nil { labels.append(label) }
      byLabel[label, default: []].append(node)
    }
    for label in labels {
      let statement =
        "UNWIND $rows AS row MERGE (n:QuarryNode {quarry_id: row.id}) SET n += row.properties SET n:"
        + Self.identifier(label) + ";\n"
      for batch in stride(from: 0, to: byLabel[label]!.count, by: batchSize) {
        try Interrupt.check()
        let nodes = byLabel[label]![batch..<min(batch + batchSize, byLabel[label]!.count)]
        file.write(":param {rows: [")
        for (position, node) in nodes.enumerated() {
          if position > 0 { file.write(", ") }
          file.write("{id: ")
          file.write(int: node)
          file.write(", properties: {name: ")
          file.write(cypherString: graph.nodeNames[node])
          file.write(", type: ")
          file.write(cypherString: label)
          for column in schema.nodeColumns { member(column.name, column.value(node), file) }
          file.write("}}")
        }
        file.write("]}\n")
        file.write(statement)
      }
    }
    var byType: [Int32: [Int]] = [:]
    var types: [Int32] = []
    for edge in 0..<graph.edgeCount {
      let type = graph.edgeTypeCodes[edge]
      if byType[type] == nil { types.append(type) }
      byType[type, default: []].append(edge)
    }
    let arrow = graph.isDirected ? "]->(b)" : "]-(b)"
    for type in types {
      let statement =
        "UNWIND $rows AS row MATCH (a:QuarryNode {quarry_id: row.source}) "
        + "MATCH (b:QuarryNode {quarry_id: row.target}) MERGE (a)-[r:"
        + Self.identifier(graph.typeNames[Int(type)]) + " {quarry_id: row.id}" + arrow
        + " SET r += row.properties;\n"
      let edges = byType[type]!
      for batch in stride(from: 0, to: edges.count, by: batchSize) {
        try Interrupt.check()
        file.write(":param {rows: [")
        for (position, edge) in edges[batch..<min(batch + batchSize, edges.count)].enumerated() {
          if position > 0 { file.write(", ") }
          file.write("{id: ")
          file.write(int: edge)
          file.write(", source: ")
          file.write(int: Int(graph.edgeSources[edge]))
          file.write(", target: ")
          file.write(int: Int(graph.edgeTargets[edge]))
          file.write(", properties: {weight: ")
          Self.write(.float(graph.edgeWeights[edge]), file)
          for column in schema.edgeColumns { member(column.name, column.value(edge), file) }
          file.write("}}")
        }
        file.write("]}\n")
        file.write(statement)
      }
    }
  }

  private func member(_ name: String, _ value: Value, _ file: AtomicFile) {
    if value.isNull { return }
    file.write(", ")
    file.write(Self.identifier(name))
    file.write(": ")
    Self.write(value, file)
  }

  /// A value as a Cypher literal. Neo4j stores no maps in properties, so a record or
  /// table goes as its JSON text; a list of mixed kinds as strings.
  static func write(_ value: Value, _ file: AtomicFile) {
    switch value {
    case .null: file.write("null")
    case .bool(let truth): file.write(truth ? "true" : "false")
    case .int(let number): file.write(int: number)
    case .float(let number):
      if number.isNaN {
        file.write("toFloat('NaN')")
      } else if number.isInfinite {
        file.write(number < 0 ? "toFloat('-Infinity')" : "toFloat('Infinity')")
      } else {
        file.write(double: number)
      }
    case .string(let text): file.write(cypherString: text)
    case .date(let date):
      file.write("date(")
      file.write(cypherString: date.description)
      file.write(")")
    case .list(let items):
      let kinds = Set(items.map(\.typeName))
      file.write("[")
      for (index, item) in items.enumerated() {
        if index > 0 { file.write(", ") }
        if kinds.count > 1 || item.isNull {
          file.write(cypherString: ExportColumn.text(item))
        } else {
          write(item, file)
        }
      }
      file.write("]")
    default: file.write(cypherString: ExportColumn.text(value))
    }
  }

  /// A backquoted name: labels, types and property keys, backquotes doubled.
  static func identifier(_ name: String) -> String {
    "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
  }

  /// Text for a `//` comment: on one line.
  static func comment(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}

extension TextEscaping {
  /// A single-quoted Cypher string: backslash, quote and control characters escaped
  /// (`\u0000` for NUL), so the literal ends only at its closing quote.
  static func cypher(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "'"))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "'"): append("\\'", to: &output)
      case UInt8(ascii: "\\"): append("\\\\", to: &output)
      case 0x0A: append("\\n", to: &output)
      case 0x0D: append("\\r", to: &output)
      case 0x09: append("\\t", to: &output)
      case 0x00...0x1F, 0x7F:
        append("\\u00", to: &output)
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "'"))
  }
}

extension AtomicFile {
  func write(cypherString text: String) { append { TextEscaping.cypher(text, into: &$0) } }
}
