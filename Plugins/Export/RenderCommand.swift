import QuarryCore
import QuarryModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `render PATH.svg|png|pdf`: a picture of the graph, drawn by Graphviz.
struct RenderCommand: Command {
  let signature = Signature(
    "render", abstract: "Draw the graph as an SVG, PNG or PDF picture with Graphviz",
    discussion: """
      Nodes are coloured by type, with a legend, and sized by --size: degree, or a number
      property such as pagerank (after `graph pagerank --write`); pagerank is the default
      when the graph has it. Edges are labelled with their type. A graph larger than
      --max-nodes (default 150) is cut to its most central nodes by the same measure, so
      the picture stays legible. --layout picks Graphviz's program: dot (layered; the
      default up to 60 nodes), sfdp (force-directed; the default above), neato, fdp, circo
      or twopi. Needs Graphviz installed; without it, says how to install it.
      """,
    parameters: [Parameter("path", .path, help: "the picture to write: .svg, .png or .pdf")],
    flags: [
      Flag(
        "layout", short: "l", .string, help: "Graphviz's layout program",
        completion: .values(Graphviz.layouts)),
      Flag(
        "max-nodes", short: "n", .int, help: "draw at most this many nodes, the most central (default 150)"),
      Flag("size", short: "s", .string, help: "what sizes nodes: degree or a number property"),
      Flag("force", short: "f", help: "replace a file that exists"),
    ],
    input: .any, output: .record,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; render graph.svg", "a picture of the sample's graph"),
      Example(
        "ingest Scripts/corpus; extract; graph build; graph pagerank --write; render graph.png --max-nodes 20",
        "the 20 nodes with the highest PageRank"),
    ])

  static let formats = ["svg", "png", "pdf"]

  func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("path") ?? "")
    let format = String(path.split(separator: "/").last?.split(separator: ".").last ?? "").lowercased()
    guard path.contains("."), Self.formats.contains(format) else {
      throw invocation.error(
        "cannot tell the picture's format from '\(path)'", at: "path",
        help: "end the name with .svg, .png or .pdf")
    }
    let graph = try CurrentGraph.working(invocation)
    let limit = invocation.int("max-nodes") ?? 150
    guard limit > 0 else { throw invocation.error("--max-nodes must be at least 1", at: "max-nodes") }
    if graph.nodeCount == 0 { invocation.session.warn("the graph has no nodes: the picture is empty") }
    let (measure, measureName) = try Self.measure(invocation, graph)
    let nodes = Self.mostCentral(graph, measure: measure, limit: limit)
    if nodes.count < graph.nodeCount {
      invocation.session.warn(
        "drawing the \(nodes.count) nodes of \(graph.nodeCount) with the highest \(measureName) "
          + "(--max-nodes \(limit))")
    }
    let layout = invocation.string("layout") ?? (nodes.count <= 60 ? "dot" : "sfdp")
    guard Graphviz.layouts.contains(layout) else {
      throw invocation.error(
        "unknown layout '\(layout)'", at: "layout",
        help: "the layouts are " + Graphviz.layouts.joined(separator: ", "))
    }
    guard let program = Graphviz.find(layout) else {
      throw invocation.error("Graphviz's \(layout) is not installed", at: "path", help: Graphviz.installHelp)
    }
    do {
      let picture = try AtomicFile(path: path, replacing: invocation.isSet("force"))
      let dotPath = "/tmp/quarry-render-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).dot"
      let dot = try AtomicFile(path: dotPath, replacing: true)
      defer { unlink(dotPath) }
      let style = PictureStyle(
        graph: graph, nodes: nodes, measure: measure, measureName: measureName, layout: layout)
      try DOTWriter(graph: graph, schema: try ExportSchema(graph, only: []), style: style, nodes: nodes)
        .write(to: dot)
      try dot.commit()
      try Graphviz.run(program, format: format, input: dotPath, output: picture.handOver())
      try picture.commit()
    } catch let error as ExportError {
      throw invocation.error(error.description, at: "path", help: error.help)
    }
    return .record(
      Record([
        "path": .string(path), "format": .string(format), "layout": .string(layout),
        "nodes": .int(nodes.count),
        "of": .int(graph.nodeCount),
      ]))
  }

  /// Each node's size measure: --size, else pagerank where written, else degree.
  static func measure(_ invocation: Invocation, _ graph: PropertyGraph) throws -> ([Double], String) {
    let name =
      invocation.string("size") ?? (graph.nodeProperties.column("pagerank") != nil ? "pagerank" : "degree")
    if name == "degree" {
      return (
        (0..<graph.nodeCount).map {
          Double(graph.outgoing(Int32($0)).count + graph.incoming(Int32($0)).count)
        }, name
      )
    }
    guard let column = graph.nodeProperties.column(name) else {
      let names = ["degree"] + graph.nodeProperties.names
      let nearest = Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
      throw invocation.error(
        "the graph has no property '\(name)' to size nodes by", at: "size",
        help: nearest + "sizes: " + names.joined(separator: ", ")
          + (name == "pagerank" ? "; run `graph pagerank --write` first" : ""))
    }
    let values = (0..<graph.nodeCount).map { $0 < column.count ? column[$0].doubleValue ?? .nan : .nan }
    guard values.contains(where: \.isFinite) || graph.nodeCount == 0 else {
      throw invocation.error("'\(name)' holds no numbers to size nodes by", at: "size")
    }
    return (values, name)
  }

  /// The `limit` nodes with the highest measure, in node order; ties go to the lower number.
  static func mostCentral(_ graph: PropertyGraph, measure: [Double], limit: Int) -> [Int32] {
    guard graph.nodeCount > limit else { return (0..<Int32(graph.nodeCount)).map { $0 } }
    let ranked = (0..<graph.nodeCount).sorted {
      let (a, b) = (
        measure[$0].isFinite ? measure[$0] : -.infinity, measure[$1].isFinite ? measure[$1] : -.infinity
      )
      return a != b ? a > b : $0 < $1
    }
    return ranked.prefix(limit).sorted().map { Int32($0) }
  }
}
