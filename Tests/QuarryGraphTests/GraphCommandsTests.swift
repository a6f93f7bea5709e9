import QuarryCore
import QuarryExtractor
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphCommandsTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()

  func session() -> Session {
    let registry = CommandRegistry()
    try! registry.register(CorePlugin.plugin)
    try! registry.register(ExtractorPlugin.plugin)
    try! registry.register(GraphPlugin.plugin)
    return Session(registry: registry, output: .memory(), errors: .memory())
  }

  func run(_ source: String, in session: Session) -> Evaluation { session.evaluate(source) }

  func extracted() -> Session {
    let session = session()
    let result = run("ingest \(Self.root)/Scripts/corpus; extract", in: session)
    #expect(result.errors.isEmpty)
    return session
  }

  func table(_ value: Value?) -> Table? {
    if case .table(let table)? = value { return table }
    return nil
  }

  @Test func theRelationGraphHoldsRolesMembershipsAndEvents() throws {
    let session = extracted()
    let built = run("graph build", in: session)
    guard case .custom(let value)? = built.values.last, let graph = value as? PropertyGraph else {
      Issue.record("graph build gives a graph")
      return
    }
    #expect(graph.kind == "relations")
    let austin = try #require(graph.node(named: "Lloyd Austin"))
    let types = Set(graph.outgoing(austin).map { graph.edgeType(Int($0)) })
    #expect(types.isSuperset(of: ["role", "member_of"]))
    #expect(graph.node(named: "Defense Secretary").map { graph.nodeLabels[Int($0)] } == "TITLE")
    let edges = try #require(table(run("graph edges | where type == 'shoot down'", in: session).values.last))
    #expect(edges.rows.first?[0].plainText == "United States")
  }

  @Test func thingsAreNodesOfTheirOwnWhereAsked() throws {
    let session = session()
    let article = temporaryFile(
      "drill.txt", "date 2024-05-23\nChina launched large-scale drills around Taiwan on Thursday.\n")
    #expect(run("ingest '\(article)'; extract", in: session).errors.isEmpty)
    let plain = try #require(run("graph build", in: session).lastGraph)
    #expect(plain.nodeLabels.allSatisfy { $0 != "THING" })
    let built = try #require(run("graph build --things", in: session).lastGraph)
    let thing = try #require(built.node(named: "large-scale drills"))
    #expect(built.nodeLabels[Int(thing)] == "THING")
    let china = try #require(built.node(named: "China"))
    #expect(built.outgoing(china).map { built.edgeType(Int($0)) } == ["launch"])
    let wrong = run("graph build --cooccurrence --things", in: session)
    #expect(wrong.firstMessage == "--things applies to the relation graph")
  }

  @Test func cooccurrenceAndBipartiteProjections() throws {
    let session = extracted()
    let stats = run("graph build --cooccurrence --min-weight 2 | graph stats", in: session)
    guard case .record(let record)? = stats.values.last else {
      Issue.record("stats is a record")
      return
    }
    #expect(record["kind"]?.plainText == "cooccurrence")
    let edges = try #require(table(run("graph edges", in: session).values.last))
    #expect(edges.rows.allSatisfy { ($0[3].doubleValue ?? 0) >= 2 })
    let bipartite = try #require(
      table(run("graph build --bipartite; graph nodes | where label == DOCUMENT", in: session).values.last))
    #expect(bipartite.rows.count == 1)
  }

  @Test func neighborsAndPathsAnswerByName() throws {
    let session = extracted()
    _ = run("graph build", in: session)
    let around = try #require(table(run("graph neighbors 'lloyd austin'", in: session).values.last))
    #expect(around.rows.contains { $0[0].plainText == "Defense Secretary" })
    let path = try #require(table(run("graph path 'Kevin McCarthy' 'Lloyd Austin'", in: session).values.last))
    #expect(path.columns == ["path", "step", "from", "type", "to", "weight", "date", "doc", "sentence"])
    #expect(!path.rows.isEmpty)
  }

  @Test func badRequestsAreClearErrors() {
    let session = session()
    let noGraph = run("graph stats", in: session)
    #expect((noGraph.errors.first as? Diagnostic)?.message == "there is no graph yet")
    let extractedSession = extracted()
    _ = run("graph build", in: extractedSession)
    let unknown = run("graph neighbors 'Loyd Austin'", in: extractedSession)
    #expect((unknown.errors.first as? Diagnostic)?.help == "did you mean 'Lloyd Austin'?")
    let window = run("graph build --window document", in: extractedSession)
    #expect((window.errors.first as? Diagnostic)?.message == "--window applies to --cooccurrence")
    let depth = run("graph neighbors China --depth 0", in: extractedSession)
    #expect((depth.errors.first as? Diagnostic)?.message == "--depth must be at least 1")
    // Nothing lost: the graph built before is still there.
    #expect(CurrentGraph.of(extractedSession).graph?.kind == "relations")
  }
}
