import QuarryCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct HelpCommandTests {
  @Test func overviewGroupsByPlugin() {
    guard case .string(let text)? = value("help") else {
      Issue.record("expected text")
      return
    }
    #expect(text.contains("core — Commands for any table, list or record"))
    #expect(text.contains("  where"))
  }

  @Test func unknownCommandSuggests() {
    let result = evaluate("help sorrt")
    #expect(result.diagnostics.first?.help == "did you mean 'sort'?")
  }

  @Test func coversUserDefinitions() {
    guard case .string(let text)? = value("# Says hello.\ndef hi [who: string] { }\nhelp hi") else {
      Issue.record("expected text")
      return
    }
    #expect(text.hasPrefix("Says hello."))
    #expect(text.contains("hi <who>"))
  }
}

@Suite struct ExitCommandTests {
  @Test func requestsAnExitWithTheStatus() {
    let result = evaluate("exit 3")
    #expect((result.errors.first as? ExitRequest)?.status == 3)
  }

  @Test func rejectsStatusesOutOfRange() {
    #expect(errorMessage("exit 300")?.contains("between 0 and 255") == true)
  }
}

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

@Suite struct HistoryCommandTests {
  @Test func listsWhatTheShellProvides() {
    let session = makeSession()
    session.historyProvider = { ["print 1", "print 2", "print 3"] }
    let result = evaluate("history --last 2", in: session)
    #expect(result.values.last?.isEqual(to: .list([.string("print 2"), .string("print 3")])) == true)
  }
}

@Suite struct ClearCommandTests {
  @Test func writesNothingWhenNotATerminal() {
    let session = makeSession()
    evaluate("clear", in: session)
    #expect(session.output.captured.isEmpty || isatty(1) != 0)
  }
}
