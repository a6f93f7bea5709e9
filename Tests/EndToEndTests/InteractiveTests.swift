import Foundation
import Testing

/// Drives the real shell in a real terminal: tmux runs it, send-keys types, capture-pane
/// reads the screen.
final class TmuxSession {
  static let isAvailable =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")

  let socket = "quarry-test-\(UUID().uuidString.prefix(8))"
  let home: String

  /// Starts `quarry --no-rc` in a new terminal, then waits for its prompt.
  init(home: String = temporaryDirectory(), arguments: String = "--no-rc") throws {
    self.home = home
    let command =
      "env HOME='\(home)' LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(QuarryBinary.path)' \(arguments); echo \"[exit $?]\"; sleep 30"
    try tmux(["new-session", "-d", "-s", "main", "-x", "100", "-y", "40", command])
    try waitFor("quarry>")
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  /// Runs a tmux command and returns what it printed. It uses posix_spawn and waitpid
  /// rather than Foundation's Process, which on Linux waits for every holder of a
  /// descriptor it passes to the child, and the tmux server keeps those open.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let outputPath = NSTemporaryDirectory() + "quarry-tmux-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // The test runner's threads block signals; the shell under test must not inherit that.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// Types text literally (no key names).
  func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", "--", text]) }

  /// Presses keys by tmux name: Enter, Tab, C-c, C-d, Left, BSpace, Up...
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

  var screen: String { (try? tmux(["capture-pane", "-p", "-t", "main"])) ?? "" }

  /// Waits until the screen shows some text, failing after a few seconds. capture-pane
  /// drops trailing spaces, so expected text should not end with one.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let current = screen
      if current.contains(text) { return current }
      Thread.sleep(forTimeInterval: 0.05)
    }
    let current = screen
    Issue.record(
      "timed out waiting for \(text.debugDescription); the screen shows:\n\(current)",
      sourceLocation: sourceLocation)
    return current
  }

  /// Waits until the screen satisfies a condition (or a few seconds pass), and returns it.
  func waitUntil(timeout: Double = 10, _ condition: (String) -> Bool) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var current = screen
    while !condition(current) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      current = screen
    }
    return current
  }
}

