#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thrown by `exit` and `quit`: the shell or script ends with this status.
public struct ExitRequest: Error, Sendable {
  public let status: Int32
}

public struct HelpCommand: Command {
  public init() {}
  public let signature = Signature(
    "help", abstract: "List the commands, or show one command's usage, flags and examples",
    rest: Parameter(
      "command", .string, help: "a command name, such as 'where' or 'graph path'", completion: .commands),
    flags: [Flag("examples", short: "e", help: "a table of the worked examples (of one command, or of all)")],
    input: .none, output: .string,
    examples: [
      Example("help where", "how to use where"),
      Example(
        "help --examples first | get example", "the examples of one command, as a table",
        result: .list([.string("[a b c d] | first 2"), .string("[a b c] | first")])),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let session = invocation.session
    let name = invocation.rest.map(\.plainText).joined(separator: " ")
    if invocation.isSet("examples") { return try examples(of: name, invocation) }
    guard !invocation.rest.isEmpty else { return .string(Help.overview(session)) }
    if let entry = session.registry.entry(name) {
      return .string(Help.text(for: entry.signature, plugin: entry.plugin))
    }
    if let definition = session.definition(name) {
      return .string(Help.text(for: definition.signature, plugin: nil))
    }
    if session.registry.isGroup(name) {
      let members = session.registry.members(ofGroup: name)
      return .string(
        "Subcommands of '\(name)':\n"
          + members.map { "  \($0)  \(session.registry.entry($0)!.signature.abstract)\n" }.joined())
    }
    let keywords = ["let", "def", "if", "for", "try", "source", "return", "break", "continue"]
    if keywords.contains(name) {
      return .string("'\(name)' is part of the language: type 'help' for a summary of the language.\n")
    }
    throw invocation.error(
      "no command named '\(name)'",
      help: Suggestion.nearest(to: name, in: session.commandNames).map { "did you mean '\($0)'?" }
        ?? "type 'help' to list the commands")
  }
}

extension HelpCommand {
  /// Every example as a row: command, example, description and the result it states.
  fileprivate func examples(of name: String, _ invocation: Invocation) throws -> Value {
    let registry = invocation.session.registry
    let names = name.isEmpty ? registry.names : [name]
    var rows: [[Value]] = []
    for command in names {
      guard let signature = registry.entry(command)?.signature else {
        throw invocation.error(
          "no command named '\(command)'",
          help: Suggestion.nearest(to: command, in: registry.names).map { "did you mean '\($0)'?" })
      }
      for example in signature.examples {
        rows.append([
          .string(command), .string(example.example), .string(example.description),
          example.result.map { .string(JSON.encode($0)) } ?? .null,
        ])
      }
    }
    return .table(Table(columns: ["command", "example", "description", "result"], rows: rows))
  }
}

public struct ExitCommand: Command {
  public let signature: Signature

  public init(name: String = "exit") {
    signature = Signature(
      name, abstract: "Leave the shell or end the script",
      parameters: [Parameter("status", .int, help: "the exit status", default: .int(0))],
      examples: [Example("\(name) 2", "end with status 2")])
  }

  public func run(_ invocation: Invocation) throws -> Value {
    let status = invocation.int("status") ?? 0
    guard (0...255).contains(status) else {
      throw invocation.error("the exit status must be between 0 and 255, but it is \(status)", at: "status")
    }
    throw ExitRequest(status: Int32(status))
  }
}

public struct PrintCommand: Command {
  public init() {}
  public let signature = Signature(
    "print", abstract: "Print values: strings as they are, other values in the output format",
    rest: Parameter("values", .any, help: "the values to print"),
    flags: [
      Flag("stderr", short: "e", help: "print to standard error"),
      Flag("no-newline", short: "n", help: "do not end with a newline"),
    ],
    input: .any, output: .none,
    examples: [Example("let name = 'Zürich'; print \"hello $name\"", "interpolate a variable")])

