import Testing

@testable import QuarryExport

@Suite struct ExportFormatTests {
  @Test func theExtensionNamesTheFormat() {
    #expect(ExportFormat(path: "out/graph.gexf") == .gexf)
    #expect(ExportFormat(path: "graph.GraphML") == .graphml)
    #expect(ExportFormat(path: "graph.gv") == .dot)
    #expect(ExportFormat(path: "page.mmd") == .mermaid)
    #expect(ExportFormat(path: "load.cql") == .cypher)
    #expect(ExportFormat(path: "rows.ndjson") == .jsonl)
  }

  @Test func aNameWithoutAKnownExtensionNamesNone() {
    #expect(ExportFormat(path: "graph") == nil)
    #expect(ExportFormat(path: ".hidden") == nil)
    #expect(ExportFormat(path: "dir.v2/graph") == nil)
    #expect(ExportFormat(path: "graph.xml") == nil)
  }
}
