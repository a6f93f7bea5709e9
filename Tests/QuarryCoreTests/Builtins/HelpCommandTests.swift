import QuarryCore
import Testing

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
