import QuarryCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ClearCommandTests {
  @Test func writesNothingWhenNotATerminal() {
    let session = makeSession()
    evaluate("clear", in: session)
    #expect(session.output.captured.isEmpty || isatty(1) != 0)
  }
}
