import QuarryCore
import QuarryModel

/// The DOT language for Graphviz. Nodes are `n0, n1, ...` so no name can break the
/// syntax; the name is the node's `label`, the entity type its `type` attribute, and
/// properties further attributes. `style` adds what `render` draws with: colours, sizes,
/// edge labels and a legend.
struct DOTWriter {
  let graph: PropertyGraph
  let schema: ExportSchema
  var style: PictureStyle?
  /// The nodes to write (nil: all); edges are those between them.
  var nodes: [Int32]?

  func write(to file: AtomicFile) throws {
    file.write(graph.isDirected ? "digraph G {\n" : "graph G {\n")
    let arrow: StaticString = graph.isDirected ? " -> " : " -- "
    if let style { style.writeHeader(to: file) }
    let kept = nodes ?? (0..<Int32(graph.nodeCount)).map { $0 }
    var included = nodes == nil ? [] : [Bool](repeating: false, count: graph.nodeCount)
    for node in nodes ?? [] { included[Int(node)] = true }
    let (graph, schema, style) = (self.graph, self.schema, self.style)
    try file.write(items: kept.count) { item, out in
      let index = Int(kept[item])
      out.write("  n")
      out.write(int: index)
      out.write(" [label=")
      out.write(dotLabel: graph.nodeNames[index])
      out.write(", type=")
      out.write(dotString: graph.nodeLabels[index])
      if let style { style.writeNode(index, label: graph.nodeLabels[index], to: &out) }
      for column in schema.nodeColumns { Self.attribute(column.name, column.value(index), &out) }
      out.write("];\n")
    }
    let types = graph.typeNames.map {
      TextEscaping.bytes($0) { TextEscaping.dot($0, label: true, into: &$1) }
    }
    try file.write(items: graph.edgeCount) { [included] edge, out in
      let (source, target) = (Int(graph.edgeSources[edge]), Int(graph.edgeTargets[edge]))
      if !included.isEmpty && !(included[source] && included[target]) { return }
      out.write("  n")
      out.write(int: source)
      out.write(arrow)
      out.write("n")
      out.write(int: target)
      out.write(" [label=")
      out.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      out.write(", weight=")
      // Graphviz's own `weight` must be a non-negative number (an integer for `dot`).
      let weight = graph.edgeWeights[edge]
      if style != nil {
        out.write(int: weight.isFinite ? max(1, Int(weight.rounded())) : 1)
        out.write(", quarry_weight=")
      }
      out.write(byte: UInt8(ascii: "\""))
      out.write(double: weight)
      out.write(byte: UInt8(ascii: "\""))
      for column in schema.edgeColumns { Self.attribute(column.name, column.value(edge), &out) }
      out.write("];\n")
    }
    file.write("}\n")
  }

  private static func attribute(_ name: String, _ value: Value, _ out: inout ByteBuffer) {
    if value.isNull { return }
    out.write(", ")
    out.write(dotString: name)
    out.write(byte: UInt8(ascii: "="))
    out.write(dotString: ExportColumn.text(value))
  }
}

extension TextEscaping {
  /// A DOT double-quoted string. Inside one, Graphviz treats `\"` as a quote and keeps
  /// every other backslash; `\\` keeps a final backslash from escaping the closing quote.
  /// Line breaks become `\n` (a line break in a label), and U+0000, the other controls
  /// and U+FFFE/U+FFFF, which Graphviz's C strings and its SVG output cannot carry,
  /// become U+FFFD.
  ///
  /// - Parameter label: also escape `&` as `&amp;`: in a label Graphviz reads entities,
  ///   so a name holding `&amp;` would otherwise be drawn as `&`.
  static func dot(_ text: String, label: Bool, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    substituting(text, into: &output) { bytes, index in
      switch bytes[index] {
      case UInt8(ascii: "\""): ("\\\"", 0)
      case UInt8(ascii: "\\"): ("\\\\", 0)
      case UInt8(ascii: "&") where label: ("&amp;", 0)
      case 0x0A: ("\\n", 0)
      case 0x0D: ("\\r", 0)
      case 0x09: nil
      case 0x00...0x1F, 0x7F: ("\u{FFFD}", 0)
      case _ where endsNoncharacter(bytes, index): ("\u{FFFD}", 2)
      default: nil
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

extension AtomicFile {
  func write(dotString text: String) { append { TextEscaping.dot(text, label: false, into: &$0) } }
  func write(dotLabel text: String) { append { TextEscaping.dot(text, label: true, into: &$0) } }
}

extension ByteBuffer {
  mutating func write(dotString text: String) { append { TextEscaping.dot(text, label: false, into: &$0) } }
  mutating func write(dotLabel text: String) { append { TextEscaping.dot(text, label: true, into: &$0) } }
}
