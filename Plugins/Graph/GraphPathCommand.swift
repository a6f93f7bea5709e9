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
      var hops: [(pair: Int, path: Int, step: Int, edge: Int32)] = []
      Self.hops(paths, pair: 0, into: &hops)
      return .table(try Self.table(hops, graph, pairs: false))
    }
    return try .table(pairs(invocation, graph, request))
  }

  static let columns = ["path", "step", "from", "type", "to", "weight", "date", "doc", "sentence"]

  /// A row per hop, held as columns. A hop walked against its edge's direction still
  /// names the edge's own source first.
  private static func table(
    _ hops: [(pair: Int, path: Int, step: Int, edge: Int32)], _ graph: PropertyGraph, pairs: Bool
  )
    throws(Interrupted) -> Table
  {
    let edges = hops.map { Int($0.edge) }
    var values: [TableColumn] = pairs ? [.ints(hops.map { $0.pair })] : []
    values += [.ints(hops.map { $0.path }), .ints(hops.map { $0.step })]
    // from, type, to, weight, date, doc, sentence: the edge's own columns. A column to a
    // core only for large batches: the threads copy the same names, so they contend for
    // the strings' reference counts, and below this one thread is faster.
    values += edges.count < 65536 ? graph.edgeColumns(edges) : try graph.edgeColumnsInParallel(edges)
    return Table(columns: (pairs ? ["pair"] : []) + columns, typedColumns: values)
  }

  /// The hops of `paths`, numbered.
  private static func hops(
    _ paths: [[Int32]], pair: Int, into hops: inout [(pair: Int, path: Int, step: Int, edge: Int32)]
  ) {
    for (number, path) in paths.enumerated() {
      for (step, edge) in path.enumerated() { hops.append((pair, number + 1, step + 1, edge)) }
    }
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
    let (starts, finishes) = (table.values(ofColumn: 0), table.values(ofColumn: 1))
    let found = SharedBuffer<[[Int32]]>(repeating: [], count: table.count)
    // A pair whose name is not in the graph: reported after the run, the first in order.
    let unknown = SharedBuffer<Bool>(repeating: false, count: table.count)
    // Each worker keeps its own scratch space from pair to pair, and finds the pair's
    // nodes by name itself.
    let kept = (0..<ProcessorCount.active).map { _ in PathSearch.take(graph.nodeCount) }
    defer { kept.forEach(PathSearch.give) }
    let searches = WorkerSpaces(kept)
    // Fewest hops, the common question, reads the neighbour lists as buffers.
    func search(_ ways: (forward: NeighborBuffers, backward: NeighborBuffers)?) throws(Interrupted) {
      try ParallelWork.run(table.count, session: invocation.session, unit: "pairs") { worker, pair in
        guard let start = graph.node(named: starts[pair].plainText),
          let finish = graph.node(named: finishes[pair].plainText)
        else {
          unknown[pair] = true
          return
        }
        guard let ways else {
          found[pair] = request.paths(graph, start, finish, search: searches[worker])
          return
        }
        if start == finish {
          found[pair] = [[]]
        } else if let path = searches[worker].meet(
          source: Int(start), target: Int(finish), forward: ways.forward, backward: ways.backward)
        {
          found[pair] = [path]
        }
      }
    }
    if request.all == nil && !request.weighted {
      try PathWays(graph, request.direction).withBuffers { forward, backward in
        try search((forward, backward))
      }
    } else {
      try search(nil)
    }
    if let number = (0..<table.count).first(where: { unknown[$0] }) {
      let name =
        [starts[number], finishes[number]].map(\.plainText).first { graph.node(named: $0) == nil } ?? ""
      let help = Suggestion.nearest(to: name, in: graph.nodeNames).map { "did you mean '\($0)'?" }
      throw invocation.error(
        "row \(number + 1): no node named '\(name)' in the graph", help: help ?? "see `graph nodes`")
    }
    var hops: [(pair: Int, path: Int, step: Int, edge: Int32)] = []
    var unjoined = 0
    for pair in 0..<table.count {
      if found[pair].isEmpty { unjoined += 1 }
      Self.hops(found[pair], pair: pair + 1, into: &hops)
    }
    if unjoined > 0 {
      invocation.session.warn("no path joins \(unjoined) of the \(table.count) pairs")
    }
    return try Self.table(hops, graph, pairs: true)
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
