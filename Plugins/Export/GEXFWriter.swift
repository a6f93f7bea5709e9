import QuarryCore
import QuarryModel

/// GEXF 1.2 for Gephi: typed attributes declared once, the entity's name as each node's
/// `label` and its type as the `type` attribute, the edge type as each edge's `label`.
/// Where dates exist the graph is dynamic: a node spans `first_seen` to `last_seen`, an
/// edge its `date`, each widened to whole days (a month from its first to its last day),
/// so Gephi's timeline can play the graph. Lists are `liststring` (`a|b`) unless an item
/// holds a `|`; then the column is the text of JSON arrays.
///
/// The namespace is `http://www.gexf.net/1.2`, the one the GEXF 1.2 schema requires.
struct GEXFWriter {
  let graph: PropertyGraph
  let schema: ExportSchema

  func write(to file: AtomicFile) throws {
    let nodeSpans = spans(
      start: column(schema.nodeColumns, ["first_seen", "start", "date"]),
      end: column(schema.nodeColumns, ["last_seen", "end", "date"]), count: graph.nodeCount)
    let edgeSpans = spans(
      start: column(schema.edgeColumns, ["start", "date"]), end: column(schema.edgeColumns, ["end", "date"]),
      count: graph.edgeCount)
    let dynamic = nodeSpans != nil || edgeSpans != nil
    file.write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://www.gexf.net/1.2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://www.gexf.net/1.2 http://www.gexf.net/1.2/gexf.xsd" version="1.2">
        <meta><creator>Quarry \(QuarryVersion.current)</creator><description>
      """)
    file.write(xml: graph.kind)
    file.write(" graph</description></meta>\n  <graph defaultedgetype=\"")
    file.write(graph.isDirected ? "directed" : "undirected")
    file.write(dynamic ? "\" mode=\"dynamic\" timeformat=\"date\">\n" : "\" mode=\"static\">\n")
    let nodeLists = [false] + schema.nodeColumns.map(Self.listsAsItems)
    let edgeLists = schema.edgeColumns.map(Self.listsAsItems)
    declare("node", [("type", .string)] + schema.nodeColumns.map { ($0.name, $0.kind) }, nodeLists, file)
    declare("edge", schema.edgeColumns.map { ($0.name, $0.kind) }, edgeLists, file)
    file.write("    <nodes count=\"")
    file.write(int: graph.nodeCount)
    file.write("\">\n")
    let (graph, schema) = (self.graph, self.schema)
    try file.write(items: graph.nodeCount) { node, out in
      out.write("      <node id=\"")
      out.write(int: node)
      out.write("\" label=\"")
      out.write(xml: graph.nodeNames[node])
      out.write("\"")
      if let span = nodeSpans?[node] { Self.write(span, &out) }
      out.write("><attvalues>")
      Self.attvalue(0, .string(graph.nodeLabels[node]), .string, lists: false, &out)
      for (index, column) in schema.nodeColumns.enumerated() {
        Self.attvalue(index + 1, column.value(node), column.kind, lists: nodeLists[index + 1], &out)
      }
      out.write("</attvalues></node>\n")
    }
    file.write("    </nodes>\n    <edges count=\"")
    file.write(int: graph.edgeCount)
    file.write("\">\n")
    let types = graph.typeNames.map { TextEscaping.bytes($0, TextEscaping.xml) }
    try file.write(items: graph.edgeCount) { edge, out in
      out.write("      <edge id=\"")
      out.write(int: edge)
      out.write("\" source=\"")
      out.write(int: Int(graph.edgeSources[edge]))
      out.write("\" target=\"")
      out.write(int: Int(graph.edgeTargets[edge]))
      out.write("\" label=\"")
      out.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      out.write("\" weight=\"")
      XMLValue.double(graph.edgeWeights[edge], &out)
      out.write("\"")
      if let span = edgeSpans?[edge] { Self.write(span, &out) }
      if schema.edgeColumns.isEmpty {
        out.write("/>\n")
        return
      }
      out.write("><attvalues>")
      for (index, column) in schema.edgeColumns.enumerated() {
        Self.attvalue(index, column.value(edge), column.kind, lists: edgeLists[index], &out)
      }
      out.write("</attvalues></edge>\n")
    }
    file.write("    </edges>\n  </graph>\n</gexf>\n")
  }

  private func column(_ columns: [ExportColumn], _ names: [String]) -> ExportColumn? {
    for name in names { if let found = columns.first(where: { $0.name == name }) { return found } }
    return nil
  }

  /// Each item's days, or nil when no item has a date.
  private func spans(start: ExportColumn?, end: ExportColumn?, count: Int) -> [Span?]? {
    guard start != nil || end != nil else { return nil }
    func day(_ value: Value) -> (start: String, end: String)? {
      switch value {
      case .date(let date): DateSpan.of(date.description)
      case .string(let text): DateSpan.of(text)
      default: nil
      }
    }
    var any = false
    let spans: [Span?] = (0..<count).map { index in
      let first = start.flatMap { day($0.value(index)) }
      let last = end.flatMap { day($0.value(index)) }
      guard let from = first?.start ?? last?.start, let to = last?.end ?? first?.end else { return nil }
      any = true
      return Span(start: from, end: max(from, to))
    }
    return any ? spans : nil
  }

  /// The days an item is on the timeline.
  struct Span: Sendable {
    let start: String
    let end: String
  }

  private static func write(_ span: Span, _ out: inout ByteBuffer) {
    out.write(" start=\"")
    out.write(span.start)
    out.write("\" end=\"")
    out.write(span.end)
    out.write("\"")
  }

  /// Whether a list column can be `liststring`: no item holds the separator.
  private static func listsAsItems(_ column: ExportColumn) -> Bool {
    column.kind == .list
      && !column.values.contains { value in
        value.listElements?.contains { ExportColumn.text($0).contains("|") } ?? false
      }
  }

  private func declare(
    _ domain: StaticString, _ attributes: [(String, PropertyKind)], _ lists: [Bool], _ file: AtomicFile
  ) {
    guard !attributes.isEmpty else { return }
    file.write("    <attributes class=\"")
    file.write(domain)
    file.write("\" mode=\"static\">\n")
    for (index, (name, kind)) in attributes.enumerated() {
      file.write("      <attribute id=\"")
      file.write(int: index)
      file.write("\" title=\"")
      file.write(xml: name)
      file.write("\" type=\"")
      switch kind {
      case .bool: file.write("boolean")
      case .int: file.write("long")
      case .double: file.write("double")
      case .list where lists[index]: file.write("liststring")
      case .string, .date, .list: file.write("string")
      }
      file.write("\"/>\n")
    }
    file.write("    </attributes>\n")
  }

  private static func attvalue(
    _ index: Int, _ value: Value, _ kind: PropertyKind, lists: Bool, _ out: inout ByteBuffer
  ) {
    if value.isNull { return }
    out.write("<attvalue for=\"")
    out.write(int: index)
    out.write("\" value=\"")
    if lists, let items = value.listElements {
      out.write(xml: items.map(ExportColumn.text).joined(separator: "|"))
    } else {
      XMLValue.write(value, kind, to: &out)
    }
    out.write("\"/>")
  }
}
