import QuarryCore
import QuarryModel

/// `export [FORMAT] PATH`: the current graph, a piped graph or a piped table, as a file
/// its tools read.
struct ExportCommand: Command {
  let signature = Signature(
    "export", abstract: "Write the graph (or a piped table) as a file for Graphviz, Gephi, Neo4j and more",
    discussion: """
      Graphs: dot (Graphviz), graphml (yEd, Gephi, networkx), gexf (Gephi 1.2, with start
      and end dates for its timeline), json (node-link: networkx's node_link_graph, d3),
      csv (neo4j-admin import: PATH's stem with .nodes.csv and .relationships.csv), cypher
      (a script for cypher-shell) and mermaid (a flowchart for Markdown). Tables: csv,
      jsonl, json. The format is the extension's unless named first: `export gexf out.xml`.
      Every property goes out unless --properties names some; --metrics computes measures
      first with the graph module (`graph pagerank --write` and so on) so they go out too.
      The file is written beside its destination and renamed into place; an existing file
      is replaced only with --force.
      """,
    parameters: [
      Parameter(
        "target", .string, help: "the file to write, or the format when a path follows", completion: .paths),
      Parameter("path", .path, help: "the file to write, after a format", optional: true),
    ],
    flags: [
      Flag("force", short: "f", help: "replace a file that exists"),
      Flag("properties", short: "p", .any, help: "only these node and edge properties: [pagerank aliases]"),
      Flag(
        "metrics", short: "m", .any,
        help: "compute and include these: [\(ExportCommand.metrics.keys.sorted().joined(separator: " "))]"),
    ],
    input: .any, output: .record,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; export graph.gexf", "the sample's graph for Gephi"),
      Example(
        "ingest Scripts/corpus; extract; graph build; export graph.graphml --metrics [pagerank communities]",
        "with PageRank and communities as node attributes"),
      Example(
        "ingest Scripts/corpus; extract; graph build; export csv graph",
        "graph.nodes.csv and graph.relationships.csv for neo4j-admin"),
      Example("ingest Scripts/corpus; extract; entities | export people.csv", "a table as CSV"),
    ])

  /// Measures `--metrics` can add, and the graph command that writes each.
  static let metrics: [String: String] = [
    "degree": "graph degree", "pagerank": "graph pagerank", "betweenness": "graph betweenness",
    "closeness": "graph closeness", "communities": "graph communities", "components": "graph components",
    "kcore": "graph kcore", "clustering": "graph clustering",
  ]

  func run(_ invocation: Invocation) throws -> Value {
    let target = invocation.string("target") ?? ""
    let (format, path, pathArgument) = try Self.destination(invocation, target: target)
    do {
      switch invocation.input {
      case .table, .list, .record:
        return try exportTable(invocation, format: format, path: path, at: pathArgument)
      case .null, .custom(is PropertyGraph):
        return try exportGraph(invocation, format: format, path: path, at: pathArgument)
      default:
        throw invocation.error(
          "'export' writes a graph or a table, not a \(invocation.input.typeName)",
          help: "pipe in a graph or a table, or nothing for the current graph")
      }
    } catch let error as ExportError {
      throw invocation.error(error.description, at: pathArgument, help: error.help)
    }
  }

  /// The format and the path, from `export PATH` or `export FORMAT PATH`.
  static func destination(_ invocation: Invocation, target: String) throws -> (ExportFormat?, String, String)
  {
    if let path = invocation.string("path") {
      guard let format = ExportFormat(name: target) else {
        throw invocation.error(
          "unknown format '\(target)'", at: "target",
          help: "the formats are " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
      }
      return (format, FilePaths.expandingTilde(path), "path")
    }
    if ExportFormat(name: target) != nil && !target.contains(".") && !target.contains("/") {
      throw invocation.error(
        "'export \(target)' needs a file to write", at: "target", help: "export \(target) FILE")
    }
    return (ExportFormat(path: target), FilePaths.expandingTilde(target), "target")
  }

  private func exportTable(_ invocation: Invocation, format: ExportFormat?, path: String, at argument: String)
    throws
    -> Value
  {
    guard let format = format ?? (path.hasSuffix("/") ? nil : .csv),
      ExportFormat.tableFormats.contains(format)
    else {
      throw invocation.error(
        "a table exports as csv, jsonl or json, not \(format?.rawValue ?? "a file without an extension")",
        at: argument, help: "name the file entities.csv, entities.jsonl or entities.json")
    }
    let table = try invocation.inputTable()
    let file = try AtomicFile(path: path, replacing: invocation.isSet("force"))
    let writer = TableWriter(table: table)
    switch format {
    case .jsonl: try writer.writeJSONLines(to: file)
    case .json: try writer.writeJSON(to: file)
    default: try writer.writeCSV(to: file)
    }
    try file.commit()
    return .record(
      Record(["format": .string(format.rawValue), "path": .string(path), "rows": .int(table.rows.count)]))
  }

  private func exportGraph(_ invocation: Invocation, format: ExportFormat?, path: String, at argument: String)
    throws
    -> Value
  {
    guard let format else {
      throw invocation.error(
        "cannot tell the format from '\(path)'", at: argument,
        help:
          "end the name with .dot, .graphml, .gexf, .json, .csv, .cypher or .mmd, or name the format first")
    }
    guard ExportFormat.graphFormats.contains(format) else {
      throw invocation.error(
        "a graph does not export as \(format.rawValue)", at: argument,
        help: "the graph formats are " + ExportFormat.graphFormats.map(\.rawValue).joined(separator: ", "))
    }
    let graph = try CurrentGraph.working(invocation)
    try computeMetrics(invocation, graph)
    let schema = try ExportSchema(graph, only: try Self.names(invocation, "properties"))
    let force = invocation.isSet("force")
    var result: [(String, Value)] = [("format", .string(format.rawValue))]
    switch format {
    case .csv:
      let stem = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
      let writer = Neo4jCSVWriter(graph: graph, schema: schema)
      guard let delimiter = writer.arrayDelimiter() else {
        throw ExportError("every array delimiter neo4j-admin could use (; | ¦ ¬) occurs in the lists' items")
      }
      let nodes = try AtomicFile(path: stem + ".nodes.csv", replacing: force)
      let relationships = try AtomicFile(path: stem + ".relationships.csv", replacing: force)
      nodes.session = invocation.session
      relationships.session = invocation.session
      try writer.writeNodes(to: nodes, delimiter: delimiter)
      try writer.writeRelationships(to: relationships, delimiter: delimiter)
      try nodes.commit()
      try relationships.commit()
      var command = "neo4j-admin database import full --nodes=\(stem).nodes.csv"
      command += " --relationships=\(stem).relationships.csv --multiline-fields=true"
      if delimiter != ";" { command += " --array-delimiter='\(delimiter)'" }
      result += [
        ("path", .string(stem + ".nodes.csv")), ("relationships", .string(stem + ".relationships.csv")),
        ("import", .string(command + " neo4j")),
      ]
    default:
      let file = try AtomicFile(path: path, replacing: force)
      file.session = invocation.session
      switch format {
      case .dot: try DOTWriter(graph: graph, schema: schema).write(to: file)
      case .graphml: try GraphMLWriter(graph: graph, schema: schema).write(to: file)
      case .gexf: try GEXFWriter(graph: graph, schema: schema).write(to: file)
      case .json: try NodeLinkWriter(graph: graph, schema: schema).write(to: file)
      case .cypher: try CypherWriter(graph: graph, schema: schema).write(to: file)
      default:
        if graph.edgeCount > 500 {
          invocation.session.warn(
            "Mermaid draws at most 500 edges by default and this graph has \(graph.edgeCount): "
              + "export a subgraph, or raise maxEdges in the page's Mermaid configuration")
        }
        try MermaidWriter(graph: graph).write(to: file)
      }
      try file.commit()
      result.append(("path", .string(path)))
    }
    result += [("nodes", .int(graph.nodeCount)), ("edges", .int(graph.edgeCount))]
    return .record(Record(keys: result.map(\.0), values: result.map(\.1)))
  }

  /// Runs the graph module's measures with `--write`, so their columns become properties.
  private func computeMetrics(_ invocation: Invocation, _ graph: PropertyGraph) throws {
    guard let names = try Self.names(invocation, "metrics") else { return }
    for name in names {
      guard let command = Self.metrics[name] else {
        let help = Suggestion.nearest(to: name, in: Self.metrics.keys).map { "did you mean '\($0)'? " } ?? ""
        throw invocation.error(
          "unknown metric '\(name)'", at: "metrics",
          help: help + "the metrics are " + Self.metrics.keys.sorted().joined(separator: ", "))
      }
      guard let entry = invocation.session.registry.entry(command) else {
        throw invocation.error("--metrics needs the graph module, which is not loaded", at: "metrics")
      }
      _ = try invocation.session.run(
        entry.command, arguments: Record(), flags: Record(["write": .bool(true)]), input: .custom(graph))
    }
  }

  /// A flag's names: a list, or one name (commas separate several).
  static func names(_ invocation: Invocation, _ flag: String) throws -> [String]? {
    switch invocation.value(flag) {
    case nil, .null?: return nil
    case .list(let items)?: return items.map(\.plainText)
    case let value?: return value.plainText.split(separator: ",").map { String($0).trimmingSpaces() }
    }
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
