import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct CypherWriterTests {
  func write(_ graph: PropertyGraph, batchSize: Int = 1000) throws -> String {
    try exported("graph.cypher") {
      try CypherWriter(graph: graph, schema: try ExportSchema(graph), batchSize: batchSize).write(to: $0)
    }
  }

  /// graphglot (neo4j dialect) parses every statement, and every string in the
  /// parameters decodes to the name that went in: the injection strings stay strings.
  @Test(.enabled(if: Readers.available(Readers.python)))
  func graphglotParsesTheScriptAndTheStringsComeBack() throws {
    let graph = hostileGraph()
    let back = try Readers.readBack("cypher", try write(graph, batchSize: 7))
    #expect((back["errors"] as? [String] ?? ["?"]).isEmpty, "\(back["errors"] ?? "")")
    let strings = Set(back["strings"] as? [String] ?? [])
    for name in graph.nodeNames { #expect(strings.contains(name), "\(name.debugDescription)") }
    for label in Set(graph.nodeLabels) { #expect(strings.contains(label)) }
    #expect(strings.contains("doc \"3\""))
    // A constraint, then per batch a :param and its statement.
    let statements = back["statements"] as? Int ?? 0
    let text = contents(try write(graph, batchSize: 7))
    #expect(statements == text.split(separator: "\n").filter { !$0.hasPrefix("//") }.count)
  }

  @Test func labelsAndTypesAreBackquoted() throws {
    let text = contents(try write(hostileGraph()))
    #expect(text.contains("SET n:`PER``SON`;"))
    #expect(text.contains("MERGE (a)-[r:`a``b` {quarry_id: row.id}]->(b)"))
    #expect(text.contains("`we``ird:key,\"x\"`: "))
    #expect(text.hasPrefix("// Quarry: the hostile graph"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[2]
        == "CREATE CONSTRAINT quarry_node_id IF NOT EXISTS FOR (n:QuarryNode) REQUIRE n.quarry_id IS UNIQUE;")
  }

  @Test func stringsEscapeTheirQuote() throws {
    let text = contents(try write(hostileGraph()))
    #expect(text.contains(#"name: '\'}) MATCH (n) DETACH DELETE n //'"#))
    #expect(text.contains(#"name: '\u0000NUL inside'"#))
    #expect(text.contains(#"name: 'ends in a backslash\\'"#))
    #expect(text.contains("first_seen`: date('2023-05')"))
  }
}
