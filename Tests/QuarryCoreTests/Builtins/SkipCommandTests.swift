import QuarryCore
import Testing

@Suite struct SkipCommandTests {
  @Test func dropsTheStart() {
    expectValue("[1 2 3] | skip", .list([.int(2), .int(3)]))
    expectValue("[1 2 3] | skip 5", .list([]))
  }

  @Test func negativeCountIsAnError() {
    #expect(errorMessage("[1] | skip -1") == "the count must not be negative, but it is -1")
  }
}
