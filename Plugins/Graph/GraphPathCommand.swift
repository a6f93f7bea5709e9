import QuarryCore
import QuarryModel

/// `graph path A B`: the shortest path between two nodes, with each hop's evidence; or,
/// with a table of pairs piped in, the path of every pair.
struct GraphPathCommand: Command {
  let signature = Signature(
    "graph path", abstract: "Show the shortest path between two nodes, hop by hop",
    discussion: """
      Each hop with its predicate and evidence (document, sentence, date). The fewest hops
      by default; --weighted the lightest by edge weight (of parallel edges the lightest
      counts); --all every path of the fewest hops (up to --limit), numbered in a `path`
      column. Edges are followed either way unless --direction says otherwise. When no
      path joins the two, it says so and gives no rows.

      Piped a table instead of given two nodes, it answers every row: the first two
      columns name the ends, a `pair` column numbers the rows, and the pairs are shared
      out over every core.
      """,
    parameters: [
      Parameter("from", help: "where the path starts", optional: true, completion: nodeCompletion),
      Parameter("to", help: "where it ends", optional: true, completion: nodeCompletion),
    ],
    flags: [
      directionFlag,
      Flag("weighted", help: "the lightest path by edge weight, not the fewest hops"),
      Flag("all", short: "a", help: "every shortest path, not just one"),
      Flag(
        "limit", .int, help: "with --all: at most this many paths a pair (default 100)", default: .int(100)),
    ],
    input: .any, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --window document; graph path China Pentagon",
        "how two entities connect"),
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --window document; graph path China Pentagon --all",
        "every way of the fewest hops"),
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --window document; [{a: China, b: Pentagon}, {a: Pentagon, b: China}] | graph path",
        "many pairs at once"),
    ])

  /// What to search for, read once from the flags.
  private struct Request {
    var direction: GraphQueries.Direction
    var weighted: Bool
    var all: Int?

    func paths(_ graph: PropertyGraph, _ source: Int32, _ target: Int32, search: PathSearch? = nil)
      -> [[Int32]]
    {
      if let limit = all {
        return GraphQueries.allShortestPaths(
          graph, from: source, to: target, direction: direction, limit: limit)
      }
      if weighted {
        return GraphQueries.lightestPath(graph, from: source, to: target, direction: direction).map {
          [$0.edges]
        }
          ?? []
      }
      return GraphQueries.shortestPath(graph, from: source, to: target, direction: direction, search: search)
        .map { [$0] } ?? []
    }
  }

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let weighted = invocation.isSet("weighted")
    if weighted && invocation.isSet("all") {
      throw invocation.error("--all finds paths of the fewest hops; leave out --weighted", at: "all")
    }
    if weighted, let negative = graph.edgeWeights.firstIndex(where: { $0 < 0 }) {
      throw invocation.error(
        "--weighted needs weights of zero or more, but an edge weighs \(graph.edgeWeights[negative])",
        at: "weighted")
    }
    var request = Request(direction: try readDirection(invocation), weighted: weighted)
    if invocation.isSet("all") {
      let limit = invocation.int("limit") ?? 100
      guard limit >= 1 else { throw invocation.error("--limit must be at least 1", at: "limit") }
      request.all = limit
    }
    if invocation.has("from") || invocation.has("to") {
      let source = try namedNode(invocation, "from", in: graph)
      let target = try namedNode(invocation, "to", in: graph)
      let paths = request.paths(graph, source, target)
      if paths.isEmpty {
        invocation.session.warn(
          "no path joins '\(graph.nodeNames[Int(source)])' and '\(graph.nodeNames[Int(target)])'")
      } else if let limit = request.all, paths.count == limit {
        invocation.session.warn("showing the first \(limit) shortest paths (--limit)")
      }
      return .table(Table(columns: Self.columns, rows: Self.rows(paths, graph)))
    }
    return try .table(pairs(invocation, graph, request))
  }

  static let columns = ["path", "step", "from", "type", "to", "weight", "date", "doc", "sentence"]

  /// A row per hop. A hop walked against its edge's direction still names the edge's
  /// own source first.
  private static func rows(_ paths: [[Int32]], _ graph: PropertyGraph, pair: Int? = nil) -> [[Value]] {
    var rows: [[Value]] = []
    for (number, path) in paths.enumerated() {
      for (step, edgeID) in path.enumerated() {
        let edge = Int(edgeID)
        var row: [Value] = []
        row.reserveCapacity(columns.count + 1)
        if let pair { row.append(.int(pair)) }
        row.append(.int(number + 1))
        row.append(.int(step + 1))
        row.append(.string(graph.nodeNames[Int(graph.edgeSources[edge])]))
        row.append(.string(graph.edgeType(edge)))
        row.append(.string(graph.nodeNames[Int(graph.edgeTargets[edge])]))
        row.append(.float(graph.edgeWeights[edge]))
        row.append(graph.edgeDate(edge).map(Value.string) ?? .null)
        row.append(graph.edgeDocument(edge).map(Value.string) ?? .null)
        row.append(graph.edgeSentence(edge).map(Value.int) ?? .null)
        rows.append(row)
      }
    }
    return rows
  }

  /// Every piped pair's paths, searched on every core.
  private func pairs(_ invocation: Invocation, _ graph: PropertyGraph, _ request: Request) throws -> Table {
    guard case .table = invocation.input.asTableValue else {
      throw invocation.error(
        "'graph path' needs two nodes, or a table of pairs piped in",
        help: "graph path China Pentagon, or [{a: China, b: Pentagon}] | graph path")
    }
    let table = try invocation.inputTable()
    guard table.columns.count >= 2 else {
      throw invocation.error("the piped table needs two columns: where each path starts and ends")
    }
    var ends: [(Int32, Int32)] = []
    ends.reserveCapacity(table.rows.count)
    for (number, row) in table.rows.enumerated() {
      func node(_ column: Int) throws -> Int32 {
        let name = row[column].plainText
        if let node = graph.node(named: name) { return node }
        let help = Suggestion.nearest(to: name, in: graph.nodeNames).map { "did you mean '\($0)'?" }
        throw invocation.error(
          "row \(number + 1): no node named '\(name)' in the graph", help: help ?? "see `graph nodes`")
      }
      ends.append((try node(0), try node(1)))
    }
    let found = SharedBuffer<[[Int32]]>(repeating: [], count: ends.count)
    let work = ends
    // Each worker keeps its own scratch space from pair to pair.
    let searches = WorkerSpaces((0..<ProcessorCount.active).map { _ in PathSearch(graph.nodeCount) })
    try ParallelWork.run(ends.count, session: invocation.session, unit: "pairs") { worker, pair in
      found[pair] = request.paths(graph, work[pair].0, work[pair].1, search: searches[worker])
    }
    var rows: [[Value]] = []
    var unjoined = 0
    for pair in ends.indices {
      if found[pair].isEmpty { unjoined += 1 }
      rows += Self.rows(found[pair], graph, pair: pair + 1)
    }
    if unjoined > 0 {
      invocation.session.warn("no path joins \(unjoined) of the \(ends.count) pairs")
    }
    return Table(columns: ["pair"] + Self.columns, rows: rows)
  }
}

extension Value {
  /// A table, or a list of records as one; nil for anything else.
  fileprivate var asTableValue: Value? {
    switch self {
    case .table: self
    case .list(let items) where !items.isEmpty: Value.collecting(items)
    default: nil
    }
  }
}
