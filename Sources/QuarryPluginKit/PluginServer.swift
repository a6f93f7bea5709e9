import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Serves a `Plugin` over Quarry's plugin protocol (Plugins/PROTOCOL.md) on standard
/// input and output, so a plugin written against the same `Command` API as the built-in
/// ones can ship as its own executable:
///
/// ```swift
/// @main enum Main { static func main() { PluginServer(plugin: MyPlugin()).run() } }
/// ```
public struct PluginServer {
  public let plugin: any Plugin
  /// The protocol versions this server speaks.
  public static let protocolVersions = [1]

  public init(plugin: any Plugin) {
    self.plugin = plugin
  }

  /// Answers requests until `shutdown` or the end of input; returns the exit status.
  public func run() -> Int32 {
    guard CommandLine.arguments.contains("--quarry-plugin") else {
      log("This is a Quarry plugin: add it with `plugin add \(CommandLine.arguments[0])` in quarry.")
      return 2
    }
    let registry = CommandRegistry()
    let session = Session(registry: registry, output: .memory(), errors: .standardError)
    let commands = Dictionary(
      plugin.commands.map { ($0.signature.name, $0) }, uniquingKeysWith: { first, _ in first })
    while let line = Swift.readLine(strippingNewline: true) {
      guard case .record(let message)? = try? JSON.decode(line) else {
        log("ignoring a line that is not a JSON object")
        continue
      }
      let id = message["id"] ?? .null
      switch message["method"]?.stringValue {
      case "initialize":
        let offered =
          (message["params"].flatMap { params -> [Value]? in
            if case .record(let record) = params { return record["protocolVersions"]?.listElements }
            return nil
          } ?? []).compactMap(\.intValue)
        guard let version = Self.protocolVersions.filter(offered.contains).max() else {
          reply(
            id,
            error:
              "no common protocol version: the host offers \(offered), this plugin speaks \(Self.protocolVersions)"
          )
          continue
        }
        var description = Record()
        description["name"] = .string(plugin.name)
        description["version"] = .string(plugin.version)
        description["summary"] = .string(plugin.summary)
        var result = Record()
        result["protocolVersion"] = .int(version)
        result["plugin"] = .record(description)
        result["commands"] = .list(plugin.commands.map { .record(Self.describe($0.signature)) })
        reply(id, result: .record(result))
      case "run":
        guard case .record(let params)? = message["params"], let name = params["command"]?.stringValue,
          let command = commands[name]
        else {
          reply(id, error: "unknown command")
          continue
        }
        let arguments: Record
        if case .record(let record)? = params["args"] { arguments = record } else { arguments = Record() }
        let flags: Record
        if case .record(let record)? = params["flags"] { flags = record } else { flags = Record() }
        do {
          let value = try session.run(
            command, arguments: arguments, flags: flags, input: params["input"] ?? .null)
          reply(id, result: .record(Record(["value": value])))
        } catch let diagnostic as Diagnostic {
          reply(id, error: diagnostic.message)
        } catch {
          reply(id, error: "\(error)")
        }
      case "shutdown":
        reply(id, result: .null)
        return 0
      case "cancel":
        continue
      default:
        if !id.isNull { reply(id, error: "unknown method") }
      }
    }
    return 0
  }

  /// A signature in the protocol's JSON shape.
  public static func describe(_ signature: Signature) -> Record {
    var record = Record()
    record["name"] = .string(signature.name)
    record["summary"] = .string(signature.abstract)
    if !signature.discussion.isEmpty { record["description"] = .string(signature.discussion) }
    record["params"] = .list(
      signature.parameters.map { parameter in
        .record(
          Record([
            "name": .string(parameter.name), "type": .string(parameter.type.rawValue),
            "optional": .bool(parameter.isOptional), "help": .string(parameter.help),
          ]))
      })
    record["flags"] = .list(
      signature.flags.map { flag in
        var entry = Record()
        entry["name"] = .string(flag.name)
        if let short = flag.short { entry["short"] = .string(String(short)) }
        entry["type"] = .string(flag.type?.rawValue ?? "bool")
        entry["help"] = .string(flag.help)
        return .record(entry)
      })
    record["input"] = .string(signature.input.rawValue)
    record["output"] = .string(signature.output.rawValue)
    record["examples"] = .list(
      signature.examples.map {
        .record(Record(["example": .string($0.example), "description": .string($0.description)]))
      })
    return record
  }

  private func reply(_ id: Value, result: Value) {
    var message = Record()
    message["jsonrpc"] = .string("2.0")
    message["id"] = id
    message["result"] = result
    write(JSON.encode(.record(message)))
  }

  private func reply(_ id: Value, error: String) {
    var message = Record()
    message["jsonrpc"] = .string("2.0")
    message["id"] = id
    message["error"] = .record(Record(["code": .int(1), "message": .string(error)]))
    write(JSON.encode(.record(message)))
  }

  private func write(_ line: String) {
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
      if written <= 0 {
        if written < 0 && errno == EINTR { continue }
        exit(0)  // the host went away
      }
      offset += written
    }
  }

  private func log(_ message: String) {
    OutputStream.standardError.write(message + "\n")
  }
}
