import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Graphviz's layout programs (`dot`, `sfdp`, ...), found on PATH and run on a DOT file.
enum Graphviz {
  static let layouts = ["dot", "sfdp", "neato", "fdp", "circo", "twopi"]

  static let installHelp =
    "install Graphviz: `sudo apt-get install graphviz` (Debian, Ubuntu), `sudo dnf install graphviz` "
    + "(Fedora) or `brew install graphviz` (macOS); or `export graph.dot` and draw it elsewhere"

  /// The program's path, or nil when it is not installed.
  static func find(_ program: String) -> String? {
    let search = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in search.split(separator: ":") {
      let candidate = folder + "/" + program
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Runs `program -T<format> -o output input`; throws with what Graphviz said when it
  /// fails. Ctrl-C stops it.
  static func run(_ program: String, format: String, input: String, output: String) throws {
    let log = "/tmp/quarry-graphviz-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
    defer { unlink(log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Its own process group: the shell decides what Ctrl-C stops.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigmask(&attributes, &noMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
    let arguments = [program, "-T" + format, "-o", output, input]
    let pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    var child = pid_t()
    let started = posix_spawn(&child, program, &actions, &attributes, pointers, environ)
    guard started == 0 else {
      throw ExportError("cannot start \(program): \(String(cString: strerror(started)))")
    }
    var status: Int32 = 0
    while true {
      let done = waitpid(child, &status, WNOHANG)
      if done == child { break }
      if done < 0 && errno != EINTR {
        throw ExportError("lost \(program): \(String(cString: strerror(errno)))")
      }
      if Interrupt.isRaised {
        kill(child, SIGTERM)
        _ = waitpid(child, &status, 0)
        try Interrupt.check()
      }
      usleep(5_000)
    }
    let exited = status & 0x7F == 0
    let code = (status >> 8) & 0xFF
    guard exited && code == 0 else {
      let said = (try? FilePaths.readText(log)) ?? ""
      let lines = said.split(separator: "\n").prefix(3).joined(separator: "; ")
      let name = program.split(separator: "/").last.map(String.init) ?? program
      throw ExportError(
        "\(name) failed" + (exited ? " with status \(code)" : " on signal \(status & 0x7F)")
          + (lines.isEmpty ? "" : ": " + lines))
    }
  }
}
