/// Output formats for values printed at the top level.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, jsonl, csv, plain
}

/// Settings a user changes with `set`.
public struct Settings: Sendable {
  public var format: OutputFormat = .plain
  public var color = false
  /// Terminal width for tables; `nil` means as wide as the rows need.
  public var width: Int?
  public var timer = false
  /// Rows a table shows before `… N more rows`.
  public var rows = 50
  /// Seconds an out-of-tree plugin may take to answer before it is stopped.
  public var pluginTimeout: Double = 30

  public init() {}
}

/// One shell session: its commands, variables, definitions, settings and plugin state.
/// The session's data lives here, so an error in one statement never loses it.
public final class Session: @unchecked Sendable {
  // A session is driven by one thread: the shell's or the script runner's.
  public let registry: CommandRegistry
  public var settings = Settings()
  /// Arguments after the script's path, visible to the script as `$args`.
  public var scriptArguments: [String] = []
  /// Where printed values go.
  public var output: OutputStream
  /// Where warnings and diagnostics go.
  public var errors: OutputStream
  /// User definitions made with `def`.
  var definitions: [String: UserCommand] = [:]
  let globals = Frame(parent: nil)
  /// Plugin state by type: the extractor's workspace, the current graph.
  private var state: [ObjectIdentifier: AnyObject] = [:]
  /// Lines entered in this session, for `history` (set by the shell).
  public var historyProvider: (@Sendable () -> [String])?
  /// The maximum depth of nested `def` calls.
  public var recursionLimit = 1000

  public init(
    registry: CommandRegistry, output: OutputStream = .standardOutput, errors: OutputStream = .standardError
  ) {
    self.registry = registry
    self.output = output
    self.errors = errors
  }

  /// The plugin state of a type, made on first use.
  public func state<State: AnyObject>(_ type: State.Type, orMake make: () -> State) -> State {
    let key = ObjectIdentifier(type)
    if let existing = state[key] as? State { return existing }
    let made = make()
    state[key] = made
    return made
  }

  /// The plugin state of a type, if any was made.
  public func existingState<State: AnyObject>(_ type: State.Type) -> State? {
    state[ObjectIdentifier(type)] as? State
  }

  public func variable(_ name: String) -> Value? { globals.lookup(name) }

  public func setVariable(_ name: String, _ value: Value) { globals.assign(name, value) }

  /// Names of variables defined at the top level.
  public var variableNames: [String] { globals.names }

  /// Names of user-defined commands.
  public var definitionNames: [String] { Array(definitions.keys).sorted() }

  public func definition(_ name: String) -> UserCommand? { definitions[name] }

  /// Every callable name: registered commands and user definitions.
  public var commandNames: [String] { registry.names + definitionNames }

  /// Whether progress lines are shown (on a terminal only).
  public var showsProgress = false

  /// Shows a one-line progress message on stderr, replacing the last; nil clears it.
  /// `force` shows it even when stderr is not a terminal (a command's `--progress`).
  public func progress(_ message: String?, force: Bool = false) {
    guard showsProgress || force else { return }
    if let message {
      errors.write("\r\u{1B}[K" + message)
    } else {
      errors.write("\r\u{1B}[K")
    }
  }

  /// Writes a warning to the error stream.
  public func warn(_ message: String) {
    errors.write("warning: \(message)\n")
  }
}
