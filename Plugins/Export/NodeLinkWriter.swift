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
    // Each name's JSON text once, made by the node pass: edges repeat it.
    let (graph, schema) = (self.graph, self.schema)
    let names = SharedBuffer(repeating: [UInt8](), count: graph.nodeCount)
    try file.write(items: graph.nodeCount) { node, out in
      let name = NodeLinkWriter.encoded(graph.nodeNames[node])
      names[node] = name
      out.write(node == 0 ? "{\"id\": " : ",\n{\"id\": ")
      out.write(bytes: name)
      out.write(", \"type\": ")
      out.write(jsonString: graph.nodeLabels[node])
      for column in schema.nodeColumns { Self.member(column.name, column.value(node), &out) }
      out.write(byte: UInt8(ascii: "}"))
    }
    file.write("\n],\n\"edges\": [\n")
    let types = graph.typeNames.map(NodeLinkWriter.encoded)
    try file.write(items: graph.edgeCount) { edge, out in
      out.write(edge == 0 ? "{\"source\": " : ",\n{\"source\": ")
      out.write(bytes: names[Int(graph.edgeSources[edge])])
      out.write(", \"target\": ")
      out.write(bytes: names[Int(graph.edgeTargets[edge])])
      out.write(", \"type\": ")
      out.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      out.write(", \"weight\": ")
      NodeLinkWriter.write(.float(graph.edgeWeights[edge]), &out)
      for column in schema.edgeColumns { Self.member(column.name, column.value(edge), &out) }
      out.write(byte: UInt8(ascii: "}"))
    }
    file.write("\n]}\n")
  }

  private static func member(_ name: String, _ value: Value, _ out: inout ByteBuffer) {
    if value.isNull { return }
    out.write(", ")
    out.write(jsonString: name)
    out.write(": ")
    NodeLinkWriter.write(value, &out)
  }

  /// A value as JSON: numbers as numbers (a non-finite float as null, which JSON lacks),
  /// lists as arrays.
  static func write(_ value: Value, _ out: inout ByteBuffer) {
    switch value {
    case .int(let number): out.write(int: number)
    case .float(let number) where number.isFinite: out.write(double: number)
    case .float: out.write("null")
    case .string(let text): out.write(jsonString: text)
    case .date(let date): out.write(jsonString: date.description)
    case .list(let items):
      out.write(byte: UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.write(", ") }
        write(item, &out)
      }
      out.write(byte: UInt8(ascii: "]"))
    default: out.write(JSON.encode(value))
    }
  }

  static func encoded(_ text: String) -> [UInt8] { TextEscaping.bytes(text, TextEscaping.json) }
}
