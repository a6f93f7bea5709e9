import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct GEXFWriterTests {
  func write(_ graph: PropertyGraph) throws -> String {
    try exported("graph.gexf") { try GEXFWriter(graph: graph, schema: try ExportSchema(graph)).write(to: $0) }
  }

  /// The GEXF 1.2 schema lives in ../shared/data/schemas, which CI has beside the clone;
  /// where that folder is absent this test is skipped.
  @Test(.enabled(if: Readers.gexfSchema != nil && Readers.available(Readers.xmllint)))
  func hostileNamesValidateAgainstTheGEXFSchema() throws {
    let path = try write(hostileGraph())
    let result = try Readers.run(
      try #require(Readers.xmllint),
      ["--nonet", "--noout", "--schema", try #require(Readers.gexfSchema), path])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test(.enabled(if: Readers.gexfSchema != nil && Readers.available(Readers.xmllint)))
  func aStaticGraphValidatesToo() throws {
    var builder = PropertyGraph.Builder()
    builder.edge(builder.node("a", label: "N"), builder.node("b", label: "N"), type: "knows")
    let path = try write(builder.build(kind: "test", directed: false))
    let result = try Readers.run(
      try #require(Readers.xmllint),
      ["--nonet", "--noout", "--schema", try #require(Readers.gexfSchema), path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(contents(path).contains(#"mode="static""#))
  }

  @Test(.enabled(if: Readers.available(Readers.python)))
  func hostileNamesRoundTripThroughNetworkx() throws {
    let graph = hostileGraph()
    let back = ReadBack(try Readers.readBack("gexf", try write(graph)))
    try expectHostileNodes(back, graph, names: { xmlSafe($0) })
    #expect(back.edgeKeys == edgeKeys(graph, { xmlSafe($0) }))
    #expect(back.edges.compactMap { $0["weight"] as? Double }.sorted() == graph.edgeWeights.sorted())
  }

  @Test func datesMakeTheGraphDynamicWithWholeDays() throws {
    let text = contents(try write(hostileGraph()))
    #expect(text.contains(#"mode="dynamic" timeformat="date""#))
    // A node seen in May 2023 spans the month; an edge dated 2023-05-13 that day.
    #expect(text.contains(#"<node id="0" label="Lloyd Austin" start="2023-05-01" end="2023-05-31">"#))
    #expect(text.contains(#"start="2023-05-11" end="2023-05-11""#))
  }

  @Test func listsAreListStringsUnlessAnItemHoldsTheSeparator() throws {
    var builder = PropertyGraph.Builder()
    _ = builder.node("a", label: "N")
    _ = builder.node("b", label: "N")
    builder.nodeProperties.set("aliases", [.list([.string("x"), .string("y")]), .list([])])
    builder.nodeProperties.set("piped", [.list([.string("x|y")]), .null])
    let text = contents(try write(builder.build(kind: "test")))
    #expect(text.contains(#"title="aliases" type="liststring""#))
    #expect(text.contains(#"value="x|y"/>"#))
    #expect(text.contains(#"title="piped" type="string""#))
    #expect(text.contains(#"value="[&quot;x|y&quot;]""#))
  }
}
