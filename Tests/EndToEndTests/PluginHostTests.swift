import Foundation
import Testing

/// Out-of-tree plugins through the real binary: the handshake, the registry, and every
/// way a plugin can misbehave. Each misbehaving plugin is a small Python script written
/// for the test.
@Suite struct PluginHostTests {
  static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// A plugin that follows the protocol except where `run` says otherwise.
  static func plugin(named name: String, version: Int = 1, run: String, initialize: String? = nil) throws
    -> String
  {
    let folder = temporaryDirectory()
    let path = folder + "/\(name).py"
    let script = """
      #!/usr/bin/env python3
      import json, os, sys, time
      def send(m):
          sys.stdout.write(json.dumps(m) + "\\n"); sys.stdout.flush()
      for line in sys.stdin:
          m = json.loads(line)
          i, method, p = m.get("id"), m.get("method"), m.get("params") or {}
          if method == "initialize":
      \(initialize ?? """
              send({"jsonrpc": "2.0", "id": i, "result": {"protocolVersion": \(version),
                "plugin": {"name": "\(name)", "version": "0.1", "summary": "test plugin"},
                "commands": [{"name": "\(name)", "summary": "misbehaves on purpose",
                  "params": [{"name": "n", "type": "int", "optional": True, "help": "a number"}],
                  "flags": [{"name": "loud", "short": "l", "type": "bool", "help": "shout"}],
                  "input": "any", "output": "any"}]}})
      """)
          elif method == "run":
              print("running \(name)", file=sys.stderr, flush=True)
      \(run.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))
          elif method == "shutdown":
              send({"jsonrpc": "2.0", "id": i, "result": None}); break
      """
    try write(script, to: path, executable: true)
    return path
  }

  static let wellBehaved = """
    send({"jsonrpc": "2.0", "id": i, "result": {"value": {"n": (p["args"].get("n") or 0) * 2, "loud": p["flags"]["loud"], "input": p["input"]}}})
    """

