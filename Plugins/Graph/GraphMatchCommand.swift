import QuarryCore
import QuarryModel

/// `graph match PATTERN`: Cypher-style path patterns, answered as a table of bindings.
struct GraphMatchCommand: Command {
  let signature = Signature(
    "graph match", abstract: "Find the places that fit a path pattern: a table with a row per match",
    discussion: """
      A pattern in the style of Cypher's MATCH: nodes `(p:PERSON {name: 'Li Shangfu'})`
      with a variable, labels (`:PERSON|ORG`) and properties (name, label or any node
      property); relationships `-[r:meet|visit]->`, `<-[...]-` or `-[...]-` (either way),
      `-->`, `<--`, `--`, with types, properties (type, weight, date, doc, sentence or any
      edge property) and hops (`*2`, `*1..3`, `*..4`, `*`, at most 100). Names with spaces
      go in backquotes (`:`not meet``). Each named node gives a column of names; a named
      relationship its type, date and document (for several hops: the list of types and
      the number of hops); with no names, columns n1, n2, ... As in Cypher, a match uses
      an edge once. --limit caps the rows (default 10,000).
      """,
    parameters: [Parameter("pattern", help: "the path pattern, in quotes")],
    flags: [Flag("limit", .int, help: "at most this many matches (default 10,000)", default: .int(10_000))],
    input: .graph, output: .table,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; graph build; graph match '(p:PERSON)-[:role]->(t:TITLE)'",
        "who holds which title"),
      Example(
        "ingest Scripts/corpus; extract; graph build; graph match '(a)-[r]->(b:GPE)' | get r | uniq",
        "what is done to countries"),
      Example(
        "ingest Scripts/corpus; extract; graph build --cooccurrence --window document; graph match '(:GPE {name: \"China\"})-[*2]-(x:PERSON)' --limit 5",
        "people two steps from China"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let graph = try workingGraph(invocation)
    let text = invocation.string("pattern") ?? ""
    let pattern: GraphPattern
    do {
      pattern = try PatternParser.parse(text)
    } catch {
      throw diagnostic(error, in: text, invocation)
    }
    let limit = invocation.int("limit") ?? 10_000
    guard limit >= 1 else { throw invocation.error("--limit must be at least 1", at: "limit") }
    for relationship in pattern.relationships
    where (relationship.maximumHops ?? Int.max) > PatternMatcher.hopLimit {
      invocation.session.warn("variable-length relationships stop at \(PatternMatcher.hopLimit) hops")
      break
    }
    let (matches, truncated) = try PatternMatcher(graph: graph, pattern: pattern).matches(limit: limit)
    if truncated { invocation.session.warn("showing the first \(limit) matches (--limit)") }
    return .table(table(matches, pattern, graph))
  }

  /// One column per variable, in the pattern's order; n1, n2, ... when none is named.
  private func table(_ matches: [PatternMatcher.Match], _ pattern: GraphPattern, _ graph: PropertyGraph)
    -> Table
  {
    var columns: [String] = []
    var cells: [(PatternMatcher.Match) -> Value] = []
    var named = Set<String>()
    func node(_ position: Int, _ name: String) {
      guard named.insert(name).inserted else { return }
      columns.append(name)
      cells.append { .string(graph.nodeNames[Int($0.nodes[position])]) }
    }
    let anyNamed =
      pattern.nodes.contains { $0.variable != nil } || pattern.relationships.contains { $0.variable != nil }
    for position in pattern.nodes.indices {
      if let variable = pattern.nodes[position].variable {
        node(position, variable)
      } else if !anyNamed {
        node(position, "n\(position + 1)")
      }
      guard position < pattern.relationships.count, let variable = pattern.relationships[position].variable,
        named.insert(variable).inserted
      else { continue }
      if pattern.relationships[position].isSingleHop {
        columns += [variable, variable + "_date", variable + "_doc"]
        cells.append { .string(graph.edgeType(Int($0.edges[position][0]))) }
        cells.append { graph.edgeDate(Int($0.edges[position][0])).map(Value.string) ?? .null }
        cells.append { graph.edgeDocument(Int($0.edges[position][0])).map(Value.string) ?? .null }
      } else {
        columns += [variable, variable + "_hops"]
        cells.append { .list($0.edges[position].map { .string(graph.edgeType(Int($0))) }) }
        cells.append { .int($0.edges[position].count) }
      }
    }
    return Table(columns: columns, rows: matches.map { match in cells.map { $0(match) } })
  }

  /// An error at its place in the pattern: under the caret when the pattern is written
  /// as a plain string in the call, and by column in the message either way.
  private func diagnostic(_ error: PatternError, in text: String, _ invocation: Invocation) -> Diagnostic {
    let message = "bad pattern at column \(error.position + 1): \(error.message)"
    let help = "a pattern looks like (p:PERSON)-[:meet]->(q:PERSON)"
    let span = invocation.span(of: "pattern")
    let written = span.text
    guard written.count == text.count + 2, written.dropFirst().dropLast() == Substring(text) else {
      return invocation.error(message, at: "pattern", help: help)
    }
    let offset = text.prefix(error.position).utf8.count
    let width = error.position < text.count ? String(Array(text)[error.position]).utf8.count : 0
    let start = span.start + 1 + offset
    return Diagnostic(
      message, at: SourceSpan(file: span.file, start: start, end: start + max(width, 1)), help: help)
  }
}
