import QuarryCore
import Testing

@Suite struct SortCommandTests {
  @Test func sortsByColumnsWithTiesBrokenByLaterKeys() {
    expectValue(
      "[{a: 2, b: x}, {a: 1, b: z}, {a: 1, b: y}] | sort a b | get b",
      .list([.string("y"), .string("z"), .string("x")]))
  }

  @Test func isStable() {
    expectValue(
      "[{k: 1, id: a}, {k: 0, id: b}, {k: 1, id: c}, {k: 0, id: d}] | sort k | get id",
      .list([.string("b"), .string("d"), .string("a"), .string("c")]))
  }

  @Test func nullsGoLastInBothDirections() {
    expectValue("[{v: 2}, {v: null}, {v: 1}] | sort v | get v", .list([.int(1), .int(2), .null]))
    expectValue("[{v: 2}, {v: null}, {v: 1}] | sort v --desc | get v", .list([.int(2), .int(1), .null]))
  }

  @Test func comparesIntsAndFloatsNumerically() {
    expectValue("[2.5 1 10] | sort", .list([.int(1), .float(2.5), .int(10)]))
  }

  @Test func unknownColumnSuggestsTheNearest() {
    let result = evaluate("[{mentions: 1}] | sort mentoins")
    #expect(result.diagnostics.first?.help == "did you mean 'mentions'?")
  }
}
