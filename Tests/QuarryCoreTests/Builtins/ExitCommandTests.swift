import QuarryCore
import Testing

@Suite struct ExitCommandTests {
  @Test func requestsAnExitWithTheStatus() {
    let result = evaluate("exit 3")
    #expect((result.errors.first as? ExitRequest)?.status == 3)
  }

  @Test func rejectsStatusesOutOfRange() {
    #expect(errorMessage("exit 300")?.contains("between 0 and 255") == true)
  }
}
