import QuarryCore
import Synchronization

/// The record of added plugins, kept as JSON in the user's config folder
/// (`$XDG_CONFIG_HOME/quarry/plugins.json`, else `~/.config/quarry/plugins.json`).
public struct PluginRegistryFile: Sendable {
  public let path: String

  public init(path: String = PluginRegistryFile.defaultPath()) {
    self.path = path
  }

  public static func defaultPath() -> String {
    if let config = Environment.get("XDG_CONFIG_HOME"), !config.isEmpty {
      return config + "/quarry/plugins.json"
    }
    return (Environment.get("HOME") ?? ".") + "/.config/quarry/plugins.json"
  }

  func load() throws -> [Record] {
    guard FilePaths.exists(path) else { return [] }
    let text = try FilePaths.readText(path)
    guard case .list(let items) = try JSON.decode(text) else {
      throw PluginManifestError(message: "\(path) is not a JSON list of plugins")
    }
    return items.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
  }

  func save(_ manifests: [Record]) throws {
    FilePaths.makeDirectories(forFile: path)
    try FilePaths.write(JSON.encodePretty(.list(manifests.map(Value.record))) + "\n", to: path)
  }

  /// Registers every recorded plugin; returns a warning for each that cannot be.
  public func registerRecorded(into registry: CommandRegistry) -> [String] {
    var warnings: [String] = []
    let manifests: [Record]
    do {
      manifests = try load()
    } catch {
      return ["cannot read the plugin registry \(path): \(error)"]
    }
    for manifest in manifests {
      do {
        try registry.register(try ExternalPlugin(manifest: manifest))
      } catch {
        warnings.append("plugin not loaded: \(error)")
      }
    }
    return warnings
  }
}

/// Connections to plugins started in this process, to shut down at exit.
public enum PluginProcesses {
  private static let connections = Mutex<[PluginConnectionBox]>([])

  static func track(_ connection: PluginConnection) {
    connections.withLock { $0.append(PluginConnectionBox(connection: connection)) }
  }

  /// Sends `shutdown` to every running plugin and stops it.
  public static func shutdownAll() {
    let all = connections.withLock { $0 }
    for box in all { box.connection.shutdown() }
  }
}

struct PluginConnectionBox: @unchecked Sendable {
  // Connections are used from the session's thread; this only carries them to exit.
  let connection: PluginConnection
}

/// `plugin add`, `plugin list`, `plugin info` and `plugin remove`.
public enum PluginHostPlugin {
  public static func plugin(file: PluginRegistryFile = PluginRegistryFile()) -> PluginDescription {
    PluginDescription(
      name: "plugins", version: QuarryVersion.current, summary: "Add, list and remove out-of-tree plugins",
      commands: [
        PluginAddCommand(file: file), PluginListCommand(), PluginInfoCommand(),
        PluginRemoveCommand(file: file),
      ])
  }
}

struct PluginAddCommand: Command {
  let file: PluginRegistryFile
  let signature = Signature(
    "plugin add", abstract: "Add an out-of-tree plugin: run its handshake once and record its commands",
    discussion: """
      The plugin is an executable speaking Quarry's plugin protocol (Plugins/PROTOCOL.md). Its
      commands are recorded in the user's plugin registry, so help and completion know them
      without starting it; it starts on first use.
      """,
    parameters: [Parameter("path", .path, help: "the plugin executable")],
    input: .none, output: .record,
    examples: [Example("plugin add Plugins/Examples/tone.py", "add the tone plugin")])

  func run(_ invocation: Invocation) throws -> Value {
    let written = invocation.string("path") ?? ""
    let path = absolute(FilePaths.expandingTilde(written))
    guard FilePaths.exists(path) else { throw invocation.error("no such file: '\(written)'", at: "path") }
    let connection = PluginConnection(name: Self.provisionalName(of: path), path: path)
    connection.timeout = invocation.session.settings.pluginTimeout
    let handshake: PluginConnection.Handshake
    do {
      handshake = try connection.start()
    } catch let failure as PluginConnection.Failure {
      throw invocation.error(failure.description, at: "path")
    }
    connection.shutdown()
    var manifest = handshake.plugin
    manifest["path"] = .string(path)
    manifest["protocolVersion"] = .int(handshake.protocolVersion)
    manifest["commands"] = .list(handshake.commands)
    let plugin: ExternalPlugin
    do {
      plugin = try ExternalPlugin(manifest: manifest)
    } catch {
      throw invocation.error("cannot add '\(written)': \(error)", at: "path")
    }
    let registry = invocation.session.registry
    let existing = registry.plugins.first { $0.name == plugin.name }
    if let existing, !(existing is ExternalPlugin) {
      throw invocation.error("'\(plugin.name)' is the name of a built-in plugin", at: "path")
    }
    if let existing = existing as? ExternalPlugin {
      // The new version replaces the old one, which must not keep running.
      existing.connection.shutdown()
      registry.unregister(plugin: plugin.name)
    }
    do {
      try registry.register(plugin)
    } catch {
      if let existing { try? registry.register(existing) }
      throw invocation.error("cannot add '\(plugin.name)': \(error)", at: "path")
    }
    var manifests = (try? file.load()) ?? []
    manifests.removeAll { $0["name"]?.stringValue == plugin.name }
    manifests.append(manifest)
    do {
      try file.save(manifests)
    } catch {
      throw invocation.error("cannot write the plugin registry \(file.path): \(error)")
    }
    return .record(
      Record([
        "name": .string(plugin.name), "version": .string(plugin.version),
        "commands": .list(plugin.commands.map { .string($0.signature.name) }),
      ]))
  }

