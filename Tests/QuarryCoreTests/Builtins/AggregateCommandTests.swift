import QuarryCore
import Testing

@Suite struct AggregateCommandTests {
  @Test func sumsStayIntegersUntilAFloatAppears() {
    expectValue("[1 2 3] | sum", .int(6))
    expectValue("[1 2.5] | sum", .float(3.5))
  }

  @Test func averageOfNothingIsNull() {
    expectValue("[] | avg | to json", .string("null"))
  }

  @Test func minAndMaxOfColumnsAndMixedValues() {
    expectValue("[{n: 3}, {n: -1}] | min n", .int(-1))
    expectValue("[b a c] | max", .string("c"))
  }

  @Test func nullsAreSkipped() {
    expectValue("[1 null 2] | sum", .int(3))
  }

  @Test func nonNumbersAreAnError() {
    #expect(errorMessage("[1 x] | sum") == "'sum' needs numbers, but found string")
  }
}
