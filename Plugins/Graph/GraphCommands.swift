import QuarryCore
import QuarryModel

/// The graph a command works on: one piped in, else the current one.
func workingGraph(_ invocation: Invocation) throws -> PropertyGraph { try CurrentGraph.working(invocation) }

/// A node named by an argument; an unknown name suggests the nearest.
func namedNode(_ invocation: Invocation, _ argument: String, in graph: PropertyGraph) throws -> Int32 {
  let name = invocation.string(argument) ?? ""
  if let node = graph.node(named: name) { return node }
  if let node = graph.nodeNames.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
    return Int32(node)
  }
  let help = Suggestion.nearest(to: name, in: graph.nodeNames).map { "did you mean '\($0)'?" }
  throw invocation.error(
    "no node named '\(name)' in the graph", at: argument, help: help ?? "see `graph nodes`")
}

let nodeCompletion = CompletionSource.dynamic { session in
  CurrentGraph.of(session).graph?.nodeNames ?? Workspace.of(session).entities.map(\.name)
}

/// `graph build`: a graph from the workspace, which becomes the current graph.
struct GraphBuildCommand: Command {
  let signature = Signature(
    "graph build", abstract: "Build a graph from the extracted articles; it becomes the current graph",
    discussion: """
      By default the relation graph: entities joined by their roles (to TITLE nodes),
      memberships and events, each edge with its predicate, confidence, date and evidence;
      --things adds what entities act on that is no entity ("China launched large-scale
      exercises" joins China to a THING node "large-scale exercises" by `launch`).
      --cooccurrence joins entities named in the same sentence (--window document: the same
      article), weighted by how often; --bipartite joins entities to the articles (DOCUMENT
      nodes) that name them. --type, --since and --until filter. The graph is also the
      command's value: `let g = (graph build)`.
      """,
    flags: [
      Flag("cooccurrence", help: "entities named together, weighted by how often"),
      Flag("bipartite", help: "entities and the articles that name them"),
      Flag("things", help: "relation graph: also the things entities act on, as THING nodes"),
      Flag(
        "window", short: "w", .string, help: "co-occurrence within a sentence (default) or document",
        completion: .values(["sentence", "document"])),
      Flag("min-weight", .number, help: "co-occurrence: only pairs seen at least this often"),
      Flag("type", short: "t", .any, help: "only entities of this type, or these: [PERSON ORG]"),
      Flag("since", .date, help: "only articles dated on or after this date"),
      Flag("until", .date, help: "only articles dated on or before this date"),
    ],
    input: .none, output: .graph,
    examples: [
      Example("ingest Scripts/corpus; extract; graph build", "the relation graph of the sample article"),
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --min-weight 2 | graph stats",
        "entities named together at least twice"),
      Example(
        "ingest Scripts/corpus; extract; graph build --things; graph nodes | where label == THING",
        "what the sample's entities act on"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    var projection = GraphProjection()
    if invocation.isSet("cooccurrence") && invocation.isSet("bipartite") {
      throw invocation.error("choose one of --cooccurrence and --bipartite", at: "bipartite")
    }
    if invocation.isSet("cooccurrence") { projection.kind = .cooccurrence }
    if invocation.isSet("bipartite") { projection.kind = .bipartite }
    if invocation.isSet("things") {
      guard projection.kind == .relations else {
        throw invocation.error("--things applies to the relation graph", at: "things")
      }
      projection.things = true
    }
    if let window = invocation.string("window") {
      guard projection.kind == .cooccurrence else {
        throw invocation.error("--window applies to --cooccurrence", at: "window")
      }
      guard window == "sentence" || window == "document" else {
        throw invocation.error(
          "unknown window '\(window)'", at: "window", help: "the windows are sentence and document")
      }
      projection.sentenceWindow = window == "sentence"
    }
    if let weight = invocation.value("min-weight")?.doubleValue { projection.minimumWeight = weight }
    projection.types = try EntityType.flag(invocation)
    if case .date(let date)? = invocation.value("since") { projection.since = date }
    if case .date(let date)? = invocation.value("until") { projection.until = date }
    if workspace.annotations.contains(where: { $0 == nil }) {
      invocation.session.warn("some articles are not extracted yet: run `extract` first to include them")
    }
    let graph = projection.build(workspace)
    CurrentGraph.of(invocation.session).graph = graph
    return .custom(graph)
  }
}

/// `graph stats`: the size and shape of the graph.
struct GraphStatsCommand: Command {
  let signature = Signature(
    "graph stats", abstract: "Count the nodes, edges and components of the graph",
    input: .graph, output: .record,
    examples: [
      Example("ingest Scripts/corpus; extract; graph build; graph stats", "the sample's graph in numbers")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let component = ConnectedComponents.compute(graph, strong: false)
    // Components are numbered 0, 1, ... largest first.
    let componentCount = (component.max() ?? -1) + 1
    let largest = component.isEmpty ? 0 : component.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
    let components = (count: componentCount, largest: largest)
    var labels: [String: Int] = [:]
    var run: (label: String, count: Int)?
    // Labels come in runs (a node file, a projection's entity types): hashed once a run.
    for label in graph.nodeLabels {
      if run?.label == label {
        run!.count += 1
        continue
      }
      if let (previous, count) = run { labels[previous, default: 0] += count }
      run = (label, 1)
    }
    if let (previous, count) = run { labels[previous, default: 0] += count }
    // Edges counted by their type's code, not by hashing a million type names.
    var typeCounts = [Int](repeating: 0, count: graph.typeNames.count)
    for code in graph.edgeTypeCodes { typeCounts[Int(code)] += 1 }
    var types: [String: Int] = [:]
    for (code, name) in graph.typeNames.enumerated() where typeCounts[code] > 0 {
      types[name] = typeCounts[code]
    }
    let nodes = graph.nodeCount
    let density = nodes > 1 ? Double(graph.edgeCount) / Double(nodes * (nodes - 1)) : 0
    let (outOffsets, inOffsets) = (graph.outOffsets, graph.inOffsets)
    var maxDegree = 0
    for node in 0..<nodes {
      let degree = Int(outOffsets[node + 1] - outOffsets[node]) + Int(inOffsets[node + 1] - inOffsets[node])
      maxDegree = max(maxDegree, degree)
    }
    let (sources, targets) = (graph.edgeSources, graph.edgeTargets)
    let selfLoops = zip(sources, targets).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return .record(
      Record([
        "kind": .string(graph.kind), "directed": .bool(graph.isDirected), "nodes": .int(nodes),
        "edges": .int(graph.edgeCount),
        "density": .float((density * 1e6).rounded() / 1e6), "components": .int(components.count),
        "largest_component": .int(components.largest), "max_degree": .int(maxDegree),
        "self_loops": .int(selfLoops),
        "labels": .record(
          Record(keys: labels.keys.sorted(), values: labels.keys.sorted().map { .int(labels[$0]!) })),
        "edge_types": .record(
          Record(keys: types.keys.sorted(), values: types.keys.sorted().map { .int(types[$0]!) })),
      ]))
  }
}

/// `graph nodes` and `graph edges`: the graph as tables.
struct GraphNodesCommand: Command {
  let signature = Signature(
    "graph nodes", abstract: "List the graph's nodes: id, name, label, out and in degree",
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph nodes | sort out --desc | first 5",
        "the busiest nodes")
    ])

