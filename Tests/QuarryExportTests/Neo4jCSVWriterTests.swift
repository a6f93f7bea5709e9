import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct Neo4jCSVWriterTests {
  /// The nodes file, the relationships file and the array delimiter.
  func write(_ graph: PropertyGraph) throws -> (String, String, Character) {
    let writer = Neo4jCSVWriter(graph: graph, schema: try ExportSchema(graph))
    let delimiter = try #require(writer.arrayDelimiter())
    let nodes = try exported("graph.nodes.csv") { try writer.writeNodes(to: $0, delimiter: delimiter) }
    let relationships = try exported("graph.relationships.csv") {
      try writer.writeRelationships(to: $0, delimiter: delimiter)
    }
    return (nodes, relationships, delimiter)
  }

  /// Read back by neo4j-admin's header rules and RFC 4180 quoting (Python's csv module):
  /// every name, formula prefixes included, comes back as it went.
  @Test(.enabled(if: Readers.available(Readers.python)))
  func hostileNamesRoundTripUnderNeo4jsHeaderRules() throws {
    let graph = hostileGraph()
    let (nodes, relationships, delimiter) = try write(graph)
    let back = ReadBack(try Readers.readBack("csv", nodes, relationships, String(delimiter)))
    #expect(back.nodeCount == graph.nodeCount)
    for (index, name) in graph.nodeNames.enumerated() {
      let node = try #require(back.nodes[name], "missing \(name.debugDescription)")
      #expect(node["labels"] as? [String] == [graph.nodeLabels[index]])
      #expect(back.property(name, "mentions") as? Int == index * 3 - 5)
      #expect(close(back.property(name, "pagerank"), 1 / Double(index + 3)))
      #expect(back.property(name, "verified") as? Bool == (index % 2 == 0))
      #expect(
        back.property(name, "aliases") as? [String] == [
          hostileNames[(index + 1) % hostileNames.count], "alias;\(index)",
        ])
      // A ':' would end a header's name: it goes out as '_'.
      #expect(
        back.property(name, "we`ird_key,\"x\"") as? String == hostileNames[(index + 5) % hostileNames.count])
    }
    #expect(back.edgeKeys == edgeKeys(graph))
  }

  @Test func theDelimiterAvoidsEveryItemAndLabel() throws {
    // Items hold ';' and a label holds '|', so neither can join arrays.
    #expect(
      Neo4jCSVWriter(graph: hostileGraph(), schema: try ExportSchema(hostileGraph())).arrayDelimiter() == "¦")
    var builder = PropertyGraph.Builder()
    _ = builder.node("a", label: "N")
    builder.nodeProperties.set("aliases", [.list([.string("x"), .string("y")])])
    let plain = builder.build(kind: "test")
    #expect(Neo4jCSVWriter(graph: plain, schema: try ExportSchema(plain)).arrayDelimiter() == ";")
  }

  @Test func headersNameTypes() throws {
    let (nodes, relationships, _) = try write(hostileGraph())
    let header = contents(nodes).split(separator: "\n").first.map(String.init)
    #expect(
      header
        == #"id:ID,name,type,:LABEL,mentions:long,pagerank:double,verified:boolean,aliases:string[],"we`ird_key,""x"":string",label_2:string,first_seen:date"#
    )
    let relationshipHeader = contents(relationships).split(separator: "\n").first.map(String.init)
    #expect(
      relationshipHeader == ":START_ID,:END_ID,:TYPE,weight:double,date:string,doc:string,sentence:long")
  }

  @Test func formulaPrefixesStayTextInQuotes() throws {
    let text = contents(try write(hostileGraph()).0)
    #expect(text.contains(#","=1+2","#))
    #expect(text.contains(#","@cmd","#))
  }
}
