import QuarryCore
import Testing

@Suite struct SelectCommandTests {
  @Test func keepsColumnsInTheOrderGiven() {
    guard case .table(let table)? = value("[{a: 1, b: 2, c: 3}] | select c a") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["c", "a"])
  }

  @Test func worksOnARecord() {
    expectValue("{a: 1, b: 2} | select b", .record(Record(["b": .int(2)])))
  }

  @Test func unknownColumnIsAnErrorWithASuggestion() {
    let result = evaluate("[{name: x}] | select nmae")
    #expect(result.diagnostics.first?.message == "no column 'nmae' in the input")
    #expect(result.diagnostics.first?.help == "did you mean 'name'?")
  }
}
