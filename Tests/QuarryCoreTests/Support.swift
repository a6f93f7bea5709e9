import QuarryCore
import Testing

/// A session with the core and shell commands, writing to memory.
func makeSession() -> Session {
  let registry = CommandRegistry()
  try! registry.register(ShellPlugin.plugin)
  try! registry.register(CorePlugin.plugin)
  return Session(registry: registry, output: .memory(), errors: .memory())
}

/// A run of source text in a test: what `Session.evaluate` gives, and what was printed.
struct TestRun {
  var values: [Value] = []
  var errors: [any Error] = []
  var output: String
  var diagnostics: [Diagnostic] {
    errors.flatMap { error -> [Diagnostic] in
      if let diagnostic = error as? Diagnostic { return [diagnostic] }
      if let list = error as? DiagnosticList { return list.diagnostics }
      return []
    }
  }
}

/// Parses and runs source in a session, collecting each top-level value and error.
@discardableResult
func evaluate(_ source: String, in session: Session = makeSession(), keepGoing: Bool = false) -> TestRun {
  let result = session.evaluate(source, name: "test.quarry", keepGoing: keepGoing)
  return TestRun(values: result.values, errors: result.errors, output: session.output.captured)
}

/// The single value a source gives, failing the test on any error.
func value(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Value? {
  let result = evaluate(source)
  #expect(result.errors.isEmpty, "\(result.diagnostics.map(\.headline))", sourceLocation: sourceLocation)
  return result.values.last
}

/// The first error message a source gives.
func errorMessage(_ source: String) -> String? {
  let result = evaluate(source)
  if let diagnostic = result.diagnostics.first { return diagnostic.message }
  return result.errors.first.map { "\($0)" }
}

func expectValue(_ source: String, _ expected: Value, sourceLocation: SourceLocation = #_sourceLocation) {
  let actual = value(source, sourceLocation: sourceLocation)
  #expect(
    actual?.isEqual(to: expected) == true,
    "\(source) gave \(actual.map(JSON.encode) ?? "nothing"), expected \(JSON.encode(expected))",
    sourceLocation: sourceLocation)
}
