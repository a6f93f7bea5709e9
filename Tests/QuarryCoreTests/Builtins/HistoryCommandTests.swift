import QuarryCore
import Testing

@Suite struct HistoryCommandTests {
  @Test func listsWhatTheShellProvides() {
    let session = makeSession()
    session.historyProvider = { ["print 1", "print 2", "print 3"] }
    let result = evaluate("history --last 2", in: session)
    #expect(result.values.last?.isEqual(to: .list([.string("print 2"), .string("print 3")])) == true)
  }
}