  /// Runs statements with a fresh home whose plugin registry holds the given plugin.
  func session(_ statements: String, plugin path: String, home: String = temporaryDirectory()) throws
    -> RunResult
  {
    let added = try runQuarry(["-c", "plugin add '\(path)'"], environment: ["HOME": home])
    #expect(added.status == 0, "\(added.stderr)")
    return try runQuarry(["--keep-going", "-c", statements], environment: ["HOME": home])
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func callsAndHandshake() throws {
    let path = try Self.plugin(named: "double", run: Self.wellBehaved)
    let result = try session("double 21 --loud | to json; [1 2] | double | get input | to json", plugin: path)
    #expect(result.stdout == "{\"n\":42,\"loud\":true,\"input\":null}\n[1,2]\n", "\(result.stderr)")
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func registryPersistsAndHelpNeedsNoProcess() throws {
    let home = temporaryDirectory()
    let path = try Self.plugin(named: "persisted", run: Self.wellBehaved)
    _ = try session("print ok", plugin: path, home: home)
    // Without execute permission the plugin cannot start: help must come from the record.
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let help = try runQuarry(["-c", "help persisted"], environment: ["HOME": home])
    #expect(help.stdout.contains("persisted [n] [flags]"))
    #expect(help.stdout.contains("-l, --loud"))
    let list = try runQuarry(
      ["-c", "plugin list | where kind == external | get name"], environment: ["HOME": home])
    #expect(list.stdout == "persisted\n")
    let removed = try runQuarry(
      ["-c", "plugin remove persisted; plugin list | where kind == external | length"],
      environment: ["HOME": home])
    #expect(removed.stdout == "0\n")
    let after = try runQuarry(["-c", "persisted"], environment: ["HOME": home])
    #expect(after.stderr.contains("unknown command 'persisted'"))
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func refusesAnUnsupportedProtocolVersion() throws {
    let path = try Self.plugin(named: "future", version: 7, run: Self.wellBehaved)
    let result = try runQuarry(["-c", "plugin add '\(path)'"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "plugin 'future' failed: it speaks protocol version 7, and this quarry speaks version 1"))
  }

  /// Each misbehaviour gives one clear error naming the plugin; the session goes on.
  @Test(
    .enabled(if: python != nil, "python3 is not installed"),
    arguments: [
      ("crash", "os._exit(3)", "plugin 'crash' failed: it exited with status 3"),
      ("segfault", "os.kill(os.getpid(), 11)", "plugin 'segfault' failed: it crashed (signal 11)"),
      (
        "garbage", "print('hello from the plugin', flush=True)",
        "is not JSON on standard output: \"hello from the plugin\""
      ),
      (
        "malformed", "sys.stdout.write('{\"jsonrpc\": \"2.0\", \"id\": \\n'); sys.stdout.flush()",
        "is not JSON"
      ),
      (
        "wrongid", "send({\"jsonrpc\": \"2.0\", \"id\": i + 100, \"result\": {\"value\": 1}})",
        "while request"
      ),
      ("hang", "time.sleep(60)", "did not answer 'run' within 1 s"),
      (
        "refuses",
        "send({\"jsonrpc\": \"2.0\", \"id\": i, \"error\": {\"code\": 1, \"message\": \"lexicon file not found: x.txt\"}})",
        "plugin 'refuses' failed: lexicon file not found: x.txt"
      ),
      (
        "flood", "sys.stdout.write('x' * (80 << 20)); sys.stdout.flush(); time.sleep(60)",
        "longer than 64 MiB"
      ),
    ])
  func misbehaviourIsContained(_ name: String, _ run: String, _ expected: String) throws {
    let path = try Self.plugin(named: name, run: run)
    // Reading 64 MiB takes a while in a debug build: the flood gets time to show itself.
    let timeout = name == "flood" ? 60 : 1
    let result = try session(
      "let kept = 41; set plugin-timeout \(timeout); \(name) 1; print ($kept + 1); \(name) 2; print after",
      plugin: path)
    #expect(result.status == 1)
    #expect(result.stdout == "42\nafter\n", "\(result.stderr)")
    #expect(result.stderr.contains(expected), "\(result.stderr)")
    if name != "refuses" && name != "garbage" && name != "malformed" && name != "wrongid" {
      return
    }
    #expect(result.stderr.components(separatedBy: ": error: plugin").count == 3, "one error per failing call")
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func errorsShowThePluginsLog() throws {
    let path = try Self.plugin(
      named: "noisy", run: "print('about to fail', file=sys.stderr, flush=True)\nos._exit(1)")
    let result = try session("noisy", plugin: path)
    #expect(result.stderr.contains("its last lines of standard error"))
    #expect(result.stderr.contains("| about to fail"))
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func tonePluginScoresText() throws {
    let result = try session(
      "tone 'peace deal agreed after talks' | get tone; [{id: a, text: 'missile attack'}] | tone | get tone.0",
      plugin: Package.root + "/Plugins/Examples/tone.py")
    #expect(result.stdout == "60.0\n-100.0\n", "\(result.stderr)")
  }

  @Test func swiftPluginServedByThePluginKit() throws {
    let path =
      URL(fileURLWithPath: QuarryBinary.path).deletingLastPathComponent().path + "/quarry-readability"
    try #require(FileManager.default.isExecutableFile(atPath: path), "build the quarry-readability product")
    let result = try session(
      "readability 'The cat sat on the mat.' | get words; 7 | readability ping; [{text: 'Go now.'}] | readability | get sentences.0; readability --bogus",
      plugin: path)
    #expect(result.stdout == "6\n7\n1\n", "\(result.stderr)")
    #expect(result.stderr.contains("unknown flag --bogus for 'readability'"))
  }

  @Test func pluginInfoDescribesAnAddedPlugin() throws {
    let path = try Self.plugin(named: "described", run: Self.wellBehaved)
    let result = try session(
      "plugin info described | get commands.name.0; plugin info describd", plugin: path)
    #expect(result.stdout == "described\n")
    #expect(result.stderr.contains("did you mean 'described'?"))
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func staysUpBetweenCallsAndShutsDownAtExit() throws {
    let marker = temporaryDirectory() + "/shut-down"
    let path = try Self.plugin(
      named: "counter",
      run: """
        calls = globals().get("calls", 0) + 1
        globals()["calls"] = calls
        send({"jsonrpc": "2.0", "id": i, "result": {"value": [calls, os.getpid()]}})
        """)
    let script = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "send({\"jsonrpc\": \"2.0\", \"id\": i, \"result\": None}); break",
      with:
        "open('\(marker)', 'w').write('bye'); send({\"jsonrpc\": \"2.0\", \"id\": i, \"result\": None}); break"
    )
    try write(script, to: path, executable: true)
    let result = try session(
      "let a = (counter); let b = (counter); [$a.0 $b.0 ($a.1 == $b.1)] | to json", plugin: path)
    #expect(result.stdout == "[1,2,true]\n", "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: marker), "the plugin was sent 'shutdown' at exit")
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func progressNotificationsComeBeforeTheAnswer() throws {
    let path = try Self.plugin(
      named: "progressive",
      run: """
        for done in range(3):
            send({"jsonrpc": "2.0", "method": "progress", "params": {"id": i, "done": done, "total": 3, "message": "working"}})
        send({"jsonrpc": "2.0", "id": i, "result": {"value": "finished"}})
        """)
    let result = try session("progressive", plugin: path)
    #expect(result.status == 0)
    #expect(result.stdout == "finished\n", "\(result.stderr)")
    #expect(result.stderr.isEmpty, "progress is shown on a terminal only")
  }

  @Test(.enabled(if: python != nil, "python3 is not installed"))
  func removingAPluginStopsItsProcess() throws {
    let marker = temporaryDirectory() + "/shut-down"
    let path = try Self.plugin(named: "removable", run: Self.wellBehaved)
    let script = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "send({\"jsonrpc\": \"2.0\", \"id\": i, \"result\": None}); break",
      with:
        "open('\(marker)', 'w').write('bye'); send({\"jsonrpc\": \"2.0\", \"id\": i, \"result\": None}); break"
    )
    try write(script, to: path, executable: true)
    let result = try session(
      "let n = (removable 1 | get n); plugin remove removable; open '\(marker)'", plugin: path)
    #expect(result.stdout == "bye\n", "\(result.stderr)")
  }
}
