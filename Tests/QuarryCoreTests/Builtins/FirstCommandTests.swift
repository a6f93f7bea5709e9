import QuarryCore
import Testing

@Suite struct FirstCommandTests {
  @Test func takesFromListsTablesAndStrings() {
    expectValue("[1 2 3] | first 2", .list([.int(1), .int(2)]))
    expectValue("[{a: 1}, {a: 2}] | first | get a", .list([.int(1)]))
    expectValue("'Zürich' | first 2", .string("Zü"))
  }

  @Test func moreThanThereAreIsAll() {
    expectValue("[1 2] | first 10", .list([.int(1), .int(2)]))
  }

  @Test func negativeCountIsAnError() {
    #expect(errorMessage("[1] | first -1") == "the count must not be negative, but it is -1")
  }

  @Test func needsAListOrTable() {
    #expect(errorMessage("5 | first")?.contains("needs a list or a table") == true)
  }
}
