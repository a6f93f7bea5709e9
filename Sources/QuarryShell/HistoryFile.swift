import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The history kept across sessions: one entry a line (newlines inside a multi-line
/// statement are escaped), created with mode 0600. Each entry is appended as it is
/// entered, under a lock, so two shells exiting at once cannot interleave or lose
/// lines; the file is trimmed to `capacity` entries through a temporary file and a
/// rename, so a reader never sees half a file. The format is Quarry's own, not
/// GNU readline's.
public struct HistoryFile: Sendable {
  public let path: String
  public let capacity: Int

  public init(path: String, capacity: Int = 5000) {
    self.path = path
    self.capacity = capacity
  }

  /// `$QUARRY_HISTORY`, else `$XDG_STATE_HOME/quarry/history`, else `~/.local/state/quarry/history`.
  public static func defaultPath() -> String {
    if let path = Environment.get("QUARRY_HISTORY"), !path.isEmpty { return path }
    if let state = Environment.get("XDG_STATE_HOME"), !state.isEmpty { return state + "/quarry/history" }
    return (Environment.get("HOME") ?? ".") + "/.local/state/quarry/history"
  }

  static func escape(_ entry: String) -> String {
    entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
  }

  static func unescape(_ line: Substring) -> String {
    guard line.contains("\\") else { return String(line) }
    var result = ""
    var escaped = false
    for character in line {
      if escaped {
        result.append(character == "n" ? "\n" : character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The entries in the file, oldest first; none when it does not exist.
  public func load() -> [String] {
    guard let bytes = try? FilePaths.readBytes(path) else { return [] }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.split(separator: "\n").map(HistoryFile.unescape)
  }

  /// Appends one entry, creating the file (and its folder) when needed.
  public func append(_ entry: String) {
    FilePaths.makeDirectories(forFile: path)
    withLock {
      let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { return }
      defer { close(descriptor) }
      let line = Array((HistoryFile.escape(entry) + "\n").utf8)
      _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
  }

  /// Trims the file to its last `capacity` entries when it has grown past them.
  public func trim() {
    withLock {
      let entries = load()
      guard entries.count > capacity else { return }
      let kept = entries.suffix(capacity).map(HistoryFile.escape).joined(separator: "\n") + "\n"
      let temporary = path + ".tmp-\(getpid())"
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { return }
      let bytes = Array(kept.utf8)
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
      if written == bytes.count { rename(temporary, path) } else { unlink(temporary) }
    }
  }

  /// Runs `body` holding an exclusive lock on a companion lock file.
  private func withLock(_ body: () -> Void) {
    let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if lock >= 0 { flock(lock, LOCK_EX) }
    body()
    if lock >= 0 {
      flock(lock, LOCK_UN)
      close(lock)
    }
  }
}
