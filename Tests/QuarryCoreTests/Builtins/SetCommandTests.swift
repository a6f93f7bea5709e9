import QuarryCore
import Testing

@Suite struct SetCommandTests {
  @Test func changesAndShowsSettings() {
    let session = makeSession()
    evaluate("set format csv; set rows 7; set timer on; set width 40", in: session)
    #expect(session.settings.format == .csv)
    #expect(session.settings.rows == 7)
    #expect(session.settings.timer)
    #expect(session.settings.width == 40)
    let shown = evaluate("set format", in: session).values.last
    #expect(shown?.isEqual(to: .string("csv")) == true)
  }

  @Test func rejectsBadValues() {
    #expect(errorMessage("set rows 0") == "rows must be a positive number")
    #expect(errorMessage("set timer maybe") == "'timer' is on or off, not 'maybe'")
    let result = evaluate("set fromat json")
    #expect(result.diagnostics.first?.help == "did you mean 'format'?")
  }
}
