import QuarryCore

/// JSON-RPC 2.0 over a plugin's standard input and output, one message a line. The
/// process starts on the first request and stays up for the next; any breach of the
/// protocol ends it, so the next request starts a fresh one.
final class PluginConnection: @unchecked Sendable {
  // Used from the session's thread only.
  let name: String
  let path: String
  private var process: PluginProcess?
  private var nextID = 1
  /// Seconds a request may take before the plugin is stopped.
  var timeout: Double = 30
  /// The longest line the plugin may write.
  var maximumLine = 64 << 20

  static let hostVersions = [1]

  init(name: String, path: String) {
    self.name = name
    self.path = path
    PluginProcesses.track(self)
  }

  deinit { shutdown() }

  /// An error naming the plugin, with the last lines of its log.
  struct Failure: Error, CustomStringConvertible {
    let plugin: String
    let message: String
    let log: [String]

    var description: String {
      var text = "plugin '\(plugin)' failed: \(message)"
      if !log.isEmpty {
        text +=
          "\nits last lines of standard error:\n" + log.suffix(5).map { "  | " + $0 }.joined(separator: "\n")
      }
      return text
    }
  }

  /// What the plugin said about itself in the handshake.
  struct Handshake {
    var protocolVersion: Int
    var plugin: Record
    var commands: [Value]
  }

  private func fail(_ message: String) -> Failure {
    let log = process?.logLines ?? []
    process?.terminate(grace: 0)
    process = nil
    return Failure(plugin: name, message: message, log: log)
  }

  /// Starts the plugin if needed and runs the handshake.
  @discardableResult
  func start() throws -> Handshake {
    do {
      process = try PluginProcess(path: path)
    } catch let error as PluginProcess.Failure {
      throw Failure(plugin: name, message: error.message, log: [])
    }
    var host = Record()
    host["name"] = .string("quarry")
    host["version"] = .string(QuarryVersion.current)
    var params = Record()
    params["host"] = .record(host)
    params["protocolVersions"] = .list(Self.hostVersions.map(Value.int))
    let result = try request("initialize", params: .record(params), starting: false)
    guard case .record(let answer) = result else { throw fail("its answer to 'initialize' is not an object") }
    guard case .int(let version)? = answer["protocolVersion"] else {
      throw fail("its answer to 'initialize' has no protocolVersion")
    }
    guard Self.hostVersions.contains(version) else {
      throw fail(
        "it speaks protocol version \(version), and this quarry speaks version "
          + Self.hostVersions.map(String.init).joined(separator: ", "))
    }
    guard case .record(let plugin)? = answer["plugin"] else {
      throw fail("its answer to 'initialize' has no plugin")
    }
    let commands = answer["commands"]?.listElements ?? []
    return Handshake(protocolVersion: version, plugin: plugin, commands: commands)
  }

  /// Sends a request and waits for its answer, passing progress notifications on.
  func request(
    _ method: String, params: Value, starting: Bool = true, progress: ((Record) -> Void)? = nil
  ) throws -> Value {
    if starting && (process == nil || process?.isRunning == false) {
      process = nil
      try start()
    }
    guard let process else { throw Failure(plugin: name, message: "it is not running", log: []) }
    let id = nextID
    nextID += 1
    var message = Record()
    message["jsonrpc"] = .string("2.0")
    message["id"] = .int(id)
    message["method"] = .string(method)
    message["params"] = params
    do {
      try process.send(JSON.encode(.record(message)))
    } catch let error as PluginProcess.Failure {
      process.reap(wait: true)
      throw fail(error.message)
    }
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var cancelled = false
    while true {
      let line: String?
      do {
        line = try process.readLine(until: deadline, maximumLine: maximumLine)
      } catch let error as PluginProcess.Failure {
        throw fail(error.message)
      }
      guard let line else {
        if Interrupt.isRaised && !cancelled {
          // Ctrl-C: ask the plugin to stop, and give it a moment to answer.
          cancelled = true
          var cancel = Record()
          cancel["jsonrpc"] = .string("2.0")
          cancel["method"] = .string("cancel")
          cancel["params"] = .record(Record(["id": .int(id)]))
          try? process.send(JSON.encode(.record(cancel)))
          let grace = ContinuousClock.now + .seconds(2)
          while let answer = try? process.readLine(until: grace, maximumLine: maximumLine) {
            if answer.contains("\"id\":\(id)") || answer.contains("\"id\": \(id)") { break }
          }
          self.process?.terminate(grace: 0.1)
          self.process = nil
          throw Interrupted()
        }
        if ContinuousClock.now >= deadline {
          throw fail(
            "it did not answer '\(method)' within \(formatSeconds(timeout)) s (set plugin-timeout to wait longer)"
          )
        }
        continue
      }
      let decoded: Value
      do {
        decoded = try JSON.decode(line)
      } catch {
        throw fail("it wrote something that is not JSON on standard output: \(Self.excerpt(line))")
      }
      guard case .record(let answer) = decoded, answer["jsonrpc"]?.stringValue == "2.0" else {
        throw fail("it wrote something that is not a JSON-RPC 2.0 message: \(Self.excerpt(line))")
      }
      if answer["id"] == nil || answer["id"]?.isNull == true {
        if answer["method"]?.stringValue == "progress", case .record(let params)? = answer["params"] {
          progress?(params)
        }
        continue
      }
      guard case .int(let answerID)? = answer["id"], answerID == id else {
        throw fail(
          "it answered request \(answer["id"].map(JSON.encode) ?? "?") while request \(id) was waiting")
      }
      if case .record(let error)? = answer["error"] {
        throw Failure(
          plugin: name, message: error["message"]?.plainText ?? "an error without a message", log: [])
      }
      guard let result = answer["result"] else { throw fail("its answer has neither result nor error") }
      return result
    }
  }

  static func excerpt(_ line: String) -> String {
    let short = line.count > 80 ? String(line.prefix(80)) + "…" : line
    return JSON.encode(.string(short))
  }

  /// Asks the plugin to shut down, then closes its input and stops it.
  func shutdown() {
    guard let process, process.isRunning else { return }
    var message = Record()
    message["jsonrpc"] = .string("2.0")
    message["id"] = .int(nextID)
    message["method"] = .string("shutdown")
    try? process.send(JSON.encode(.record(message)))
    process.terminate(grace: 0.5)
    self.process = nil
  }
}

/// Seconds with up to three decimals.
func formatSeconds(_ seconds: Double) -> String {
  seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
