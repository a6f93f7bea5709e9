import QuarryCore
import Testing

@Suite struct RejectCommandTests {
  @Test func dropsColumns() {
    guard case .table(let table)? = value("[{a: 1, b: 2, c: 3}] | reject a c") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["b"])
  }

  @Test func worksOnARecord() {
    expectValue("{a: 1, b: 2} | reject a", .record(Record(["b": .int(2)])))
  }
}
