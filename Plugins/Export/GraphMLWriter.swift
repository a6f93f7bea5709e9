import QuarryCore
import QuarryModel

/// GraphML for yEd, Gephi, networkx and igraph: a typed `<key>` for every attribute,
/// nodes named `n0, n1, ...` with the entity's name under the `label` key (the key Gephi
/// shows) and its type under `type`; edges with their type as `label` and a `weight`.
/// GraphML has no list type: a list goes out as the text of a JSON array.
struct GraphMLWriter {
  let graph: PropertyGraph
  let schema: ExportSchema

  func write(to file: AtomicFile) throws {
    file.write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """ as StaticString)
    let nodeKeys =
      [("label", PropertyKind.string), ("type", .string)] + schema.nodeColumns.map { ($0.name, $0.kind) }
    let edgeKeys =
      [("label", PropertyKind.string), ("weight", .double)] + schema.edgeColumns.map { ($0.name, $0.kind) }
    for (index, (name, kind)) in nodeKeys.enumerated() { key("d\(index)", "node", name, kind, file) }
    for (index, (name, kind)) in edgeKeys.enumerated() { key("e\(index)", "edge", name, kind, file) }
    file.write("  <graph id=\"G\" edgedefault=\"")
    file.write(graph.isDirected ? "directed" : "undirected")
    file.write("\">\n")
    let (graph, schema) = (self.graph, self.schema)
    try file.write(items: graph.nodeCount) { node, out in
      out.write("    <node id=\"n")
      out.write(int: node)
      out.write("\"><data key=\"d0\">")
      out.write(xml: graph.nodeNames[node])
      out.write("</data><data key=\"d1\">")
      out.write(xml: graph.nodeLabels[node])
      out.write("</data>")
      for (index, column) in schema.nodeColumns.enumerated() {
        Self.data(prefix: "d", index + 2, column.value(node), column.kind, &out)
      }
      out.write("</node>\n")
    }
    // Edges need no id: readers number them, and it is a tenth of the file.
    let types = graph.typeNames.map { TextEscaping.bytes($0, TextEscaping.xml) }
    try file.write(items: graph.edgeCount) { edge, out in
      out.write("    <edge source=\"n")
      out.write(int: Int(graph.edgeSources[edge]))
      out.write("\" target=\"n")
      out.write(int: Int(graph.edgeTargets[edge]))
      out.write("\"><data key=\"e0\">")
      out.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      out.write("</data><data key=\"e1\">")
      XMLValue.double(graph.edgeWeights[edge], &out)
      out.write("</data>")
      for (index, column) in schema.edgeColumns.enumerated() {
        Self.data(prefix: "e", index + 2, column.value(edge), column.kind, &out)
      }
      out.write("</edge>\n")
    }
    file.write("  </graph>\n</graphml>\n")
  }

  private func key(
    _ id: String, _ domain: StaticString, _ name: String, _ kind: PropertyKind, _ file: AtomicFile
  ) {
    file.write("  <key id=\"")
    file.write(id)
    file.write("\" for=\"")
    file.write(domain)
    file.write("\" attr.name=\"")
    file.write(xml: name)
    file.write("\" attr.type=\"")
    switch kind {
    case .bool: file.write("boolean")
    case .int: file.write("long")
    case .double: file.write("double")
    case .string, .date, .list: file.write("string")
    }
    file.write("\"/>\n")
  }

  /// One `<data>` element; a null writes nothing, so readers see the attribute missing.
  @inline(__always)
  private static func data(
    prefix: StaticString, _ index: Int, _ value: Value, _ kind: PropertyKind, _ out: inout ByteBuffer
  ) {
    if value.isNull { return }
    out.write("<data key=\"")
    out.write(prefix)
    out.write(int: index)
    out.write("\">")
    XMLValue.write(value, kind, to: &out)
    out.write("</data>")
  }
}

/// A value as the text of a typed XML attribute (GraphML and GEXF share the rules).
enum XMLValue {
  static func write(_ value: Value, _ kind: PropertyKind, to out: inout ByteBuffer) {
    switch (kind, value) {
    case (.bool, .bool(let truth)): out.write(truth ? "true" : "false")
    case (.int, .int(let number)): out.write(int: number)
    case (.double, .float(let number)): double(number, &out)
    case (.double, .int(let number)): double(Double(number), &out)
    default: out.write(xml: ExportColumn.text(value))
    }
  }

  /// xs:double's spelling of infinities and NaN.
  static func double(_ number: Double, _ out: inout ByteBuffer) {
    if number.isNaN {
      out.write("NaN")
    } else if number.isInfinite {
      out.write(number < 0 ? "-INF" : "INF")
    } else {
      out.write(double: number)
    }
  }
}
