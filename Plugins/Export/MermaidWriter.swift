import QuarryCore
import QuarryModel

/// A Mermaid flowchart, for a Markdown page: nodes `n0, n1, ...` with the name as a
/// quoted label, edges labelled with their type, a class (and colour) per node type.
/// Text goes inside quotes with Mermaid's entity codes (`#quot;`, `#35;`) for every
/// character but letters, digits and plain punctuation, so no name can end a label,
/// start a comment or a link, or inject HTML.
struct MermaidWriter {
  let graph: PropertyGraph
  /// The nodes to write (nil: all); edges are those between them.
  var nodes: [Int32]?

  func write(to file: AtomicFile) throws {
    file.write("flowchart LR\n")
    let kept = nodes ?? (0..<Int32(graph.nodeCount)).map { $0 }
    var included = [Bool](repeating: nodes == nil, count: graph.nodeCount)
    var classes: [String: Int] = [:]
    var classOrder: [String] = []
    for node in kept {
      let index = Int(node)
      included[index] = true
      if index & 0xFFFF == 0 { try Interrupt.check() }
      let label = graph.nodeLabels[index]
      if classes[label] == nil {
        classes[label] = classOrder.count
        classOrder.append(label)
      }
      file.write("  n")
      file.write(int: index)
      file.write("[")
      file.write(mermaidText: graph.nodeNames[index])
      file.write("]:::t")
      file.write(int: classes[label]!)
      file.write("\n")
    }
    let types = graph.typeNames.map { TextEscaping.bytes($0, TextEscaping.mermaid) }
    let arrow: StaticString = graph.isDirected ? " -->|" : " ---|"
    for edge in 0..<graph.edgeCount {
      if edge & 0xFFFF == 0 { try Interrupt.check() }
      let (source, target) = (Int(graph.edgeSources[edge]), Int(graph.edgeTargets[edge]))
      guard included[source] && included[target] else { continue }
      file.write("  n")
      file.write(int: source)
      file.write(arrow)
      file.write(bytes: types[Int(graph.edgeTypeCodes[edge])])
      file.write("| n")
      file.write(int: target)
      file.write("\n")
    }
    for (index, label) in classOrder.enumerated() {
      file.write("  classDef t")
      file.write(int: index)
      file.write(" fill:")
      file.write(PictureStyle.fixed[label] ?? PictureStyle.palette[index % PictureStyle.palette.count])
      file.write(",stroke:#555555\n")
    }
  }
}

extension TextEscaping {
  /// A quoted Mermaid label. Letters (any script), digits, inner spaces and `.,:_'()/?!-`
  /// pass; everything else is an entity code `#NNN;`, which Mermaid turns into the
  /// character when it draws. Controls other than tab and line breaks, and
  /// noncharacters such as U+FFFE, which no page can hold, become U+FFFD. An empty text
  /// is a zero-width space (`#8203;`), since Mermaid refuses an empty label.
  static func mermaid(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    // Mermaid refuses an empty label; a zero-width space draws as nothing.
    if text.isEmpty { append("#8203;", to: &output) }
    let scalars = text.unicodeScalars
    let last = scalars.count - 1
    for (offset, scalar) in zip(0..., scalars) {
      let value = scalar.value
      // Mermaid trims a label: a space at either end goes as a code.
      let atAnEnd = offset == 0 || offset == last
      let plain =
        (value >= 0x80 && !scalar.properties.isNoncharacterCodePoint && !scalar.properties.isWhitespace
          && scalar.properties.generalCategory != .format
          && scalar.properties.generalCategory != .control)
        || (scalar.properties.isAlphabetic && value < 0x80) || (0x30...0x39).contains(value)
        || ".,:_'()/?!-".unicodeScalars.contains(scalar) || (value == 0x20 && !atAnEnd)
      if plain {
        output.append(contentsOf: String(scalar).utf8)
      } else if scalar.properties.isNoncharacterCodePoint
        || (scalar.properties.generalCategory == .control && value != 0x09 && value != 0x0A && value != 0x0D)
      {
        append("\u{FFFD}", to: &output)
      } else {
        output.append(UInt8(ascii: "#"))
        output.append(contentsOf: String(value).utf8)
        output.append(UInt8(ascii: ";"))
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

extension AtomicFile {
  func write(mermaidText text: String) { append { TextEscaping.mermaid(text, into: &$0) } }
}

extension ByteBuffer {
  mutating func write(mermaidText text: String) { append { TextEscaping.mermaid(text, into: &$0) } }
}
