import QuarryCore
import Testing

@Suite struct LastCommandTests {
  @Test func takesTheEnd() {
    expectValue("[1 2 3] | last 2", .list([.int(2), .int(3)]))
    expectValue("[1 2 3] | last", .list([.int(3)]))
    expectValue("[1] | last 5", .list([.int(1)]))
  }

  @Test func negativeCountIsAnError() {
    #expect(errorMessage("[1] | last -2") == "the count must not be negative, but it is -2")
  }
}
