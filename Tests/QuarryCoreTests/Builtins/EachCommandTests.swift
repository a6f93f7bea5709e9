import QuarryCore
import Testing

@Suite struct EachCommandTests {
  @Test func collectsRecordsIntoATable() {
    guard case .table(let table)? = value("[1 2] | each { |n| {n: $n, sq: ($n * $n)} }") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["n", "sq"])
  }

  @Test func dropsNulls() {
    expectValue("[1 2 3] | each { |n| if $n != 2 { $n } }", .list([.int(1), .int(3)]))
  }

  @Test func seesVariablesOfTheEnclosingScope() {
    expectValue("let k = 10; [1 2] | each { |n| $n + $k }", .list([.int(11), .int(12)]))
  }

  @Test func withoutAParameterTheItemIsIt() {
    expectValue("[1 2] | each { $it * 3 }", .list([.int(3), .int(6)]))
  }

  @Test func variablesOfOneCallDoNotLeakIntoTheNext() {
    let result = evaluate("[1 2] | each { |x| if $x == 1 { let seen = true }; $seen }")
    #expect(result.diagnostics.first?.message == "undefined variable $seen")
  }
}
