import QuarryCore
import QuarryModel

/// Node-link JSON, as networkx's `node_link_graph` reads it by default (3.6: the edges
/// under `edges`) and as d3's force layout takes it (`forceLink(data.edges).id(d =>
/// d.id)`): each node's `id` is its name, with its `type` and properties; each edge
/// names its `source` and `target`, with its `type`, `weight` and properties.
struct NodeLinkWriter {
  let graph: PropertyGraph
  let schema: ExportSchema

  func write(to file: AtomicFile) throws {
    file.write("{\"directed\": ")
    file.write(graph.isDirected ? "true" : "false")
    file.write(", \"multigraph\": true, \"graph\": {\"kind\": ")
    file.write(jsonString: graph.kind)
    file.write("},\n\"nodes\": [\n")
    // Each name's JSON text once: edges repeat it.
    var names: [[UInt8]] = []
    names.reserveCapacity(graph.nodeCount)
    for node in 0..<graph.nodeCount {
      if node & 0xFFFF == 0 { try Interrupt.check() }
      let name = NodeLinkWriter.encoded(graph.nodeNames[node])
      names.append(name)
      file.write(node == 0 ? "{\"id\": " : ",\n{\"id\": ")
      file.write(bytes: name)
      file.write(", \"type\": ")
      file.write(jsonString: graph.nodeLabels[node])
      for column in schema.nodeColumns { member(column.name, column.value(node), file) }
      file.write(byte: UInt8(ascii: "}"))
    }
    file.write("\n],\n\"edges\": [\n")
    let types = graph.typeNames.map(NodeLinkWriter.encoded)
    for edge in 0..<graph.edgeCount {
      if edge & 0xFFFF == 0 { try Interrupt.check() }
      file.write(edge == 0 ? "{\"source\": " : ",\n{\"source\": ")
      file.write(bytes: names[Int(graph.edgeSources[edge])])
      file.write(", \"target\": ")
      file.write(bytes: names[Int(graph.edgeTargets[edge])])
      file.write(", \"type\": ")
      file.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      file.write(", \"weight\": ")
      NodeLinkWriter.write(.float(graph.edgeWeights[edge]), file)
      for column in schema.edgeColumns { member(column.name, column.value(edge), file) }
      file.write(byte: UInt8(ascii: "}"))
    }
    file.write("\n]}\n")
  }

  private func member(_ name: String, _ value: Value, _ file: AtomicFile) {
    if value.isNull { return }
    file.write(", ")
    file.write(jsonString: name)
    file.write(": ")
    NodeLinkWriter.write(value, file)
  }

  /// A value as JSON: numbers as numbers (a non-finite float as null, which JSON lacks),
  /// lists as arrays.
  static func write(_ value: Value, _ file: AtomicFile) {
    switch value {
    case .int(let number): file.write(int: number)
    case .float(let number) where number.isFinite: file.write(double: number)
    case .float: file.write("null")
    case .string(let text): file.write(jsonString: text)
    case .date(let date): file.write(jsonString: date.description)
    case .list(let items):
      file.write(byte: UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { file.write(", ") }
        write(item, file)
      }
      file.write(byte: UInt8(ascii: "]"))
    default: file.write(JSON.encode(value))
    }
  }

  static func encoded(_ text: String) -> [UInt8] { TextEscaping.bytes(text, TextEscaping.json) }
}
