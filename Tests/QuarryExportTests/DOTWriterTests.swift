import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct DOTWriterTests {
  func write(_ graph: PropertyGraph) throws -> String {
    try exported("graph.dot") { try DOTWriter(graph: graph, schema: try ExportSchema(graph)).write(to: $0) }
  }

  @Test(.enabled(if: Readers.available(Readers.dot)))
  func graphvizReadsHostileNames() throws {
    let path = try write(hostileGraph())
    let dot = try #require(Readers.dot)
    for format in ["-Tcanon", "-Tsvg"] {
      let result = try Readers.run(dot, [format, path])
      #expect(result.status == 0, "dot \(format): \(result.stderr)")
      #expect(!result.stderr.contains("syntax error"))
    }
  }

  /// What Graphviz draws for each node is its name: read back through `dot -Tjson`.
  @Test(.enabled(if: Readers.available(Readers.dot, Readers.python)))
  func graphvizDrawsEachNameAsItIs() throws {
    let graph = hostileGraph()
    let back = ReadBack(try Readers.readBack("dot", try write(graph)))
    #expect(back.nodeCount == graph.nodeCount)
    // Graphviz's strings are C strings and its SVG is XML: controls become U+FFFD there.
    let safe: (String) -> String = { xmlSafe($0, keepControls: [0x09, 0x0A, 0x0D]) }
    for (index, name) in graph.nodeNames.enumerated() {
      let node = try #require(back.nodes[safe(name)], "missing \(name.debugDescription)")
      #expect(node["type"] as? String == graph.nodeLabels[index])
    }
    #expect(back.edgeKeys == edgeKeys(graph, safe))
  }

  @Test func nodesAreNumberedSoNoNameIsSyntax() throws {
    let text = contents(try write(hostileGraph()))
    #expect(text.hasPrefix("digraph G {\n  n0 [label=\"Lloyd Austin\", type=\"PERSON\""))
    #expect(text.contains(#"n3 [label="ends in a backslash\\""#))
    #expect(text.contains(#"[label="quote \" inside""#))
    #expect(text.contains(#"label="&lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp; entity""#) == false)
    #expect(text.contains(#"label="<b>bold</b> &amp; &amp;amp; entity""#))
    #expect(text.contains("n0 -> n3 [label=\"meet\""))
  }

  @Test func anUndirectedGraphUsesPlainEdges() throws {
    var builder = PropertyGraph.Builder()
    builder.edge(builder.node("a", label: "N"), builder.node("b", label: "N"), type: "co_occurs")
    let text = contents(try write(builder.build(kind: "test", directed: false)))
    #expect(text.hasPrefix("graph G {"))
    #expect(text.contains("n0 -- n1"))
  }
}
