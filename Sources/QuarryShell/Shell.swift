import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs Quarry source in a session — a script, a `-c` string, piped input or the
/// interactive loop — and turns every outcome into output, diagnostics and an exit
/// status in one place.
public final class Shell {
  public let session: Session
  public let interpreter: Interpreter
  /// Go on after a failing statement instead of stopping (scripts stop by default).
  public var keepGoing = false
  /// Colour diagnostics on stderr.
  public var colorDiagnostics = false

  public init(session: Session) {
    self.session = session
    self.interpreter = Interpreter(session: session)
  }

  public enum Outcome: Equatable {
    case success
    case failure
    case interrupted
    case exit(Int32)

    public var status: Int32 {
      switch self {
      case .success: 0
      case .failure: 1
      case .interrupted: 130
      case .exit(let status): status
      }
    }
  }

  /// Parses and runs one source text, printing each top-level value as it comes.
  public func run(_ file: SourceFile) -> Outcome {
    var parser = Parser(file: file, conditionCommands: interpreter.conditionCommands)
    let block = parser.parseScript()
    if !parser.diagnostics.isEmpty {
      for diagnostic in parser.diagnostics { report(diagnostic) }
      session.output.flush()
      return .failure
    }
    var outcome = Outcome.success
    var started = ContinuousClock.now
    interpreter.run(
      block,
      onValue: { [self] value, _ in
        var settings = session.settings
        if settings.format == .table, settings.width == nil { settings.width = Terminal.width }
        session.output.write(Renderer(settings: settings).render(value))
        session.output.flush()
      },
      onError: { [self] error in
        switch error {
        case let exit as ExitRequest:
          outcome = .exit(exit.status)
          return false
        case is Interrupted:
          session.output.flush()
          // On a terminal, overwrite the `^C` the terminal echoed.
          session.errors.write(Terminal.errorIsTerminal ? "\r\u{1B}[Kinterrupted\n" : "interrupted\n")
          outcome = .interrupted
          return false
        case let help as HelpRequest:
          printHelp(for: help.command)
          return true
        default:
          report(error)
          outcome = .failure
          return keepGoing
        }
      },
      onStatementEnd: { [self] in
        session.output.flush()
        if session.settings.timer {
          let elapsed = ContinuousClock.now - started
          let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
          session.errors.write("Run Time: real \(Shell.format(seconds)) s\n")
        }
        started = ContinuousClock.now
      })
    session.output.flush()
    if case .failure = outcome, keepGoing { return .failure }
    return outcome
  }

  static func format(_ seconds: Double) -> String {
    let milliseconds = Int((seconds * 1000).rounded())
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  private func printHelp(for command: String) {
    let signature = session.registry.entry(command)?.signature ?? session.definition(command)?.signature
    guard let signature else { return }
    session.output.write(Help.text(for: signature, plugin: session.registry.entry(command)?.plugin))
    session.output.flush()
  }

  /// Prints an error on stderr: diagnostics with their source line and caret.
  public func report(_ error: any Error) {
    session.output.flush()
    switch error {
    case let diagnostic as Diagnostic:
      session.errors.write(diagnostic.rendered(color: colorDiagnostics) + "\n")
    case let list as DiagnosticList:
      for diagnostic in list.diagnostics {
        session.errors.write(diagnostic.rendered(color: colorDiagnostics) + "\n")
      }
    default:
      session.errors.write("error: \(error)\n")
    }
  }

  /// Reports a problem that has no source location (a missing script, say).
  public func reportMessage(_ message: String) {
    session.output.flush()
    let red = colorDiagnostics ? "\u{1B}[1;31m" : ""
    let reset = colorDiagnostics ? "\u{1B}[0m" : ""
    session.errors.write("\(red)error:\(reset) \(message)\n")
  }

  // MARK: Scripts

  /// Reads a script file and runs it; the status is the script's exit status.
  public func runScript(path: String) -> Int32 {
    let bytes: [UInt8]
    do {
      bytes = try FilePaths.readBytes(path)
    } catch {
      reportMessage("cannot read script '\(path)': \(error)")
      return 1
    }
    return runText(bytes, name: path, path: path)
  }

  /// Runs source given as bytes (a script, or statements piped to stdin).
  public func runText(_ bytes: [UInt8], name: String, path: String?) -> Int32 {
    if let offset = FilePaths.invalidUTF8Offset(bytes) {
      reportMessage(
        "\(name) is not UTF-8 text (invalid or NUL byte at offset \(offset)); is it a binary file?")
      return 1
    }
    let file = SourceFiles.add(name: name, path: path, text: String(decoding: bytes, as: UTF8.self))
    return run(file).status
  }

  // MARK: Interactive

  public static let prompt = "quarry> "
  public static let continuationPrompt = "   ...> "

  /// The interactive loop: reads statements with the line editor until Ctrl-D or `exit`.
  public func runInteractive(history: HistoryFile, rcFile: String?) -> Int32 {
    let editor = LineEditor()
    guard editor.isAvailable else {
      reportMessage("cannot start the line editor on this terminal")
      return 1
    }
    let completer = Completer(session: session)
    editor.complete = { line, cursor in completer.complete(line: line, cursor: cursor) }
    for entry in history.load() { editor.addHistory(entry) }
    session.historyProvider = { history.load() }
    if let rcFile, FilePaths.exists(rcFile) {
      let status = runScript(path: rcFile)
      if status != 0 && status != 1 { return status }
    }
    var lineNumber = 0
    var buffer = ""
    var firstLineOfStatement = 1
    defer { history.trim() }
    while true {
      let result = editor.readLine(prompt: buffer.isEmpty ? Shell.prompt : Shell.continuationPrompt)
      switch result {
      case .interrupted:
        buffer = ""
        continue
      case .endOfInput:
        Terminal.writeOut("\n")
        return 0
      case .line(let line):
        lineNumber += 1
        if buffer.isEmpty { firstLineOfStatement = lineNumber }
        buffer += buffer.isEmpty ? line : "\n" + line
        if InputCompleteness.needsMoreInput(buffer) { continue }
      }
      let statement = buffer
      buffer = ""
      guard statement.contains(where: { !$0.isWhitespace }) else { continue }
      editor.addHistory(statement)
      history.append(statement)
      let file = SourceFiles.add(name: "<repl>", text: statement, firstLine: firstLineOfStatement)
      Interrupt.take()
      if case .exit(let status) = run(file) { return status }
    }
  }
}
