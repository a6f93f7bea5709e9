import QuarryCore
import Testing

@Suite struct InterpreterTests {
  @Test func arithmeticAndPrecedence() {
    expectValue("1 + 2 * 3", .int(7))
    expectValue("(1 + 2) * 3", .int(9))
    expectValue("7 / 2", .float(3.5))
    expectValue("8 / 2", .int(4))
    expectValue("7 % 3", .int(1))
    expectValue("-2 * 3", .int(-6))
    expectValue("\"a\" + \"b\"", .string("ab"))
    expectValue("1 < 2 and not (3 < 2)", .bool(true))
    expectValue("2023-05-30 - 1", .date(CalendarDate(year: 2023, month: 5, day: 29)))
  }

  @Test func variablesAndRebinding() {
    expectValue("let x = 1; let x = $x + 1; $x", .int(2))
    expectValue("let r = {name: 'Li', n: [1, 2]}; $r.n.1", .int(2))
    expectValue("let name = 'Zürich'; \"hi $name, $(1 + 1)\"", .string("hi Zürich, 2"))
  }

  @Test func loopsUpdateOuterVariables() {
    expectValue("let c = 0; for i in 1..10 { if $i % 2 == 0 { let c = $c + 1 } }; $c", .int(5))
    expectValue("let c = 0; for i in 0..<5 { if $i == 3 { break }; let c = $c + 1 }; $c", .int(3))
  }

  @Test func definitionsWithFlagsAndDefaults() {
    expectValue(
      "def add [a: int, b: int = 10, --twice] { if $twice { ($a + $b) * 2 } else { $a + $b } }; add 1",
      .int(11))
    expectValue(
      "def add [a: int, b: int = 10, --twice] { if $twice { ($a + $b) * 2 } else { $a + $b } }; add 1 2 --twice",
      .int(6))
    expectValue("def f [] { return 3; 4 }; f", .int(3))
    expectValue("def double [] { $in * 2 }; 21 | double", .int(42))
  }

  @Test func definitionsMayBeCalledBeforeTheyAppear() {
    expectValue("later 2\ndef later [n: int] { $n + 1 }", .int(3))
  }

  @Test func tryCatchBindsTheError() {
    expectValue("try { 1 / 0 } catch { |err| $err.msg }", .string("division by zero"))
  }

  @Test func runtimeErrorsCarryTheirSpan() {
    let result = evaluate("let a = 1\nprint ($a / 0)")
    let diagnostic = result.diagnostics.first
    #expect(diagnostic?.message == "division by zero")
    #expect(diagnostic?.headline.hasPrefix("test.quarry:2:8") == true)
  }

  @Test func undefinedVariableSuggestsNearest() {
    let result = evaluate("let people = 1; $peple")
    #expect(result.diagnostics.first?.message == "undefined variable $peple")
    #expect(result.diagnostics.first?.help == "did you mean $people?")
  }

  @Test func unknownCommandSuggestsNearest() {
    let result = evaluate("sotr")
    #expect(result.diagnostics.first?.help == "did you mean 'sort'?")
  }

  @Test func wrongArgumentTypeNamesBoth() {
    #expect(errorMessage("[1 2] | first abc") == "the argument <n> must be int, but got string")
  }

  @Test func recursionLimitIsAnErrorNotACrash() {
    #expect(errorMessage("def f [n: int] { f ($n + 1) }; f 0")?.hasPrefix("recursion limit reached") == true)
  }

  @Test func errorsLeaveTheSessionIntact() {
    let session = makeSession()
    evaluate("let kept = 42", in: session)
    let failing = evaluate("let kept = (1 / 0)", in: session)
    #expect(!failing.errors.isEmpty)
    #expect(session.variable("kept")?.isEqual(to: .int(42)) == true)
  }

  @Test func keepGoingRunsTheRest() {
    let result = evaluate("1 / 0\n2", keepGoing: true)
    #expect(result.errors.count == 1)
    #expect(result.values.last?.isEqual(to: .int(2)) == true)
  }

  @Test func scriptArguments() {
    let session = makeSession()
    session.scriptArguments = ["a", "b"]
    let result = evaluate("$args | length", in: session)
    #expect(result.values.last?.isEqual(to: .int(2)) == true)
  }

  @Test func helpFlagOnAnyCommand() {
    let result = evaluate("sort --help")
    #expect(result.errors.first is HelpRequest)
  }
}
