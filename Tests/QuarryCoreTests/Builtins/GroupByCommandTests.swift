import QuarryCore
import Testing

@Suite struct GroupByCommandTests {
  @Test func groupsInOrderOfFirstAppearanceWithRows() {
    let source = "[{t: b, n: 1}, {t: a, n: 2}, {t: b, n: 3}] | group-by t"
    expectValue("\(source) | get t", .list([.string("b"), .string("a")]))
    expectValue("\(source) | get count", .list([.int(2), .int(1)]))
    expectValue("\(source) | first | get rows.0.n", .list([.int(1), .int(3)]))
  }

  @Test func unknownColumnIsAnError() {
    #expect(errorMessage("[{t: 1}] | group-by x") == "no column 'x' to group by")
  }
}
