import QuarryCore
import Testing

@testable import QuarryShell

@Suite struct CompleterTests {
  func completer() -> Completer {
    let registry = CommandRegistry()
    try! registry.register(ShellPlugin.plugin)
    try! registry.register(CorePlugin.plugin)
    try! registry.register(
      PluginDescription(
        name: "test", version: "1", summary: "grouped commands",
        commands: [
          ClosureCommand(Signature("graph stats", abstract: "stats")) { _ in .null },
          ClosureCommand(
            Signature(
              "graph path", abstract: "path",
              parameters: [
                Parameter(
                  "from", .string, help: "a node", completion: .values(["Lloyd Austin", "Li Shangfu"]))
              ]
            )
          ) { _ in .null },
        ]))
    let session = Session(registry: registry, output: .memory(), errors: .memory())
    session.setVariable("people", .null)
    return Completer(session: session)
  }

  func candidates(_ line: String, cursor: Int? = nil) -> [String] {
    completer().complete(line: line, cursor: cursor ?? line.utf8.count).candidates
  }

  @Test func commandNames() {
    #expect(candidates("so") == ["sort", "source"])
    #expect(candidates("[1] | fi") == ["first"])
  }

  @Test func subcommands() {
    #expect(candidates("graph ") == ["path", "stats"])
    #expect(candidates("graph st") == ["stats"])
  }

  @Test func flagsOfTheCommandBeingTyped() {
    #expect(candidates("[1] | sort --d") == ["--desc"])
    #expect(candidates("open x.json --") == ["--format", "--raw"])
  }

  @Test func declaredValues() {
    #expect(candidates("set format j") == ["json", "jsonl"])
    #expect(candidates("graph path \"Li") == ["\"Li Shangfu\""])
    #expect(candidates("open x --format c") == ["csv"])
  }

  @Test func variables() {
    #expect(candidates("print $pe") == ["$people"])
  }

  @Test func midLineCompletionLooksBeforeTheCursor() {
    let line = "so | first 2"
    #expect(candidates(line, cursor: 2) == ["sort", "source"])
  }

  @Test func commonPrefix() {
    #expect(Completer.commonPrefix(["json", "jsonl"]) == "json")
    #expect(Completer.commonPrefix(["a", "b"]) == "")
  }
}

@Suite struct CompleterPathTests {
  @Test func completesFilesAndFolders() throws {
    let directory = "/tmp/quarry-completer-\(UInt32.random(in: 0...UInt32.max))"
    #expect(mkdirForTest(directory))
    try FilePaths.write("", to: directory + "/tour.quarry")
    #expect(mkdirForTest(directory + "/corpus"))
    let registry = CommandRegistry()
    try registry.register(CorePlugin.plugin)
    let completer = Completer(session: Session(registry: registry, output: .memory(), errors: .memory()))
    #expect(
      completer.complete(line: "open \(directory)/t", cursor: 6 + directory.utf8.count + 1).candidates == [
        "\(directory)/tour.quarry"
      ])
    #expect(
      completer.complete(line: "open \(directory)/c", cursor: 6 + directory.utf8.count + 1).candidates == [
        "\(directory)/corpus/"
      ])
  }
}
