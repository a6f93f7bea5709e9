import QuarryCore
import Testing

@Suite struct PrintCommandTests {
  @Test func printsStringsAsTheyAre() {
    let session = makeSession()
    evaluate("print 'a' 1 2023-05-29; print -n x", in: session)
    #expect(session.output.captured == "a 1 2023-05-29\nx")
  }

  @Test func stderrFlag() {
    let session = makeSession()
    evaluate("print -e oops", in: session)
    #expect(session.errors.captured == "oops\n")
    #expect(session.output.captured == "")
  }
}
