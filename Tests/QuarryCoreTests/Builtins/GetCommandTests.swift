import QuarryCore
import Testing

@Suite struct GetCommandTests {
  @Test func columnsFieldsAndIndexes() {
    expectValue("[{a: 1}, {a: 2}] | get a", .list([.int(1), .int(2)]))
    expectValue("{x: {y: [5, 6]}} | get x.y.1", .int(6))
    expectValue("[{a: 1}, {a: 2}] | get 1.a", .int(2))
  }

  @Test func outOfRangeIndexSaysHowManyThereAre() {
    #expect(errorMessage("[1 2] | get 5") == "index 5 is out of range: the list has 2 items")
  }

  @Test func missingFieldSuggestsTheNearest() {
    let result = evaluate("{title: x} | get titel")
    #expect(result.diagnostics.first?.help == "did you mean 'title'?")
  }
}
