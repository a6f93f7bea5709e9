import QuarryCore
import Testing

/// Every example in every registered command's signature runs, and those that state a
/// result give it: help cannot drift from behaviour.
@Suite struct ExampleTests {
  static let cases: [(String, Example)] = {
    let session = makeSession()
    return session.registry.names.flatMap { name in
      session.registry.entry(name)!.signature.examples.map { (name, $0) }
    }
  }()

  @Test(arguments: cases.filter { $0.1.result != nil }.map { "\($0.0): \($0.1.example)" })
  func exampleGivesItsResult(_ label: String) {
    let example = Self.cases.first { "\($0.0): \($0.1.example)" == label }!.1
    let result = evaluate(example.example)
    #expect(result.errors.isEmpty, "\(label): \(result.diagnostics.map(\.headline))")
    let actual = result.values.last ?? .null
    #expect(actual.isEqual(to: example.result!), "\(label) gave \(JSON.encode(actual))")
  }

  @Test func everyExampleParses() throws {
    for (name, example) in Self.cases {
      let file = SourceFiles.add(name: name, text: example.example)
      var parser = Parser(file: file)
      _ = parser.parseScript()
      #expect(parser.diagnostics.isEmpty, "\(name): \(example.example)")
    }
  }

  @Test func everyCommandHasHelp() {
    let session = makeSession()
    for name in session.registry.names {
      let signature = session.registry.entry(name)!.signature
      #expect(!signature.abstract.isEmpty, "\(name) has no abstract")
    }
  }
}
