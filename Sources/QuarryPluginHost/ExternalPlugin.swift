import QuarryCore

/// A plugin that lives in another executable, known from its recorded handshake: its
/// commands join the registry (and so help and completion) without starting it.
public struct ExternalPlugin: Plugin {
  public let name: String
  public let version: String
  public let summary: String
  public let path: String
  public let commands: [any Command]
  /// The handshake as recorded, written back to the registry file.
  let manifest: Record
  /// The process behind every command, started on first use.
  let connection: PluginConnection

  /// Builds the plugin from a recorded manifest (the handshake's answer plus its path).
  init(manifest: Record) throws {
    guard let name = manifest["name"]?.stringValue, !name.isEmpty else {
      throw PluginManifestError(message: "a plugin without a name")
    }
    guard let path = manifest["path"]?.stringValue else {
      throw PluginManifestError(message: "plugin '\(name)' has no path")
    }
    self.name = name
    self.path = path
    self.version = manifest["version"]?.plainText ?? "?"
    self.summary = manifest["summary"]?.plainText ?? ""
    self.manifest = manifest
    let connection = PluginConnection(name: name, path: path)
    self.connection = connection
    self.commands = try (manifest["commands"]?.listElements ?? []).map { description in
      guard case .record(let record) = description else {
        throw PluginManifestError(message: "plugin '\(name)' describes a command that is not an object")
      }
      return ExternalCommand(
        signature: try Self.signature(from: record, plugin: name), connection: connection)
    }
  }

  /// A command signature from the protocol's JSON description.
  static func signature(from record: Record, plugin: String) throws -> Signature {
    guard let name = record["name"]?.stringValue, !name.isEmpty else {
      throw PluginManifestError(message: "plugin '\(plugin)' describes a command without a name")
    }
    func type(_ value: Value?) throws -> ParameterType {
      let text = value?.stringValue ?? "any"
      guard let type = ParameterType(rawValue: text), type != .condition, type != .closure else {
        throw PluginManifestError(
          message: "command '\(name)' of plugin '\(plugin)' uses the unknown type '\(text)'")
      }
      return type
    }
    var parameters: [Parameter] = []
    for item in record["params"]?.listElements ?? [] {
      guard case .record(let parameter) = item, let parameterName = parameter["name"]?.stringValue else {
        continue
      }
      parameters.append(
        Parameter(
          parameterName, try type(parameter["type"]), help: parameter["help"]?.stringValue ?? "",
          optional: parameter["optional"]?.boolValue ?? false))
    }
    var flags: [Flag] = []
    for item in record["flags"]?.listElements ?? [] {
      guard case .record(let flag) = item, let flagName = flag["name"]?.stringValue else { continue }
      let flagType = try type(flag["type"])
      flags.append(
        Flag(
          flagName, short: flag["short"]?.stringValue?.first, flagType == .bool ? nil : flagType,
          help: flag["help"]?.stringValue ?? ""))
    }
    let examples: [Example] = (record["examples"]?.listElements ?? []).compactMap { item in
      guard case .record(let example) = item, let text = example["example"]?.stringValue else { return nil }
      return Example(text, example["description"]?.stringValue ?? "")
    }
    return Signature(
      name, abstract: record["summary"]?.stringValue ?? "",
      discussion: record["description"]?.stringValue ?? "",
      parameters: parameters, flags: flags,
      input: ValueKind(rawValue: record["input"]?.stringValue ?? "any") ?? .any,
      output: ValueKind(rawValue: record["output"]?.stringValue ?? "any") ?? .any, examples: examples)
  }
}

struct PluginManifestError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

/// A command of an external plugin: binding and checking happen here, as for any
/// command, and the call travels to the plugin as a `run` request.
struct ExternalCommand: Command {
  let signature: Signature
  let connection: PluginConnection

  func run(_ invocation: Invocation) throws -> Value {
    var arguments = Record()
    for parameter in signature.parameters {
      arguments[parameter.name] = invocation.value(parameter.name) ?? .null
    }
    var flags = Record()
    for flag in signature.flags {
      if flag.isSwitch {
        flags[flag.name] = .bool(invocation.isSet(flag.name))
      } else if let value = invocation.value(flag.name) {
        flags[flag.name] = value
      }
    }
    var params = Record()
    params["command"] = .string(signature.name)
    params["args"] = .record(arguments)
    params["flags"] = .record(flags)
    params["input"] = invocation.input
    connection.timeout = invocation.session.settings.pluginTimeout
    let session = invocation.session
    do {
      let result = try connection.request("run", params: .record(params)) { progress in
        let done = progress["done"]?.plainText ?? "?"
        let total = progress["total"].map { "/" + $0.plainText } ?? ""
        let message = progress["message"]?.stringValue.map { " " + $0 } ?? ""
        session.progress("\(connection.name): \(done)\(total)\(message)")
      }
      session.progress(nil)
      guard case .record(let answer) = result, let value = answer["value"] else {
        throw invocation.error("plugin '\(connection.name)' answered without a value")
      }
      if case .list(let items) = value { return Value.collecting(items) }
      return value
    } catch let failure as PluginConnection.Failure {
      session.progress(nil)
      throw invocation.error(failure.description)
    }
  }
}