@Suite(
  .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed: the interactive tests are skipped"))
struct InteractiveTests {
  @Test func historySurvivesARestart() throws {
    let home = temporaryDirectory()
    do {
      let first = try TmuxSession(home: home)
      try first.type("print remembered-entry")
      try first.press("Enter")
      try first.waitFor("\nremembered-entry")
      try first.press("C-d")
      try first.waitFor("[exit 0]")
    }
    let second = try TmuxSession(home: home)
    try second.press("Up")
    try second.waitFor("quarry> print remembered-entry")
    let history = try String(contentsOfFile: home + "/.local/state/quarry/history", encoding: .utf8)
    #expect(history == "print remembered-entry\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: home + "/.local/state/quarry/history")
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test func multiLineStatementIsOneHistoryEntry() throws {
    let shell = try TmuxSession()
    try shell.type("def twice [n: int] {")
    try shell.press("Enter")
    try shell.waitFor("   ...>")
    try shell.type("$n * 2")
    try shell.press("Enter")
    try shell.type("}")
    try shell.press("Enter")
    try shell.type("twice 21")
    try shell.press("Enter")
    try shell.waitFor("\n42")
    try shell.type("history")
    try shell.press("Enter")
    // Once `history` has listed `twice 21`, both entries are in the file.
    let screen = shell.waitUntil { $0.components(separatedBy: "twice 21").count >= 3 }
    #expect(screen.components(separatedBy: "twice 21").count >= 3, "\(screen)")
    let history = try String(contentsOfFile: shell.home + "/.local/state/quarry/history", encoding: .utf8)
    #expect(history == "def twice [n: int] {\\n$n * 2\\n}\ntwice 21\nhistory\n")
  }

  @Test func tabCompletesACommandAFlagAndAPath() throws {
    let directory = temporaryDirectory()
    try write("", to: directory + "/tour.quarry")
    let shell = try TmuxSession()
    try shell.type("[3 1] | sor")
    try shell.press("Tab")
    try shell.waitFor("quarry> [3 1] | sort")
    try shell.type("--d")
    try shell.press("Tab")
    try shell.waitFor("quarry> [3 1] | sort --desc")
    try shell.type(" | to json")
    try shell.press("Enter")
    try shell.waitFor("\n[3,1]")
    try shell.type("open \(directory)/to")
    try shell.press("Tab")
    try shell.waitFor("\(directory)/tour.quarry")
  }

  @Test func tabCompletesEntityNames() throws {
    let shell = try TmuxSession()
    try shell.type("ingest \(Package.root)/Scripts/corpus; extract | get documents")
    try shell.press("Enter")
    try shell.waitFor("\n1\n")
    try shell.type("entities Lloyd")
    try shell.press("Tab")
    try shell.waitFor("quarry> entities \"Lloyd Austin\"")
    try shell.type(" | get aliases | to json")
    try shell.press("Enter")
    try shell.waitFor("[[\"Austin\"]]")
    try shell.type("mentions --type GP")
    try shell.press("Tab")
    try shell.waitFor("quarry> mentions --type GPE")
  }

  @Test func ctrlCStopsExtractAndKeepsFinishedArticles() throws {
    // Enough articles for extraction to take a while in a debug build.
    let directory = temporaryDirectory()
    var lines = ""
    for number in 0..<4000 {
      lines +=
        "{\"id\": \"a\(number)\", \"text\": \"Defense Secretary Lloyd Austin met Li Shangfu in Singapore "
      lines += "on Monday, the Pentagon said in statement \(number).\"}\n"
    }
    try write(lines, to: directory + "/articles.jsonl")
    let shell = try TmuxSession()
    try shell.type("ingest \(directory)/articles.jsonl | get added")
    try shell.press("Enter")
    try shell.waitFor("\n4000\n")
    try shell.type("extract --jobs 1")
    try shell.press("Enter")
    Thread.sleep(forTimeInterval: 0.5)
    try shell.press("C-c")
    let screen = try shell.waitFor("the rest left for later")
    #expect(screen.contains("interrupted"))
    // The rest are extracted by the next run, and every article exactly once.
    try shell.type(
      "extract | get documents; entities --type PERSON | where name == 'Lloyd Austin' | get mentions | to json"
    )
    try shell.press("Enter")
    // A debug build tags and parses as well: allow it time on a loaded machine.
    try shell.waitFor("\n[4000]", timeout: 90)
  }

  @Test func tabCompletesInTheMiddleOfALine() throws {
    let shell = try TmuxSession()
    try shell.type("[2 1] | sor | first 1 | to json")
    for _ in 0..<20 { try shell.press("Left") }
    try shell.press("Tab")
    try shell.waitFor("quarry> [2 1] | sort  | first 1 | to json")
    try shell.press("Enter")
    try shell.waitFor("\n[1]\n")
  }

  @Test func listsCandidatesWhenTabCannotChoose() throws {
    let shell = try TmuxSession()
    try shell.type("so")
    try shell.press("Tab")
    try shell.waitFor("sort")
    #expect(shell.screen.contains("source"))
  }

  @Test func ctrlCClearsTheLine() throws {
    let shell = try TmuxSession()
    try shell.type("print abandoned")
    try shell.press("C-c")
    try shell.type("print kept")
    try shell.press("Enter")
    let screen = try shell.waitFor("\nkept")
    #expect(!screen.contains("abandonedprint"))
    #expect(!screen.contains("\nabandoned"))
  }

  @Test func ctrlCCancelsARunningCommandAndKeepsTheSession() throws {
    let shell = try TmuxSession()
    try shell.type("let kept = 41")
    try shell.press("Enter")
    try shell.type("for i in 0..1000000000 { }")
    try shell.press("Enter")
    Thread.sleep(forTimeInterval: 0.5)
    try shell.press("C-c")
    try shell.waitFor("interrupted")
    try shell.type("$kept + 1")
    try shell.press("Enter")
    try shell.waitFor("\n42")
  }

  @Test func editsUTF8Text() throws {
    let shell = try TmuxSession()
    try shell.type("print Zürich")
    try shell.press("Left", "Left", "BSpace")
    try shell.press("Enter")
    try shell.waitFor("\nZürch")
    try shell.type("print 李尚福")
    try shell.press("Left", "BSpace")
    try shell.press("Enter")
    try shell.waitFor("\n李福")
  }

  @Test func ctrlRSearchesHistory() throws {
    let shell = try TmuxSession()
    try shell.type("print needle-one")
    try shell.press("Enter")
    // Wait for each output before typing on: a busy machine may echo the next line first.
    try shell.waitFor("\nneedle-one")
    try shell.type("print other")
    try shell.press("Enter")
    try shell.waitFor("\nother")
    try shell.press("C-r")
    try shell.type("needle")
    try shell.waitFor("print needle-one")
    try shell.press("Enter")
    // The entry found by Ctrl-R runs again: its output shows a second time.
    let screen = shell.waitUntil { $0.components(separatedBy: "\nneedle-one").count >= 3 }
    #expect(screen.components(separatedBy: "\nneedle-one").count >= 3, "\(screen)")
  }

  @Test func ctrlDOnAnEmptyLineExitsZero() throws {
    let shell = try TmuxSession()
    try shell.press("C-d")
    try shell.waitFor("[exit 0]")
  }

  @Test func errorsKeepTheSessionGoing() throws {
    let shell = try TmuxSession()
    try shell.type("entites")
    try shell.press("Enter")
    try shell.waitFor("unknown command 'entites'")
    try shell.type("exit 4")
    try shell.press("Enter")
    try shell.waitFor("[exit 4]")
  }

  @Test func runControlFileRunsAtStart() throws {
    let home = temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: home + "/.config/quarry", withIntermediateDirectories: true)
    try write("let greeting = 'from rc'\n", to: home + "/.config/quarry/rc.quarry")
    let shell = try TmuxSession(home: home, arguments: "")
    try shell.type("print $greeting")
    try shell.press("Enter")
    try shell.waitFor("\nfrom rc")
  }

  @Test(.enabled(if: PluginHostTests.python != nil, "python3 is not installed"))
  func addedPluginCompletesBeforeItRunsAndCtrlCCancelsIt() throws {
    let home = temporaryDirectory()
    let path = try PluginHostTests.plugin(
      named: "sleepy",
      run: "time.sleep(30)\nsend({\"jsonrpc\": \"2.0\", \"id\": i, \"result\": {\"value\": 1}})")
    let added = try runQuarry(["-c", "plugin add '\(path)'"], environment: ["HOME": home])
    #expect(added.status == 0)
    let shell = try TmuxSession(home: home)
    try shell.type("sleep")
    try shell.press("Tab")
    try shell.waitFor("quarry> sleepy")
    try shell.type("--l")
    try shell.press("Tab")
    try shell.waitFor("quarry> sleepy --loud")
    try shell.type("let kept = 7")
    try shell.press("C-a", "C-k")
    try shell.type("let kept = 7")
    try shell.press("Enter")
    try shell.type("sleepy")
    try shell.press("Enter")
    Thread.sleep(forTimeInterval: 1)
    try shell.press("C-c")
    try shell.waitFor("interrupted")
    try shell.type("$kept")
    try shell.press("Enter")
    try shell.waitFor("\n7")
  }
}
