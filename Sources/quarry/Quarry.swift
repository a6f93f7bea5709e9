import ArgumentParser
import QuarryCore
import QuarryPluginHost
import QuarryShell

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct Quarry: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quarry",
    abstract: "A shell for turning news text into a knowledge graph and exploring it.",
    discussion: """
      Without a script, quarry opens an interactive shell on a terminal, or runs the statements
      piped to its standard input. Data goes to stdout, diagnostics to stderr; a script stops at
      its first error with exit status 1 unless --keep-going is given.
      """,
    version: QuarryVersion.current)

  @Option(
    name: .customShort("c"), help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
  var command: String?

  @Option(
    help: "Output format: table, json, jsonl, csv or plain (default: table on a terminal, plain otherwise).")
  var format: OutputFormat?

  @ArgumentParser.Flag(help: "Go on after a failing statement; the exit status is still 1.")
  var keepGoing = false

  @ArgumentParser.Flag(help: "Do not run ~/.config/quarry/rc.quarry at interactive start.")
  var noRc = false

  @ArgumentParser.Argument(
    help: ArgumentHelp("A script to run, then arguments it sees as $args.", valueName: "script"))
  var script: String?

  @ArgumentParser.Argument(parsing: .captureForPassthrough, help: .hidden)
  var scriptArguments: [String] = []

  func run() throws {
    let status = LargeStack.run { execute() }
    PluginProcesses.shutdownAll()
    OutputStream.standardOutput.flush()
    if status != 0 { throw ExitCode(status) }
  }

  private func execute() -> Int32 {
    Terminal.installSignalHandlers()
    let interactive = command == nil && script == nil && Terminal.inputIsTerminal
    let registry: CommandRegistry
    do {
      registry = try BuiltinPlugins.registry { OutputStream.standardError.write("warning: \($0)\n") }
    } catch {
      OutputStream.standardError.write("error: \(error)\n")
      return 70
    }
    let session = Session(registry: registry)
    session.settings.format = format ?? (Terminal.outputIsTerminal ? .table : .plain)
    session.settings.color = Terminal.wantsColor(onTerminal: Terminal.outputIsTerminal)
    session.scriptArguments = scriptArguments
    session.showsProgress = Terminal.errorIsTerminal
    let shell = Shell(session: session)
    shell.keepGoing = keepGoing
    shell.colorDiagnostics = Terminal.wantsColor(onTerminal: Terminal.errorIsTerminal)

    if let command {
      if let script { session.scriptArguments = [script] + scriptArguments }
      return shell.run(SourceFiles.add(name: "<command line>", text: command)).status
    }
    if let script { return shell.runScript(path: script) }
    if interactive {
      Terminal.configureLocale()
      let history = HistoryFile(path: HistoryFile.defaultPath())
      let rc = noRc ? nil : Quarry.rcPath()
      return shell.runInteractive(history: history, rcFile: rc)
    }
    // Statements piped to standard input.
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return shell.runText(bytes, name: "<stdin>", path: nil)
  }

  static func rcPath() -> String {
    if let config = Environment.get("XDG_CONFIG_HOME"), !config.isEmpty {
      return config + "/quarry/rc.quarry"
    }
    return (Environment.get("HOME") ?? ".") + "/.config/quarry/rc.quarry"
  }
}

extension OutputFormat: ExpressibleByArgument {}
