import QuarryCore
import QuarryModel

/// A table with one row per node: its name and label, then each measure's value for it.
/// Held as columns: on a small graph, making a row per node was most of a fast
/// measure's time.
func nodeTable(_ graph: PropertyGraph, _ columns: KeyValuePairs<String, TableColumn>) -> Table {
  let (names, labels) = graph.nodeNameAndLabelValues
  return Table(
    columns: ["name", "label"] + columns.map(\.key),
    typedColumns: [.values(names), .values(labels)] + columns.map(\.value))
}

/// `--write`, shared by the analytics: store the result as node properties.
let writeFlag = Flag("write", help: "also store the result as a node property of the graph, for export")

/// With `--write`, stores a measure's columns (all but name and label) as node
/// properties of the graph the command worked on.
func written(_ table: Table, to graph: PropertyGraph, _ invocation: Invocation) -> Value {
  if invocation.isSet("write") {
    for (index, column) in table.columns.enumerated().dropFirst(2) {
      graph.nodeProperties.set(column, table.values(ofColumn: index))
    }
  }
  return .table(table)
}

/// Refuses a run whose estimated time is past ten minutes, saying what it would take.
/// - Parameter entries: neighbour-list entries one search reads (about twice the edges).
func checkCost(
  _ invocation: Invocation, what: String, searches: Int, entries: Int, nodes: Int, weighted: Bool,
  help: String
) throws {
  // Rates measured here (Scripts/bench/graph): entries a second on one core, for hops
  // and for Dijkstra; each search reads every entry twice.
  let rate = weighted ? 1e7 : 5e7
  let seconds = Double(searches) * Double(entries + nodes) / (rate * Double(ProcessorCount.active))
  guard seconds > 600 else { return }
  throw invocation.error(
    "\(what) of \(ProgressBar.grouped(nodes)) nodes would take about \(ProgressBar.duration(seconds)) here",
    help: help)
}

let seedFlag = Flag("seed", .int, help: "the random seed, for a run that repeats (default 0)")

func readSeed(_ invocation: Invocation) -> UInt64 { UInt64(truncatingIfNeeded: invocation.int("seed") ?? 0) }

/// `graph degree`: in-, out- and total degree.
struct GraphDegreeCommand: Command {
  let signature = Signature(
    "graph degree", abstract: "Degree of every node: in, out and total, optionally weighted",
    discussion: """
      Parallel edges each count; a self-loop counts once in and once out. An undirected
      graph has one `degree` column. Join with `entities` on name.
      """,
    flags: [Flag("weighted", help: "sum edge weights instead of counting edges"), writeFlag],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph degree | sort total --desc | first 5",
        "the best-connected")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let weighted = invocation.isSet("weighted")
    let degrees = Degree.compute(graph, weighted: weighted)
    func values(_ numbers: [Double]) -> TableColumn {
      weighted ? .floats(numbers) : .ints(numbers.map { Int($0) })
    }
    guard graph.isDirected else {
      return written(nodeTable(graph, ["degree": values(degrees.in)]), to: graph, invocation)
    }
    let table = nodeTable(
      graph,
      [
        "in": values(degrees.in), "out": values(degrees.out),
        "total": values(zip(degrees.in, degrees.out).map(+)),
      ])
    return written(table, to: graph, invocation)
  }
}

/// `graph pagerank`: PageRank as networkx computes it.
struct GraphPageRankCommand: Command {
  let signature = Signature(
    "graph pagerank", abstract: "PageRank of every node",
    discussion: """
      Power iteration as networkx's pagerank: edge weights count (--unweighted to ignore them),
      parallel edges add up, nodes without outgoing edges spread their rank evenly.
      """,
    flags: [
      Flag("damping", .number, help: "the damping factor (default 0.85)"),
      Flag("tolerance", .number, help: "stop when the change per node falls below this (default 1e-6)"),
      Flag("unweighted", help: "every edge counts the same"),
      writeFlag,
    ],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph pagerank | sort pagerank --desc | first 5",
        "the most central"),
      Example(
        "ingest Scripts/corpus; extract; graph build; entities | join (graph pagerank) name | sort pagerank --desc | first 5",
        "the entities with their PageRank"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let damping = invocation.value("damping")?.doubleValue ?? 0.85
    guard damping > 0 && damping < 1 else {
      throw invocation.error("--damping must be between 0 and 1", at: "damping")
    }
    let tolerance = invocation.value("tolerance")?.doubleValue ?? 1e-6
    guard tolerance > 0 else { throw invocation.error("--tolerance must be positive", at: "tolerance") }
    let result = try PageRank.compute(
      graph, damping: damping, tolerance: tolerance, weighted: !invocation.isSet("unweighted"))
    if !result.converged {
      invocation.session.warn("PageRank did not converge in \(result.iterations) iterations")
    }
    return written(nodeTable(graph, ["pagerank": .floats(result.ranks)]), to: graph, invocation)
  }
}

