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
    // Nodes by label, since a label cannot be a parameter; then relationships by type.
    var byLabel: [String: [Int]] = [:]
    var labels: [String] = []
    for node in 0..<graph.nodeCount {
      let label = graph.nodeLabels[node]
      if byLabel[label] == nil { labels.append(label) }
      byLabel[label, default: []].append(node)
    }
    var byType: [Int32: [Int]] = [:]
    var types: [Int32] = []
    for edge in 0..<graph.edgeCount {
      let type = graph.edgeTypeCodes[edge]
      if byType[type] == nil { types.append(type) }
      byType[type, default: []].append(edge)
    }
    // Every batch is one work item, formatted on any core and written in order.
    var batches: [Batch] = []
    for label in labels {
      let members = byLabel[label]!
      for start in stride(from: 0, to: members.count, by: batchSize) {
        batches.append(
          Batch(
            nodes: true, group: label, members: Array(members[start..<min(start + batchSize, members.count)]))
        )
      }
    }
    for type in types {
      let members = byType[type]!
      for start in stride(from: 0, to: members.count, by: batchSize) {
        batches.append(
          Batch(
            nodes: false, group: graph.typeNames[Int(type)],
            members: Array(members[start..<min(start + batchSize, members.count)])))
      }
    }
    let (graph, schema) = (self.graph, self.schema)
    let arrow = graph.isDirected ? "]->(b)" : "]-(b)"
    try file.write(items: batches.count, chunk: 1) { [batches] item, out in
      let batch = batches[item]
      out.write(":param {rows: [")
      for (position, member) in batch.members.enumerated() {
        if position > 0 { out.write(", ") }
        out.write("{id: ")
        out.write(int: member)
        if batch.nodes {
          out.write(", properties: {name: ")
          out.write(cypherString: graph.nodeNames[member])
          out.write(", type: ")
          out.write(cypherString: batch.group)
          for column in schema.nodeColumns { Self.member(column.name, column.value(member), &out) }
        } else {
          out.write(", source: ")
          out.write(int: Int(graph.edgeSources[member]))
          out.write(", target: ")
          out.write(int: Int(graph.edgeTargets[member]))
          out.write(", properties: {weight: ")
          Self.write(.float(graph.edgeWeights[member]), &out)
          for column in schema.edgeColumns { Self.member(column.name, column.value(member), &out) }
        }
        out.write("}}")
      }
      out.write("]}\n")
      if batch.nodes {
        out.write(
          "UNWIND $rows AS row MERGE (n:QuarryNode {quarry_id: row.id}) SET n += row.properties SET n:")
        out.write(Self.identifier(batch.group))
        out.write(";\n")
      } else {
        out.write("UNWIND $rows AS row MATCH (a:QuarryNode {quarry_id: row.source}) ")
        out.write("MATCH (b:QuarryNode {quarry_id: row.target}) MERGE (a)-[r:")
        out.write(Self.identifier(batch.group))
        out.write(" {quarry_id: row.id}")
        out.write(arrow)
        out.write(" SET r += row.properties;\n")
      }
    }
  }

  /// Up to `batchSize` nodes of one label, or relationships of one type.
  private struct Batch: Sendable {
    let nodes: Bool
    let group: String
    let members: [Int]
  }

  private static func member(_ name: String, _ value: Value, _ out: inout ByteBuffer) {
    if value.isNull { return }
    out.write(", ")
    out.write(Self.identifier(name))
    out.write(": ")
    Self.write(value, &out)
  }

  /// A value as a Cypher literal. Neo4j stores no maps in properties, so a record or
  /// table goes as its JSON text; a list of mixed kinds as strings.
  static func write(_ value: Value, _ out: inout ByteBuffer) {
    switch value {
    case .null: out.write("null")
    case .bool(let truth): out.write(truth ? "true" : "false")
    case .int(let number): out.write(int: number)
    case .float(let number):
      if number.isNaN {
        out.write("toFloat('NaN')")
      } else if number.isInfinite {
        out.write(number < 0 ? "toFloat('-Infinity')" : "toFloat('Infinity')")
      } else {
        out.write(double: number)
      }
    case .string(let text): out.write(cypherString: text)
    case .date(let date):
      out.write("date(")
      out.write(cypherString: date.description)
      out.write(")")
    case .list(let items):
      let kinds = Set(items.map(\.typeName))
      out.write("[")
      for (index, item) in items.enumerated() {
        if index > 0 { out.write(", ") }
        if kinds.count > 1 || item.isNull {
          out.write(cypherString: ExportColumn.text(item))
        } else {
          write(item, &out)
        }
      }
      out.write("]")
    default: out.write(cypherString: ExportColumn.text(value))
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
    substituting(text, into: &output) { bytes, index in
      switch bytes[index] {
      case UInt8(ascii: "'"): ("\\'", 0)
      case UInt8(ascii: "\\"): ("\\\\", 0)
      case 0x0A: ("\\n", 0)
      case 0x0D: ("\\r", 0)
      case 0x09: ("\\t", 0)
      case let byte where byte < 0x20: (controlEscapes[Int(byte)], 0)
      case 0x7F: ("\\u007f", 0)
      default: nil
      }
    }
    output.append(UInt8(ascii: "'"))
  }
}

extension AtomicFile {
  func write(cypherString text: String) { append { TextEscaping.cypher(text, into: &$0) } }
}

extension ByteBuffer {
  mutating func write(cypherString text: String) { append { TextEscaping.cypher(text, into: &$0) } }
}
