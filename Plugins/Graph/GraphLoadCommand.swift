import QuarryCore
import QuarryModel

/// `graph load PATH`: a graph made elsewhere, which becomes the current graph.
struct GraphLoadCommand: Command {
  let signature = Signature(
    "graph load", abstract: "Read a graph from a file: an edge list, node-link JSON or GraphML",
    discussion: """
      The format comes from the extension (.csv, .tsv, .txt, .edgelist, .edges: an edge
      list; .json: node-link; .graphml, .xml: GraphML) or --format. An edge list has one
      edge a line, `source,target[,weight][,type]`, or a header naming its columns (extra
      columns become edge properties); --nodes adds a node file with `id`, `label` and
      property columns. Node-link JSON and GraphML say whether they are directed; an edge
      list is directed unless --undirected. Every query and analytic works on the result,
      which becomes the current graph and is the command's value.
      """,
    parameters: [Parameter("path", .path, help: "the graph file")],
    flags: [
      Flag("nodes", short: "n", .path, help: "an edge list's node file (CSV or TSV with an id column)"),
      Flag(
        "format", short: "f", .string, help: "edges, json or graphml, when the extension does not say",
        completion: .values(["edges", "json", "graphml"])),
      Flag("undirected", short: "u", help: "the edges have no direction"),
      Flag("directed", help: "the edges have a direction, whatever the file says"),
      Flag("label", .string, help: "the label of nodes the file gives none (default NODE)"),
    ],
    input: .none, output: .graph,
    examples: [
      Example("graph load edges.tsv --undirected | graph stats", "an undirected edge list's shape"),
      Example(
        "graph load network.graphml; graph pagerank | sort pagerank --desc | first 10", "who is central"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("path") ?? "")
    let format = try Self.format(invocation, path: path)
    if invocation.isSet("undirected") && invocation.isSet("directed") {
      throw invocation.error("choose one of --directed and --undirected", at: "directed")
    }
    if invocation.has("nodes") && format != "edges" {
      throw invocation.error("--nodes goes with an edge list; \(format) files hold their nodes", at: "nodes")
    }
    let label = invocation.string("label") ?? "NODE"
    func bytes(_ file: String, _ argument: String) throws -> [UInt8] {
      do {
        return try FilePaths.readBytes(file)
      } catch {
        throw invocation.error("cannot read '\(file)': \(error)", at: argument)
      }
    }
    let content = try bytes(path, "path")
    var builder = PropertyGraph.Builder()
    var saysDirected: Bool?
    var file = path
    do {
      switch format {
      case "edges":
        if let nodes = invocation.string("nodes") {
          // A problem in the node file names that file.
          file = FilePaths.expandingTilde(nodes)
          try EdgeListReader(defaultLabel: label).read(
            edges: [], nodes: try bytes(file, "nodes"), into: &builder)
          file = path
        }
        try EdgeListReader(defaultLabel: label).read(edges: content, nodes: nil, into: &builder)
      case "json":
        saysDirected = try NodeLinkReader(defaultLabel: label).read(content, into: &builder)
      default:
        saysDirected = try GraphMLReader(defaultLabel: label).read(content, into: &builder)
      }
    } catch let error as GraphFileError {
      throw invocation.error("cannot load '\(file)': \(error)", at: "path")
    }
    let directed =
      invocation.isSet("undirected") ? false : invocation.isSet("directed") ? true : saysDirected ?? true
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let graph = builder.build(kind: name, directed: directed)
    if graph.nodeCount == 0 { invocation.session.warn("'\(path)' holds no nodes: the graph is empty") }
    CurrentGraph.of(invocation.session).graph = graph
    return .custom(graph)
  }

  static func format(_ invocation: Invocation, path: String) throws -> String {
    if let format = invocation.string("format") {
      guard ["edges", "json", "graphml"].contains(format) else {
        throw invocation.error(
          "unknown format '\(format)'", at: "format", help: "the formats are edges, json and graphml")
      }
      return format
    }
    let name = path.lowercased().split(separator: "/").last ?? ""
    let ending = name.contains(".") ? String(name.split(separator: ".").last!) : ""
    switch ending {
    case "csv", "tsv", "txt", "edgelist", "edges", "el": return "edges"
    case "json": return "json"
    case "graphml", "xml": return "graphml"
    default:
      throw invocation.error(
        "cannot tell the format of '\(path)' from its name", at: "path",
        help: "say it with --format edges, json or graphml")
    }
  }
}