/// `graph components`: weakly or strongly connected components.
struct GraphComponentsCommand: Command {
  let signature = Signature(
    "graph components", abstract: "The connected component of every node, largest first",
    discussion: "Weakly connected (edges either way) by default; --strong follows edge directions.",
    flags: [Flag("strong", help: "strongly connected components"), writeFlag],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph components | group-by component | select component count",
        "how big each component is")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let numbers = ConnectedComponents.compute(graph, strong: invocation.isSet("strong"))
    return written(nodeTable(graph, ["component": .ints(numbers)]), to: graph, invocation)
  }
}

/// `graph betweenness`: how much each node lies on others' shortest paths.
struct GraphBetweennessCommand: Command {
  let signature = Signature(
    "graph betweenness", abstract: "Betweenness centrality of every node, exact or sampled",
    discussion: """
      Brandes' algorithm as networkx's betweenness_centrality computes it: normalised,
      endpoints left out, parallel edges once. --samples K searches from K nodes drawn
      with --seed and scales the sums as networkx does, an estimate for large graphs
      (exact on a graph whose estimated time is past ten minutes is refused, with the
      estimate). --weighted measures paths by edge weight. Uses every core; a progress bar
      shows on long runs and Ctrl-C stops it.
      """,
    flags: [
      Flag("samples", short: "k", .int, help: "estimate from this many sources instead of all"),
      seedFlag,
      Flag("weighted", help: "shortest paths by edge weight"),
      Flag("raw", help: "not normalised: sums over pairs of nodes"),
      writeFlag,
    ],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph betweenness | sort betweenness --desc | first 5",
        "the brokers")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let weighted = invocation.isSet("weighted")
    if weighted, graph.edgeWeights.contains(where: { $0 < 0 }) {
      throw invocation.error("--weighted needs weights of zero or more", at: "weighted")
    }
    var sources: [Int]?
    if let samples = invocation.int("samples") {
      guard samples >= 1 else { throw invocation.error("--samples must be at least 1", at: "samples") }
      if samples < graph.nodeCount {
        sources = Betweenness.sample(samples, of: graph.nodeCount, seed: readSeed(invocation))
      }
    }
    let entries = graph.edgeCount * 2
    try checkCost(
      invocation, what: "exact betweenness", searches: sources?.count ?? graph.nodeCount, entries: entries,
      nodes: graph.nodeCount, weighted: weighted,
      help: "estimate it from a sample of sources: --samples 256")
    let values = try Betweenness.compute(
      graph, sources: sources, weighted: weighted, normalized: !invocation.isSet("raw"),
      session: invocation.session)
    return written(nodeTable(graph, ["betweenness": .floats(values)]), to: graph, invocation)
  }
}

/// `graph closeness`: how near each node is to the rest.
struct GraphClosenessCommand: Command {
  let signature = Signature(
    "graph closeness", abstract: "Closeness centrality of every node",
    discussion: """
      As networkx's closeness_centrality: the reciprocal of the mean distance from the
      nodes that reach a node, times the share of the graph that reaches it (in a directed
      graph, distances to the node). --weighted measures by edge weight. One search per
      node, on every core; refused with an estimate when it would take past ten minutes.
      """,
    flags: [Flag("weighted", help: "distances by edge weight"), writeFlag],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence; graph closeness | sort closeness --desc | first 5",
        "the nearest to everything")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let weighted = invocation.isSet("weighted")
    try checkCost(
      invocation, what: "closeness", searches: graph.nodeCount, entries: graph.edgeCount * 2,
      nodes: graph.nodeCount, weighted: weighted,
      help: "betweenness --samples, degree or pagerank answer in seconds")
    let values = try Closeness.compute(graph, weighted: weighted, session: invocation.session)
    return written(nodeTable(graph, ["closeness": .floats(values)]), to: graph, invocation)
  }
}

