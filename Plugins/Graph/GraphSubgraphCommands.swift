import QuarryCore
import QuarryModel

/// `graph ego X`: the part of the graph around one node.
struct GraphEgoCommand: Command {
  let signature = Signature(
    "graph ego", abstract: "The graph of one node and everything within some hops of it",
    discussion: """
      As networkx's ego_graph: the node, the nodes within --radius hops (edges followed
      either way unless --direction says otherwise), and every edge among them. The result
      is a graph value to pipe or bind (`let around = (graph ego China)`); the current graph
      stays as it was.
      """,
    parameters: [Parameter("node", help: "the centre", completion: nodeCompletion)],
    flags: [
      Flag("radius", short: "r", .int, help: "how many hops (default 1)", default: .int(1)),
      directionFlag,
    ],
    input: .graph, output: .graph,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --window document; graph ego China --radius 1 | graph stats",
        "China's neighbourhood in numbers")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let centre = try namedNode(invocation, "node", in: graph)
    let radius = invocation.int("radius") ?? 1
    guard radius >= 0 else { throw invocation.error("--radius must not be negative", at: "radius") }
    let around = GraphQueries.neighbors(
      graph, of: centre, depth: radius, direction: try readDirection(invocation))
    let nodes = [centre] + around.map(\.node)
    return .custom(graph.subgraph(nodes: nodes, kind: "ego of \(graph.nodeNames[Int(centre)])"))
  }
}

/// `graph subgraph`: the graph of chosen nodes.
struct GraphSubgraphCommand: Command {
  let signature = Signature(
    "graph subgraph", abstract: "The graph of chosen nodes and the edges among them",
    discussion: """
      Nodes named as arguments, or piped in (a list of names, or a table with a `name`
      column, such as a filtered `graph nodes` or `graph kcore`); with neither, every node.
      --label keeps nodes with these labels, --where those for which a closure over the
      node's row (`graph nodes` columns and properties) is true, --edge-type only edges of
      these types. The result is a graph value; the current graph stays as it was.
      """,
    rest: Parameter("nodes", help: "node names", completion: nodeCompletion),
    flags: [
      Flag("label", short: "l", .any, help: "only nodes with this label, or these: [PERSON ORG]"),
      Flag("where", short: "w", .closure, help: "only nodes for which this is true: {|n| $n.core >= 3}"),
      Flag("edge-type", short: "e", .any, help: "only edges of this type, or these: [meet visit]"),
    ],
    input: .any, output: .graph,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph subgraph --label [PERSON GPE] | graph stats",
        "people and countries only"),
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence; graph kcore | where core >= 2 | graph subgraph | graph stats",
        "the 2-core"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    var graph = CurrentGraph.of(invocation.session).graph
    var names: [String] = invocation.rest.map(\.plainText)
    switch invocation.input {
    case .custom(let value as PropertyGraph): graph = value
    case .null: break
    case .list(let items): names += items.map(\.plainText)
    default:
      let table = try invocation.inputTable()
      let column = try invocation.column("name", in: table, purpose: "to take node names from")
      names += table.rows.map { $0[column].plainText }
    }
    guard let graph else {
      throw invocation.error("there is no graph yet", help: "build one with `graph build` after `extract`")
    }
    var nodes: [Int32]
    if names.isEmpty && invocation.rest.isEmpty && !invocation.input.isList {
      nodes = (0..<graph.nodeCount).map(Int32.init)
    } else {
      nodes = []
      for name in names {
        guard let node = graph.node(named: name) else {
          let help = Suggestion.nearest(to: name, in: graph.nodeNames).map { "did you mean '\($0)'?" }
          throw invocation.error("no node named '\(name)' in the graph", help: help ?? "see `graph nodes`")
        }
        nodes.append(node)
      }
    }
    if let labels = try stringSet(invocation, "label") {
      nodes = nodes.filter { labels.contains(graph.nodeLabels[Int($0)]) }
    }
    if case .closure(let closure)? = invocation.value("where") {
      let call = invocation.caller(for: closure)
      let table = graph.nodesTable()
      var kept: [Int32] = []
      for node in nodes {
        let result = try call(.record(table.record(at: Int(node))))
        guard case .bool(let truth) = result else {
          throw invocation.error("--where must give a bool, but it gave \(result.typeName)", at: "where")
        }
        if truth { kept.append(node) }
      }
      nodes = kept
    }
    let types = try stringSet(invocation, "edge-type")
    let subgraph = graph.subgraph(nodes: nodes, kind: "subgraph of \(graph.kind)") { edge in
      types?.contains(graph.edgeType(edge)) ?? true
    }
    if subgraph.nodeCount == 0 { invocation.session.warn("no node is chosen: the subgraph is empty") }
    return .custom(subgraph)
  }

  /// A flag given as one string or a list of them.
  private func stringSet(_ invocation: Invocation, _ flag: String) throws -> Set<String>? {
    guard let value = invocation.value(flag) else { return nil }
    if case .list(let items) = value { return Set(items.map(\.plainText)) }
    guard let text = value.stringValue else {
      throw invocation.error("--\(flag) takes a name or a list of names", at: flag)
    }
    return [text]
  }
}

extension Value {
  fileprivate var isList: Bool {
    switch self {
    case .list, .table: true
    default: false
    }
  }
}
