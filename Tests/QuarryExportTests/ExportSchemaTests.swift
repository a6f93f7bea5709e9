import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct ExportSchemaTests {
  @Test func aColumnTakesTheNarrowestKindItsValuesFit() {
    #expect(PropertyKind.of([.int(1), .null, .int(2)]) == .int)
    #expect(PropertyKind.of([.int(1), .float(2.5)]) == .double)
    #expect(PropertyKind.of([.bool(true)]) == .bool)
    #expect(PropertyKind.of([.list([]), .null]) == .list)
    #expect(PropertyKind.of([.date(CalendarDate(year: 2023))]) == .date)
    #expect(PropertyKind.of([.int(1), .string("x")]) == .string)
    #expect(PropertyKind.of([.null]) == .string)
  }

  @Test func provenanceComesOutAsEdgeProperties() throws {
    let schema = try ExportSchema(hostileGraph())
    #expect(schema.edgeColumns.map(\.name) == ["date", "doc", "sentence"])
    #expect(schema.edgeColumns.first { $0.name == "sentence" }?.kind == .int)
  }

  @Test func namesEveryFormatReservesAreRenamed() throws {
    let schema = try ExportSchema(hostileGraph())
    #expect(schema.nodeColumns.map(\.name).contains("label_2"))
    #expect(!schema.nodeColumns.map(\.name).contains("label"))
  }

  @Test func propertiesCanBeChosen() throws {
    let schema = try ExportSchema(hostileGraph(), only: ["pagerank", "doc"])
    #expect(schema.nodeColumns.map(\.name) == ["pagerank"])
    #expect(schema.edgeColumns.map(\.name) == ["doc"])
    #expect(try ExportSchema(hostileGraph(), only: []).nodeColumns.isEmpty)
  }

  @Test func anUnknownPropertySuggestsTheNearest() {
    #expect {
      try ExportSchema(hostileGraph(), only: ["pagerenk"])
    } throws: { error in
      let error = error as? ExportError
      return error?.description == "the graph has no property 'pagerenk'"
        && error?.help?.hasPrefix("did you mean 'pagerank'?") == true
    }
  }
}