/// `graph communities`: Louvain or label propagation.
struct GraphCommunitiesCommand: Command {
  let signature = Signature(
    "graph communities", abstract: "Find communities: groups of nodes more joined inside than out",
    discussion: """
      Louvain by default (as networkx's louvain_communities; --resolution above 1 gives
      smaller communities), or --method label-propagation. Edge directions are ignored and
      weights count unless --unweighted. Communities are numbered by size, largest first.
      --summary gives their count, sizes and modularity instead of the table.
      """,
    flags: [
      Flag(
        "method", short: "m", .string, help: "louvain (default) or label-propagation",
        completion: .values(["louvain", "label-propagation"])),
      Flag("resolution", short: "r", .number, help: "Louvain's resolution (default 1)"),
      seedFlag,
      Flag("unweighted", help: "every edge counts the same"),
      Flag("summary", help: "a record of the communities' count, sizes and modularity"),
      writeFlag,
    ],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence; graph communities | group-by community | select community count",
        "how the entities cluster"),
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence; graph communities --summary",
        "how many communities, and how good a split"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let method = invocation.string("method") ?? "louvain"
    let resolution = invocation.double("resolution") ?? 1
    guard resolution > 0 else { throw invocation.error("--resolution must be positive", at: "resolution") }
    let weighted = !invocation.isSet("unweighted")
    let community: [Int]
    switch method {
    case "louvain":
      community = try Louvain.communities(
        graph, resolution: resolution, seed: readSeed(invocation), weighted: weighted)
    case "label-propagation":
      if invocation.has("resolution") {
        throw invocation.error("--resolution applies to Louvain", at: "resolution")
      }
      community = try LabelPropagation.communities(graph, seed: readSeed(invocation), weighted: weighted)
    default:
      throw invocation.error(
        "unknown method '\(method)'", at: "method", help: "the methods are louvain and label-propagation")
    }
    let table = nodeTable(graph, ["community": .ints(community)])
    let result = written(table, to: graph, invocation)
    guard invocation.isSet("summary") else { return result }
    var sizes = [Int](repeating: 0, count: (community.max() ?? -1) + 1)
    for number in community { sizes[number] += 1 }
    return .record(
      Record([
        "method": .string(method), "communities": .int(sizes.count),
        "largest": .int(sizes.first ?? 0), "sizes": .list(sizes.prefix(20).map(Value.int)),
        "modularity": .float(Louvain.modularity(graph, community, resolution: resolution)),
      ]))
  }
}

/// `graph kcore`: the k-core number of every node.
struct GraphCoreCommand: Command {
  let signature = Signature(
    "graph kcore", abstract: "The k-core number of every node",
    discussion: """
      As networkx's core_number on the simple graph (parallel edges once, self-loops left
      out; in a directed graph degree is in plus out): the largest k such that the node is
      in a part of the graph where every node has at least k neighbours. `graph kcore
      --write` then `graph subgraph --where "core >= 3"` gives the 3-core.
      """,
    flags: [writeFlag],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence; graph kcore | sort core --desc | first 5",
        "the densest core")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let core = CoreNumber.compute(graph)
    return written(nodeTable(graph, ["core": .ints(core)]), to: graph, invocation)
  }
}

/// `graph clustering`: triangles and the clustering coefficient.
struct GraphClusteringCommand: Command {
  let signature = Signature(
    "graph clustering", abstract: "Triangles through every node and its clustering coefficient",
    discussion: """
      As networkx's triangles and clustering on the simple undirected graph (directions
      ignored, parallel edges once, self-loops left out): how many triangles a node is in,
      and the share of its pairs of neighbours that are joined.
      """,
    flags: [writeFlag],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence; graph clustering | sort triangles --desc | first 5",
        "where the triangles are")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let triangles = try Triangles.count(graph, session: invocation.session)
    let clustering = Triangles.clustering(graph, triangles: triangles)
    let table = nodeTable(
      graph, ["triangles": .ints(triangles), "clustering": .floats(clustering)])
    return written(table, to: graph, invocation)
  }
}
