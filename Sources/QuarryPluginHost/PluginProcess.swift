import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A plugin executable started with `--quarry-plugin`, with pipes to its standard input,
/// output and error. Reads never block past a deadline: every wait goes through poll(),
/// so a plugin that hangs or floods cannot stall the shell.
final class PluginProcess {
  let path: String
  let pid: pid_t
  private var input: Int32
  private var output: Int32
  private var errors: Int32
  private var outputBuffer: [UInt8] = []
  /// How much of `outputBuffer` holds no newline.
  private var scannedOutput = 0
  private var errorBuffer: [UInt8] = []
  /// The plugin's last lines of standard error, kept as its log.
  private(set) var logLines: [String] = []
  private(set) var exitStatus: Int32?

  struct Failure: Error {
    let message: String
  }

  init(path: String) throws {
    self.path = path
    var toChild: [Int32] = [0, 0]
    var fromChild: [Int32] = [0, 0]
    var errorsFromChild: [Int32] = [0, 0]
    guard pipe(&toChild) == 0, pipe(&fromChild) == 0, pipe(&errorsFromChild) == 0 else {
      throw Failure(message: "cannot make pipes: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errorsFromChild[1], 2)
    for descriptor in toChild + fromChild + errorsFromChild {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
    // The child gets default signal handling: Ctrl-C reaches the shell, which sends `cancel`.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigmask(&attributes, &noMask)
    // Its own process group, so the terminal's Ctrl-C goes to the shell alone.
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
    let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), strdup("--quarry-plugin"), nil]
    defer { arguments.forEach { free($0) } }
    var child = pid_t()
    let status = posix_spawn(&child, path, &actions, &attributes, arguments, environ)
    close(toChild[0])
    close(fromChild[1])
    close(errorsFromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      close(errorsFromChild[0])
      throw Failure(message: "cannot start '\(path)': \(String(cString: strerror(status)))")
    }
    pid = child
    input = toChild[1]
    output = fromChild[0]
    errors = errorsFromChild[0]
    _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    _ = fcntl(errors, F_SETFL, fcntl(errors, F_GETFL) | O_NONBLOCK)
    for descriptor in [input, output, errors] { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
  }

  deinit {
    terminate()
  }

  /// Writes one line (the newline is added).
  func send(_ line: String) throws {
    guard input >= 0 else { throw Failure(message: "its input is closed") }
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(input, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(message: "it stopped reading its input (\(String(cString: strerror(errno))))")
      }
      offset += written
    }
  }

  /// The next line the plugin writes on standard output, or nil at the deadline.
  /// Throws when the plugin exits, or when a line grows past `maximumLine` bytes.
  func readLine(until deadline: ContinuousClock.Instant, maximumLine: Int) throws -> String? {
    while true {
      // Search only the bytes not searched before: a flood must not cost quadratic time.
      if let newline = outputBuffer[scannedOutput...].firstIndex(of: 0x0A) {
        let line = String(decoding: outputBuffer[..<newline], as: UTF8.self)
        outputBuffer.removeSubrange(...newline)
        scannedOutput = 0
        return line
      }
      scannedOutput = outputBuffer.count
      if outputBuffer.count > maximumLine {
        throw Failure(
          message: "it wrote a line longer than \(maximumLine / (1 << 20)) MiB on standard output")
      }
      let remaining = deadline - ContinuousClock.now
      if remaining <= .zero { return nil }
      let milliseconds = Int32(min(Double(remaining.components.seconds) * 1000 + 1, 250))
      var descriptors = [
        pollfd(fd: output, events: Int16(POLLIN), revents: 0),
        pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, 2, milliseconds)
      if ready < 0 {
        if errno == EINTR { return nil }
        throw Failure(message: "cannot wait for it: \(String(cString: strerror(errno)))")
      }
      if ready == 0 {
        if Interrupt.isRaised { return nil }
        continue
      }
      drainErrors()
      if descriptors[0].revents != 0 {
        let count = readAvailable(output, into: &outputBuffer)
        if count == 0 {
          reap(wait: true)
          throw Failure(message: exitDescription)
        }
      }
    }
  }

  private var exitDescription: String {
    guard let status = exitStatus else { return "it closed its output" }
    if status >= 128 { return "it crashed (signal \(status - 128))" }
    return "it exited with status \(status)"
  }

  /// Appends what can be read without waiting. Returns the bytes read, 0 at the end of
  /// the stream, or -1 when nothing is there yet.
  @discardableResult
  private func readAvailable(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
    var total = 0
    while true {
      let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
        let count = read(descriptor, chunk.baseAddress, chunk.count)
        if count > 0 { buffer.append(contentsOf: chunk[0..<count]) }
        return count
      }
      if count > 0 {
        total += count
        continue
      }
      if count == 0 && total == 0 { return 0 }
      return total == 0 ? -1 : total
    }
  }

  /// Moves what the plugin wrote on standard error into its log (the last 200 lines).
  func drainErrors() {
    readAvailable(errors, into: &errorBuffer)
    while let newline = errorBuffer.firstIndex(of: 0x0A) {
      logLines.append(String(decoding: errorBuffer[..<newline], as: UTF8.self))
      errorBuffer.removeSubrange(...newline)
    }
    if errorBuffer.count > 1 << 16 {
      logLines.append(String(decoding: errorBuffer, as: UTF8.self))
      errorBuffer.removeAll()
    }
    if logLines.count > 200 { logLines.removeFirst(logLines.count - 200) }
  }

  /// Collects the exit status if the process has ended.
  func reap(wait: Bool) {
    guard exitStatus == nil else { return }
    var status: Int32 = 0
    for _ in 0..<(wait ? 50 : 1) {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        // WIFEXITED / WEXITSTATUS / WTERMSIG, written out: they are macros in C.
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        drainErrors()
        return
      }
      if result < 0 { return }
      if wait { usleep(2000) }
    }
  }

  var isRunning: Bool {
    reap(wait: false)
    return exitStatus == nil
  }

  /// Closes its input and gives it a moment to leave, then kills it.
  func terminate(grace: Double = 0.2) {
    if input >= 0 {
      close(input)
      input = -1
    }
    reap(wait: false)
    if exitStatus == nil {
      let deadline = ContinuousClock.now + .milliseconds(Int(grace * 1000))
      while exitStatus == nil && ContinuousClock.now < deadline {
        usleep(2000)
        reap(wait: false)
      }
    }
    if exitStatus == nil {
      kill(pid, SIGKILL)
      reap(wait: true)
    }
    if output >= 0 {
      close(output)
      output = -1
    }
    if errors >= 0 {
      close(errors)
      errors = -1
    }
  }
}
