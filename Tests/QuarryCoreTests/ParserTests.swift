import QuarryCore
import Testing

/// Parses source in which markers 1️⃣ 2️⃣ … stand where diagnostics are expected, and
/// checks each diagnostic's position and message (swift-syntax's style of test).
func assertDiagnostics(
  _ marked: String, _ expected: [(marker: String, message: String)],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"]
  var source = marked
  var offsets: [String: Int] = [:]
  for marker in markers {
    guard let range = source.firstRange(of: marker) else { continue }
    offsets[marker] = source.utf8.distance(from: source.startIndex, to: range.lowerBound)
    source.removeSubrange(range)
  }
  let file = SourceFiles.add(name: "test.quarry", text: source)
  var parser = Parser(file: file)
  _ = parser.parseScript()
  let diagnostics = parser.diagnostics
  #expect(
    diagnostics.count == expected.count, "got \(diagnostics.map(\.headline))", sourceLocation: sourceLocation)
  for (diagnostic, expectation) in zip(diagnostics, expected) {
    #expect(
      diagnostic.span?.start == offsets[expectation.marker], "\(diagnostic.headline)",
      sourceLocation: sourceLocation)
    #expect(
      diagnostic.message.contains(expectation.message), "\(diagnostic.message)",
      sourceLocation: sourceLocation)
  }
}

@Suite struct ParserTests {
  @Test func parsesPipelinesAndStatements() throws {
    let file = SourceFiles.add(
      name: "t", text: "let x = 1\nentities --type PERSON | where mentions > 2 | first 5; print $x")
    let block = try Parser.parse(file)
    #expect(block.statements.count == 3)
    guard case .pipeline(let pipeline) = block.statements[1].kind else {
      Issue.record("expected a pipeline")
      return
    }
    #expect(pipeline.elements.count == 3)
  }

  @Test func reportsUnterminatedString() {
    assertDiagnostics("let s = 1️⃣\"abc", [("1️⃣", "unterminated string")])
  }

  @Test func reportsEveryErrorNotJustTheFirst() {
    assertDiagnostics(
      "1️⃣}\nlet 2️⃣= \nprint 3️⃣(",
      [("1️⃣", "unexpected '}'"), ("2️⃣", "expected a name after 'let'"), ("3️⃣", "this '(' is never closed")])
  }

  @Test func reportsUnclosedBlock() {
    assertDiagnostics("if true 1️⃣{ print 1", [("1️⃣", "this '{' is never closed")])
  }

  @Test func reportsBareWordInExpression() {
    assertDiagnostics("if 1️⃣x > 1 { }", [("1️⃣", "unexpected bare word 'x'")])
  }

  @Test func reportsChainedComparison() {
    assertDiagnostics("let a = (1 < 2 1️⃣< 3)", [("1️⃣", "comparisons cannot be chained")])
  }

  @Test func limitsNestingDepth() {
    let source = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
    let file = SourceFiles.add(name: "deep", text: source)
    // The shell parses on a large stack; so does this test.
    let diagnostics = LargeStack.run {
      var parser = Parser(file: file)
      _ = parser.parseScript()
      return parser.diagnostics
    }
    #expect(diagnostics.contains { $0.message.contains("nesting is too deep") })
  }

  @Test func readsDefinitionsWithHelpComments() throws {
    let file = SourceFiles.add(
      name: "t",
      text:
        "# Greets someone.\n# More words.\ndef greet [name: string, --loud(-l), --times: int = 2] { $name }")
    let block = try Parser.parse(file)
    guard case .def(let definition) = block.statements[0].kind else {
      Issue.record("expected a definition")
      return
    }
    #expect(definition.help == "Greets someone.\nMore words.")
    let signature = definition.signature
    #expect(signature.parameters.map(\.name) == ["name"])
    #expect(signature.flags.map(\.name) == ["loud", "times"])
    #expect(signature.flags[0].short == "l")
    #expect(signature.flags[1].defaultValue?.isEqual(to: .int(2)) == true)
  }

  @Test func continuationDetection() {
    #expect(InputCompleteness.needsMoreInput("def f [] {"))
    #expect(InputCompleteness.needsMoreInput("print \"abc"))
    #expect(InputCompleteness.needsMoreInput("documents |"))
    #expect(InputCompleteness.needsMoreInput("[1, 2,"))
    #expect(!InputCompleteness.needsMoreInput("print \"{\""))
    #expect(!InputCompleteness.needsMoreInput("}"))
    #expect(!InputCompleteness.needsMoreInput("print 1 # {"))
  }

  @Test func handlesLongLinesAndInvalidInput() {
    let long = "print " + String(repeating: "a", count: 10_000_000)
    let file = SourceFiles.add(name: "long", text: long)
    var parser = Parser(file: file)
    let block = parser.parseScript()
    #expect(parser.diagnostics.isEmpty)
    #expect(block.statements.count == 1)
  }
}