  func run(_ invocation: Invocation) throws -> Value { .table(try workingGraph(invocation).nodesTable()) }
}

struct GraphEdgesCommand: Command {
  let signature = Signature(
    "graph edges", abstract: "List the graph's edges: source, type, target, weight and evidence",
    input: .graph, output: .table,
    examples: [
      Example("ingest Scripts/corpus; extract; graph build; graph edges | where type == meet", "the meetings")
    ]
  )

  func run(_ invocation: Invocation) throws -> Value { .table(try workingGraph(invocation).edgesTable()) }
}

/// `graph neighbors X`: what lies within some hops of a node.
struct GraphNeighborsCommand: Command {
  let signature = Signature(
    "graph neighbors", abstract: "List the nodes within some hops of one node",
    parameters: [Parameter("node", help: "a node's name", completion: nodeCompletion)],
    flags: [
      Flag("depth", short: "d", .int, help: "how many hops (default 1)", default: .int(1)),
      directionFlag,
    ],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --window document; graph neighbors China --depth 2",
        "what China is named with, and what those are named with")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let start = try namedNode(invocation, "node", in: graph)
    let depth = invocation.int("depth") ?? 1
    guard depth >= 1 else { throw invocation.error("--depth must be at least 1", at: "depth") }
    let direction = try readDirection(invocation)
    let rows: [[Value]] = GraphQueries.neighbors(graph, of: start, depth: depth, direction: direction).map {
      found in
      let edge = Int(found.via)
      return [
        .string(graph.nodeNames[Int(found.node)]), .string(graph.nodeLabels[Int(found.node)]),
        .int(found.distance),
        .string(graph.nodeNames[Int(graph.edgeSources[edge])]), .string(graph.edgeType(edge)),
        .string(graph.nodeNames[Int(graph.edgeTargets[edge])]),
      ]
    }
    return .table(
      Table(columns: ["name", "label", "depth", "via_source", "via_type", "via_target"], rows: rows))
  }
}

/// `--direction out|in|both`, shared by the walks.
let directionFlag = Flag(
  "direction", .string, help: "follow edges out, in or both ways (default both)",
  completion: .values(GraphQueries.Direction.allCases.map(\.rawValue)))

func readDirection(_ invocation: Invocation) throws -> GraphQueries.Direction {
  guard let text = invocation.string("direction") else { return .both }
  guard let direction = GraphQueries.Direction(rawValue: text) else {
    throw invocation.error(
      "unknown direction '\(text)'", at: "direction", help: "the directions are out, in and both")
  }
  return direction
}
