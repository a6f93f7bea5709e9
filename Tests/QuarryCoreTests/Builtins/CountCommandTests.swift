import QuarryCore
import Testing

@Suite struct CountCommandTests {
  @Test func countsRowsItemsAndFields() {
    expectValue("[{a: 1}, {a: 2}] | count", .int(2))
    expectValue("[] | count", .int(0))
    expectValue("{a: 1, b: 2} | count", .int(2))
    expectValue("null | count", .int(0))
  }
}