  public func run(_ invocation: Invocation) throws -> Value {
    let session = invocation.session
    let stream = invocation.isSet("stderr") ? session.errors : session.output
    let values = invocation.rest.isEmpty && !invocation.input.isNull ? [invocation.input] : invocation.rest
    let renderer = Renderer(settings: session.settings)
    var text = ""
    for (index, value) in values.enumerated() {
      switch value {
      case .string, .int, .float, .bool, .date, .null:
        text += value.plainText
        if index < values.count - 1 { text += " " }
      default:
        var rendered = renderer.render(value)
        if rendered.hasSuffix("\n") { rendered.removeLast() }
        text += rendered
        if index < values.count - 1 { text += "\n" }
      }
    }
    if !invocation.isSet("no-newline") { text += "\n" }
    stream.write(text)
    return .null
  }
}

public struct SetCommand: Command {
  public init() {}
  public let signature = Signature(
    "set", abstract: "Show the session settings, or change one",
    discussion: """
      Settings: format (table, json, jsonl, csv, plain), color (on/off), width (columns, or auto),
      timer (on/off: print each command's elapsed time), rows (rows a table shows),
      plugin-timeout (seconds an out-of-tree plugin may take to answer).
      """,
    parameters: [
      Parameter(
        "setting", .string, help: "the setting to change", optional: true,
        completion: .values(["format", "color", "width", "timer", "rows", "plugin-timeout"])),
      Parameter(
        "value", .string, help: "its new value", optional: true,
        completion: .values(OutputFormat.allCases.map(\.rawValue) + ["on", "off", "auto"])),
    ],
    input: .none, output: .record,
    examples: [
      Example("set format json", "print values as JSON"),
      Example("set timer on", "time every command"),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    let session = invocation.session
    guard let name = invocation.string("setting") else { return .record(Self.describe(session.settings)) }
    guard let value = invocation.string("value") else {
      guard let current = Self.describe(session.settings)[name] else { throw unknown(name, invocation) }
      return current
    }
    func onOff() throws -> Bool {
      switch value {
      case "on", "true", "yes": return true
      case "off", "false", "no": return false
      default: throw invocation.error("'\(name)' is on or off, not '\(value)'", at: "value")
      }
    }
    switch name {
    case "format":
      guard let format = OutputFormat(rawValue: value) else {
        throw invocation.error(
          "unknown format '\(value)'", at: "value",
          help: "the formats are \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      session.settings.format = format
    case "color", "colour": session.settings.color = try onOff()
    case "timer": session.settings.timer = try onOff()
    case "width":
      if value == "auto" {
        session.settings.width = nil
      } else {
        guard let width = Int(value), width >= 20 else {
          throw invocation.error("the width is a number of columns (at least 20) or auto", at: "value")
        }
        session.settings.width = width
      }
    case "rows":
      guard let rows = Int(value), rows > 0 else {
        throw invocation.error("rows must be a positive number", at: "value")
      }
      session.settings.rows = rows
    case "plugin-timeout":
      guard let seconds = Double(value), seconds > 0 else {
        throw invocation.error("plugin-timeout is a number of seconds above 0", at: "value")
      }
      session.settings.pluginTimeout = seconds
    default:
      throw unknown(name, invocation)
    }
    return .null
  }

  private func unknown(_ name: String, _ invocation: Invocation) -> Diagnostic {
    let names = ["format", "color", "width", "timer", "rows", "plugin-timeout"]
    return invocation.error(
      "unknown setting '\(name)'", at: "setting",
      help: Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'?" }
        ?? "the settings are \(names.joined(separator: ", "))")
  }

  static func describe(_ settings: Settings) -> Record {
    Record([
      "format": .string(settings.format.rawValue),
      "color": .string(settings.color ? "on" : "off"),
      "width": settings.width.map(Value.int) ?? .string("auto"),
      "timer": .string(settings.timer ? "on" : "off"),
      "rows": .int(settings.rows),
      "plugin-timeout": settings.pluginTimeout == settings.pluginTimeout.rounded()
        ? .int(Int(settings.pluginTimeout)) : .float(settings.pluginTimeout),
    ])
  }
}

public struct HistoryCommand: Command {
  public init() {}
  public let signature = Signature(
    "history", abstract: "The statements entered in interactive sessions, oldest first",
    flags: [Flag("last", short: "l", .int, help: "only the last N entries")],
    input: .none, output: .list,
    examples: [Example("history --last 5 ", "the five most recent statements")])

  public func run(_ invocation: Invocation) throws -> Value {
    var entries = invocation.session.historyProvider?() ?? []
    if let last = invocation.int("last") {
      guard last >= 0 else { throw invocation.error("--last must not be negative", at: "last") }
      entries = Array(entries.suffix(last))
    }
    return .list(entries.map(Value.string))
  }
}

public struct ClearCommand: Command {
  public init() {}
  public let signature = Signature("clear", abstract: "Clear the terminal screen")

  public func run(_ invocation: Invocation) throws -> Value {
    if isatty(1) != 0 { invocation.session.output.write("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
    return .null
  }
}

/// The commands of the shell itself.
public enum ShellPlugin {
  public static let plugin = PluginDescription(
    name: "shell", version: QuarryVersion.current, summary: "The shell's own commands",
    commands: [
      HelpCommand(), ExitCommand(name: "exit"), ExitCommand(name: "quit"), HistoryCommand(), SetCommand(),
      PrintCommand(), ClearCommand(), MakeDirectoryCommand(),
    ])
}

/// Commands that work on any table or list.
public enum CorePlugin {
  public static let plugin = PluginDescription(
    name: "core", version: QuarryVersion.current, summary: "Commands for any table, list or record",
    commands: [
      WhereCommand(), SortCommand(), FirstCommand(), LastCommand(), SkipCommand(), SelectCommand(),
      RejectCommand(), GetCommand(), CountCommand(), UniqCommand(), GroupByCommand(), EachCommand(),
      AggregateCommand(.sum), AggregateCommand(.avg), AggregateCommand(.min), AggregateCommand(.max),
      JoinCommand(), LengthCommand(), ToCommand(), FromCommand(), OpenCommand(), SaveCommand(),
      TimeitCommand(),
    ])
}

public enum QuarryVersion {
  public static let current = "0.1.0"
}
