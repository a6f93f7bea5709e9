import QuarryCore
import Testing

@Suite struct CommandRegistryTests {
  func command(_ name: String) -> any Command {
    ClosureCommand(Signature(name, abstract: "test")) { _ in .null }
  }

  @Test func refusesClashingNamesNamingBothPlugins() {
    let registry = CommandRegistry()
    #expect(throws: Never.self) {
      try registry.register(
        PluginDescription(name: "one", version: "1", summary: "", commands: [command("x")]))
    }
    #expect {
      try registry.register(
        PluginDescription(name: "two", version: "1", summary: "", commands: [command("x")]))
    } throws: { error in
      "\(error)" == "command 'x' of plugin 'two' clashes with the one plugin 'one' already registered"
    }
    #expect(registry.entry("x")?.plugin == "one")
  }

  @Test func groupsSubcommands() throws {
    let registry = CommandRegistry()
    try registry.register(
      PluginDescription(
        name: "g", version: "1", summary: "", commands: [command("graph stats"), command("graph path")]))
    #expect(registry.isGroup("graph"))
    #expect(registry.members(ofGroup: "graph") == ["graph stats", "graph path"])
    expectValueOfSubcommand(registry)
  }

  func expectValueOfSubcommand(_ registry: CommandRegistry) {
    let session = Session(registry: registry, output: .memory(), errors: .memory())
    let result = evaluate("graph stat", in: session)
    #expect(result.diagnostics.first?.message == "'graph' has no subcommand 'stat'")
    #expect(result.diagnostics.first?.help == "did you mean 'graph stats'?")
  }

  @Test func unregistersAPlugin() throws {
    let registry = CommandRegistry()
    try registry.register(PluginDescription(name: "p", version: "1", summary: "", commands: [command("y")]))
    registry.unregister(plugin: "p")
    #expect(!registry.contains("y"))
  }
}
