import QuarryCore
import Testing

@Suite struct TimeitCommandTests {
  @Test func givesSecondsAndKeepsTheWorksEffects() {
    let session = makeSession()
    let result = evaluate("let n = 0; let t = (timeit { print ran }); $t >= 0", in: session)
    #expect(result.values.last?.isEqual(to: .bool(true)) == true)
    #expect(session.output.captured == "ran\n")
  }

  @Test func errorsInTheWorkAreErrors() {
    #expect(errorMessage("timeit { 1 / 0 }") == "division by zero")
  }
}
