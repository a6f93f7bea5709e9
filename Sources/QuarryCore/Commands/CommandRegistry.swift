/// The commands a session can call, each with the plugin that provides it.
public final class CommandRegistry: @unchecked Sendable {
  // Mutated only while plugins are registered, on the session's thread.
  public struct Entry: Sendable {
    public let command: any Command
    public let plugin: String
    public var signature: Signature { command.signature }
  }

  public private(set) var plugins: [any Plugin] = []
  private var entries: [String: Entry] = [:]
  /// Names in registration order, for help listings.
  public private(set) var names: [String] = []

  public init() {}

  public enum RegistrationError: Error, CustomStringConvertible {
    case clash(command: String, existing: String, new: String)
    case duplicatePlugin(String)

    public var description: String {
      switch self {
      case .clash(let command, let existing, let new):
        "command '\(command)' of plugin '\(new)' clashes with the one plugin '\(existing)' already registered"
      case .duplicatePlugin(let name): "a plugin named '\(name)' is already registered"
      }
    }
  }

  /// Registers every command of a plugin, or none if any name is taken.
  public func register(_ plugin: any Plugin) throws {
    if plugins.contains(where: { $0.name == plugin.name }) {
      throw RegistrationError.duplicatePlugin(plugin.name)
    }
    let commands = plugin.commands
    var seen: Set<String> = []
    for command in commands {
      let name = command.signature.name
      if let existing = entries[name] {
        throw RegistrationError.clash(command: name, existing: existing.plugin, new: plugin.name)
      }
      if !seen.insert(name).inserted {
        throw RegistrationError.clash(command: name, existing: plugin.name, new: plugin.name)
      }
    }
    plugins.append(plugin)
    for command in commands {
      entries[command.signature.name] = Entry(command: command, plugin: plugin.name)
      names.append(command.signature.name)
    }
  }

  /// Removes a plugin and its commands.
  public func unregister(plugin name: String) {
    plugins.removeAll { $0.name == name }
    let removed = Set(entries.filter { $0.value.plugin == name }.keys)
    for key in removed { entries[key] = nil }
    names.removeAll { removed.contains($0) }
  }

  public func entry(_ name: String) -> Entry? { entries[name] }

  public func contains(_ name: String) -> Bool { entries[name] != nil }

  /// Whether some command's name starts with `prefix + " "` (a command group such as `graph`).
  public func isGroup(_ prefix: String) -> Bool {
    let head = prefix + " "
    return names.contains { $0.hasPrefix(head) }
  }

  /// The commands of a group, `graph` giving `graph stats`, `graph path`...
  public func members(ofGroup prefix: String) -> [String] {
    let head = prefix + " "
    return names.filter { $0.hasPrefix(head) }
  }

  /// Commands whose signature declares a row condition parameter.
  public var conditionCommands: Set<String> {
    Set(entries.values.filter { $0.signature.parameters.first?.type == .condition }.map(\.signature.name))
  }
}