  /// What to call the plugin until its handshake names it: its file name.
  private static func provisionalName(of path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.split(separator: ".").first.map(String.init) ?? name
  }

  private func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return (Environment.currentDirectory ?? ".") + "/" + path
  }
}

struct PluginListCommand: Command {
  let signature = Signature(
    "plugin list", abstract: "The plugins: built-in and added, with their commands",
    input: .none, output: .table,
    examples: [Example("plugin list | where kind == external", "the added plugins")])

  func run(_ invocation: Invocation) throws -> Value {
    let rows: [[Value]] = invocation.session.registry.plugins.map { plugin in
      let external = plugin as? ExternalPlugin
      return [
        .string(plugin.name), .string(plugin.version), .string(external == nil ? "built-in" : "external"),
        .int(plugin.commands.count), external.map { .string($0.path) } ?? .null, .string(plugin.summary),
      ]
    }
    return .table(Table(columns: ["name", "version", "kind", "commands", "path", "summary"], rows: rows))
  }
}

struct PluginInfoCommand: Command {
  let signature = Signature(
    "plugin info", abstract: "One plugin's version, summary and commands",
    parameters: [
      Parameter(
        "name", .string, help: "the plugin's name",
        completion: .dynamic { session in session.registry.plugins.map(\.name) })
    ],
    input: .none, output: .record, examples: [Example("plugin info core", "the core plugin's commands")])

  func run(_ invocation: Invocation) throws -> Value {
    let name = invocation.string("name") ?? ""
    let plugins = invocation.session.registry.plugins
    guard let plugin = plugins.first(where: { $0.name == name }) else {
      throw invocation.error(
        "no plugin named '\(name)'", at: "name",
        help: Suggestion.nearest(to: name, in: plugins.map(\.name)).map { "did you mean '\($0)'?" }
          ?? "'plugin list' shows the plugins")
    }
    var record = Record()
    record["name"] = .string(plugin.name)
    record["version"] = .string(plugin.version)
    record["summary"] = .string(plugin.summary)
    if let external = plugin as? ExternalPlugin {
      record["path"] = .string(external.path)
      record["protocol"] = external.manifest["protocolVersion"] ?? .null
    }
    record["commands"] = .table(
      Table(
        columns: ["name", "abstract"],
        rows: plugin.commands.map { [.string($0.signature.name), .string($0.signature.abstract)] }))
    return .record(record)
  }
}

struct PluginRemoveCommand: Command {
  let file: PluginRegistryFile
  let signature = Signature(
    "plugin remove", abstract: "Remove an added plugin and forget its commands",
    parameters: [
      Parameter(
        "name", .string, help: "the plugin's name",
        completion: .dynamic { session in
          session.registry.plugins.compactMap { ($0 as? ExternalPlugin)?.name }
        })
    ],
    input: .none, output: .none,
    examples: [
      Example(
        "plugin add Plugins/Examples/tone.py; plugin remove tone", "add the tone plugin, then forget it")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let name = invocation.string("name") ?? ""
    let registry = invocation.session.registry
    guard let plugin = registry.plugins.first(where: { $0.name == name }) else {
      throw invocation.error(
        "no plugin named '\(name)'", at: "name",
        help: Suggestion.nearest(to: name, in: registry.plugins.map(\.name)).map { "did you mean '\($0)'?" })
    }
    guard plugin is ExternalPlugin else {
      throw invocation.error("'\(name)' is built in and cannot be removed", at: "name")
    }
    (plugin as? ExternalPlugin)?.connection.shutdown()
    registry.unregister(plugin: name)
    var manifests = (try? file.load()) ?? []
    manifests.removeAll { $0["name"]?.stringValue == name }
    do {
      try file.save(manifests)
    } catch {
      throw invocation.error("cannot write the plugin registry \(file.path): \(error)")
    }
    return .null
  }
}
