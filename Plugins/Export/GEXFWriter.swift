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
    let nodeTypes = [PropertyKind.string] + schema.nodeColumns.map(\.kind)
    let nodeLists = [false] + schema.nodeColumns.map(Self.listsAsItems)
    let edgeLists = schema.edgeColumns.map(Self.listsAsItems)
    declare("node", [("type", .string)] + schema.nodeColumns.map { ($0.name, $0.kind) }, nodeLists, file)
    declare("edge", schema.edgeColumns.map { ($0.name, $0.kind) }, edgeLists, file)
    file.write("    <nodes count=\"")
    file.write(int: graph.nodeCount)
    file.write("\">\n")
    for node in 0..<graph.nodeCount {
      if node & 0xFFFF == 0 { try Interrupt.check() }
      file.write("      <node id=\"")
      file.write(int: node)
      file.write("\" label=\"")
      file.write(xml: graph.nodeNames[node])
      file.write("\"")
      if let span = nodeSpans?[node] { write(span, file) }
      file.write("><attvalues>")
      attvalue(0, .string(graph.nodeLabels[node]), nodeTypes[0], lists: false, file)
      for (index, column) in schema.nodeColumns.enumerated() {
        attvalue(index + 1, column.value(node), column.kind, lists: nodeLists[index + 1], file)
      }
      file.write("</attvalues></node>\n")
    }
    file.write("    </nodes>\n    <edges count=\"")
    file.write(int: graph.edgeCount)
    file.write("\">\n")
    let types = graph.typeNames
    for edge in 0..<graph.edgeCount {
      if edge & 0xFFFF == 0 { try Interrupt.check() }
      file.write("      <edge id=\"")
      file.write(int: edge)
      file.write("\" source=\"")
      file.write(int: Int(graph.edgeSources[edge]))
      file.write("\" target=\"")
      file.write(int: Int(graph.edgeTargets[edge]))
      file.write("\" label=\"")
      file.write(xml: types[Int(graph.edgeTypeCodes[edge])])
      file.write("\" weight=\"")
      XMLValue.double(graph.edgeWeights[edge], file)
      file.write("\"")
      if let span = edgeSpans?[edge] { write(span, file) }
      if schema.edgeColumns.isEmpty {
        file.write("/>\n")
        continue
      }
      file.write("><attvalues>")
      for (index, column) in schema.edgeColumns.enumerated() {
        attvalue(index, column.value(edge), column.kind, lists: edgeLists[index], file)
      }
      file.write("</attvalues></edge>\n")
    }
    file.write("    </edges>\n  </graph>\n</gexf>\n")
  }

  private func column(_ columns: [ExportColumn], _ names: [String]) -> ExportColumn? {
    for name in names { if let found = columns.first(where: { $0.name == name }) { return found } }
    return nil
  }

  /// Each item's days, or nil when no item has a date.
  private func spans(start: ExportColumn?, end: ExportColumn?, count: Int) -> [(String, String)?]? {
    guard start != nil || end != nil else { return nil }
    func day(_ value: Value) -> (start: String, end: String)? {
      switch value {
      case .date(let date): DateSpan.of(date.description)
      case .string(let text): DateSpan.of(text)
      default: nil
      }
    }
    var any = false
    let spans: [(String, String)?] = (0..<count).map { index in
      let first = start.flatMap { day($0.value(index)) }
      let last = end.flatMap { day($0.value(index)) }
      guard let from = first?.start ?? last?.start, let to = last?.end ?? first?.end else { return nil }
      any = true
      return (from, max(from, to))
    }
    return any ? spans : nil
  }

  private func write(_ span: (String, String), _ file: AtomicFile) {
    file.write(" start=\"")
    file.write(span.0)
    file.write("\" end=\"")
    file.write(span.1)
    file.write("\"")
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

  private func attvalue(_ index: Int, _ value: Value, _ kind: PropertyKind, lists: Bool, _ file: AtomicFile) {
    if value.isNull { return }
    file.write("<attvalue for=\"")
    file.write(int: index)
    file.write("\" value=\"")
    if lists, let items = value.listElements {
      file.write(xml: items.map(ExportColumn.text).joined(separator: "|"))
    } else {
      XMLValue.write(value, kind, to: file)
    }
    file.write("\"/>")
  }
}
