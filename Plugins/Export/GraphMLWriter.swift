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
    for node in 0..<graph.nodeCount {
      if node & 0xFFFF == 0 { try Interrupt.check() }
      file.write("    <node id=\"n")
      file.write(int: node)
      file.write("\"><data key=\"d0\">")
      file.write(xml: graph.nodeNames[node])
      file.write("</data><data key=\"d1\">")
      file.write(xml: graph.nodeLabels[node])
      file.write("</data>")
      for (index, column) in schema.nodeColumns.enumerated() {
        data(prefix: "d", index + 2, column.value(node), column.kind, file)
      }
      file.write("</node>\n")
    }
    let types = graph.typeNames
    for edge in 0..<graph.edgeCount {
      if edge & 0xFFFF == 0 { try Interrupt.check() }
      file.write("    <edge id=\"e")
      file.write(int: edge)
      file.write("\" source=\"n")
      file.write(int: Int(graph.edgeSources[edge]))
      file.write("\" target=\"n")
      file.write(int: Int(graph.edgeTargets[edge]))
      file.write("\"><data key=\"e0\">")
      file.write(xml: types[Int(graph.edgeTypeCodes[edge])])
      file.write("</data>")
      data(prefix: "e", 1, .float(graph.edgeWeights[edge]), .double, file)
      for (index, column) in schema.edgeColumns.enumerated() {
        data(prefix: "e", index + 2, column.value(edge), column.kind, file)
      }
      file.write("</edge>\n")
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
  private func data(
    prefix: StaticString, _ index: Int, _ value: Value, _ kind: PropertyKind, _ file: AtomicFile
  ) {
    if value.isNull { return }
    file.write("<data key=\"")
    file.write(prefix)
    file.write(int: index)
    file.write("\">")
    XMLValue.write(value, kind, to: file)
    file.write("</data>")
  }
}

/// A value as the text of a typed XML attribute (GraphML and GEXF share the rules).
enum XMLValue {
  static func write(_ value: Value, _ kind: PropertyKind, to file: AtomicFile) {
    switch (kind, value) {
    case (.bool, .bool(let truth)): file.write(truth ? "true" : "false")
    case (.int, .int(let number)): file.write(int: number)
    case (.double, .float(let number)): double(number, file)
    case (.double, .int(let number)): double(Double(number), file)
    default: file.write(xml: ExportColumn.text(value))
    }
  }

  /// xs:double's spelling of infinities and NaN.
  static func double(_ number: Double, _ file: AtomicFile) {
    if number.isNaN {
      file.write("NaN")
    } else if number.isInfinite {
      file.write(number < 0 ? "-INF" : "INF")
    } else {
      file.write(double: number)
    }
  }
}
