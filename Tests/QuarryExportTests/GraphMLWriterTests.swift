import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct GraphMLWriterTests {
  func write(_ graph: PropertyGraph) throws -> String {
    try exported("graph.graphml") {
      try GraphMLWriter(graph: graph, schema: try ExportSchema(graph)).write(to: $0)
    }
  }

  @Test(.enabled(if: Readers.available(Readers.python)))
  func hostileNamesRoundTripThroughNetworkx() throws {
    let graph = hostileGraph()
    let back = ReadBack(try Readers.readBack("graphml", try write(graph)))
    try expectHostileNodes(back, graph, names: { xmlSafe($0) })
    for (index, name) in graph.nodeNames.enumerated() {
      let safe = xmlSafe(name)
      // GraphML has no lists: a list is the text of a JSON array.
      let aliases = try #require(back.property(safe, "aliases") as? String)
      let items = try JSONSerialization.jsonObject(with: Data(xmlSafe(aliases).utf8)) as? [String]
      #expect(items?.last == "alias;\(index)")
      #expect(
        back.property(safe, "first_seen") as? String
          == graph.nodeProperties.value("first_seen", at: index).plainText)
      // A property named like the name's key goes out as label_2.
      #expect(back.property(safe, "label_2") as? String == (index % 4 == 0 ? nil : "kept as label_2"))
    }
    #expect(back.edgeKeys == edgeKeys(graph, { xmlSafe($0) }))
    let weights = back.edges.compactMap { $0["weight"] as? Double }.sorted()
    #expect(weights == graph.edgeWeights.sorted())
    let documents = Set(back.edges.compactMap { ($0["properties"] as? [String: Any])?["doc"] as? String })
    #expect(documents.contains("doc \"3\""))
  }

  @Test func keysAreDeclaredWithTheirTypes() throws {
    let text = contents(try write(hostileGraph()))
    #expect(text.contains(#"<key id="d2" for="node" attr.name="mentions" attr.type="long"/>"#))
    #expect(text.contains(#"attr.name="pagerank" attr.type="double""#))
    #expect(text.contains(#"attr.name="verified" attr.type="boolean""#))
    #expect(text.contains(#"attr.name="we`ird:key,&quot;x&quot;" attr.type="string""#))
    #expect(text.contains(#"<key id="e1" for="edge" attr.name="weight" attr.type="double"/>"#))
    #expect(text.contains(#"<graph id="G" edgedefault="directed">"#))
  }

  @Test func controlsThatXMLCannotHoldBecomeReplacementCharacters() throws {
    let text = contents(try write(hostileGraph()))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(text.contains("\u{FFFD}NUL inside"))
    #expect(text.contains("line&#10;break"))
    #expect(text.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp; entity"))
  }

  @Test func anUndirectedGraphSaysSo() throws {
    var builder = PropertyGraph.Builder()
    builder.edge(builder.node("a", label: "N"), builder.node("b", label: "N"), type: "co_occurs", weight: 2)
    let text = contents(try write(builder.build(kind: "cooccurrence", directed: false)))
    #expect(text.contains(#"edgedefault="undirected""#))
    #expect(
      text.contains(
        #"<edge source="n0" target="n1"><data key="e0">co_occurs</data><data key="e1">2.0</data></edge>"#
      ))
  }
}
