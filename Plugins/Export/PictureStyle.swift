import QuarryCore
import QuarryModel

/// How `render` draws a graph: a colour for each node type with a legend of them, node
/// sizes from a measure (degree, or a property such as `pagerank`), and edge labels from
/// the edge types.
struct PictureStyle: Sendable {
  /// The types in the picture, most frequent first, each with its colour.
  let colours: [(type: String, colour: String)]
  /// Each node's scale from 0 (smallest) to 1 (largest), by the size measure.
  let scales: [Double]
  let layout: String
  let title: String

  /// Colours from ColorBrewer's Set3 and Paired palettes, which stay readable with black
  /// labels; the common types keep the same colour from picture to picture.
  static let palette = [
    "#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69", "#fccde5", "#ffffb3", "#bc80bd",
    "#ccebc5", "#ffed6f", "#a6cee3", "#b2df8a", "#fb9a99", "#cab2d6", "#d9d9d9",
  ]
  static let fixed: [String: String] = [
    "PERSON": "#8dd3c7", "ORG": "#fdb462", "GPE": "#bebada", "LOC": "#b3de69", "NORP": "#fccde5",
    "TITLE": "#ffffb3", "DATE": "#d9d9d9", "EVENT": "#fb8072", "DOCUMENT": "#80b1d3", "MISC": "#ccebc5",
  ]

  init(graph: PropertyGraph, nodes: [Int32], measure: [Double], measureName: String, layout: String) {
    var counts: [String: Int] = [:]
    for node in nodes { counts[graph.nodeLabels[Int(node)], default: 0] += 1 }
    let types = counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }
    // Types with a colour of their own keep it; the others take the palette's colours
    // that no type in the picture has.
    var used = Set(types.compactMap { Self.fixed[$0] })
    colours = types.map { type in
      if let colour = Self.fixed[type] { return (type, colour) }
      let colour = Self.palette.first { !used.contains($0) } ?? "#d9d9d9"
      used.insert(colour)
      return (type, colour)
    }
    let values = nodes.map { measure[Int($0)] }.filter(\.isFinite)
    let (low, high) = (values.min() ?? 0, values.max() ?? 0)
    var scales = [Double](repeating: 0, count: graph.nodeCount)
    for node in nodes {
      let value = measure[Int(node)]
      scales[Int(node)] = high > low && value.isFinite ? ((value - low) / (high - low)).squareRoot() : 0.5
    }
    self.scales = scales
    self.layout = layout
    self.title = "\(graph.kind) graph: \(nodes.count) of \(graph.nodeCount) nodes, sized by \(measureName)"
  }

  func colour(of type: String) -> String { colours.first { $0.type == type }?.colour ?? "#d9d9d9" }

  /// The graph's attributes, with the title and the legend (a swatch per type) as an
  /// HTML-like label, which every layout places, unlike a cluster.
  func writeHeader(to file: AtomicFile) {
    file.write("  graph [fontname=\"Helvetica\", fontsize=11, labelloc=b, labeljust=l, label=<")
    file.write(
      "<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"3\"><tr><td colspan=\"2\" border=\"0\">"
    )
    file.write(xml: title)
    file.write("</td></tr>")
    for entry in colours {
      file.write("<tr><td bgcolor=\"")
      file.write(entry.colour)
      file.write("\" width=\"14\" height=\"10\" fixedsize=\"true\"></td><td border=\"0\" align=\"left\">")
      file.write(xml: entry.type)
      file.write("</td></tr>")
    }
    file.write("</table>>")
    switch layout {
    case "dot": file.write(", rankdir=LR, nodesep=0.3, ranksep=0.6")
    case "sfdp", "fdp", "neato":
      file.write(", overlap=prism, overlap_scaling=2, splines=true, outputorder=edgesfirst")
    default: file.write(", overlap=false")
    }
    file.write("];\n")
    file.write("  node [shape=ellipse, style=filled, fontname=\"Helvetica\", color=\"#555555\"];\n")
    file.write("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#777777\", fontcolor=\"#444444\"];\n")
  }

  func writeNode(_ node: Int, label: String, to out: inout ByteBuffer) {
    let scale = scales[node]
    out.write(", fillcolor=\"")
    out.write(colour(of: label))
    out.write("\", fontsize=")
    out.write(int: 9 + Int((scale * 9).rounded()))
    out.write(", width=")
    out.write(String(Double(Int((0.4 + scale * 1.2) * 100)) / 100))
    out.write(", tooltip=")
    out.write(dotLabel: label)
  }

}
