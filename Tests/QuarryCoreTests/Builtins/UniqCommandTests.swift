import QuarryCore
import Testing

@Suite struct UniqCommandTests {
  @Test func keepsFirstOccurrences() {
    expectValue("[b a b c a] | uniq", .list([.string("b"), .string("a"), .string("c")]))
  }

  @Test func treatsEqualNumbersAsOne() {
    expectValue("[1 1.0 2] | uniq | length", .int(2))
  }

  @Test func dedupesTableRowsWithCounts() {
    guard case .table(let table)? = value("[{a: 1}, {a: 1}, {a: 2}] | uniq --count") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["a", "count"])
    #expect(table.rows.map { $0[1].intValue } == [2, 1])
  }
}
