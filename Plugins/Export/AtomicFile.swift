import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

/// A failure to write an export: the message names the file.
struct ExportError: Error, CustomStringConvertible {
  let description: String
  var help: String?

  init(_ description: String, help: String? = nil) {
    self.description = description
    self.help = help
  }
}

/// A file written through a buffer into a temporary file beside its destination, then
/// renamed into place once complete: a reader never sees half a file, a failed export
/// leaves what was there, and memory stays at the buffer's size however large the graph.
///
/// Written with POSIX calls rather than FileHandle: an export is mostly many small
/// appends, and one `write(2)` a megabyte keeps a 10,000,000-edge export I/O-bound.
final class AtomicFile {
  let path: String
  private let temporaryPath: String
  private var descriptor: Int32
  private var buffer = ByteBuffer()
  private let capacity = 1 << 20
  private var committed = false
  /// Where a long write draws its progress bar (the session's terminal).
  var session: Session?

  /// Opens a temporary file beside `path`. An existing file is replaced only when
  /// `replacing` is set.
  init(path: String, replacing: Bool) throws(ExportError) {
    self.path = path
    var status = stat()
    if stat(path, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR { throw ExportError("\(path) is a folder") }
      if !replacing { throw ExportError("\(path) already exists", help: "add --force to replace it") }
    }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) } ?? "."
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var folderStatus = stat()
    if stat(folder.isEmpty ? "/" : folder, &folderStatus) != 0 || folderStatus.st_mode & S_IFMT != S_IFDIR {
      throw ExportError("cannot write \(path): there is no folder \(folder)")
    }
    temporaryPath =
      (slash == nil ? "" : folder + "/") + ".\(base).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if descriptor < 0 { throw ExportError("cannot write \(path): \(String(cString: strerror(errno)))") }
    buffer = ByteBuffer(capacity: capacity + 4096)
  }

  deinit {
    if !committed { discard() }
  }

  @inline(__always) func write(_ text: String) { buffer.write(text); flushIfFull() }

  @inline(__always) func write(_ text: StaticString) { buffer.write(text); flushIfFull() }

  @inline(__always) func write(byte: UInt8) { buffer.write(byte: byte) }

  @inline(__always) func write(bytes: [UInt8]) { buffer.write(bytes: bytes); flushIfFull() }

  func write(int value: Int) { buffer.write(int: value) }

  func write(double value: Double) { buffer.write(double: value) }

  /// Lets `body` append to the buffer directly.
  @inline(__always) func append(_ body: (inout [UInt8]) -> Void) {
    buffer.append(body)
    flushIfFull()
  }

  /// Formats items `0..<count` in chunks on every core, with `format` appending item
  /// `i`'s text, and writes the chunks in order. A round of chunks at a time is held, so
  /// memory stays bounded however many items there are, and the previous round is
  /// written while this one is formatted. Ctrl-C stops between chunks.
  func write(
    items count: Int, chunk: Int = 16_384,
    _ format: @escaping @Sendable (_ item: Int, _ output: inout ByteBuffer) -> Void
  ) throws(Interrupted) {
    flushQuietly()
    let workers = ProcessorCount.active
    let chunks = (count + chunk - 1) / chunk
    let round = max(1, workers * 4)
    let sink = Sink(self)
    var progress = WriteProgress(session: session, total: count)
    var pending = SharedBuffer(repeating: ByteBuffer(), count: 0)
    var first = 0
    while first < chunks {
      let inRound = min(round, chunks - first)
      let formatted = SharedBuffer(repeating: ByteBuffer(), count: inRound)
      let (base, previous) = (first, pending)
      // Item 0 writes the previous round, in order, while the others format this one.
      try ParallelWork.run(inRound + 1, workers: workers) { _, item in
        if item == 0 {
          for index in 0..<previous.pointer.count { sink.file.flushQuietly(also: previous[index].bytes) }
          return
        }
        let start = (base + item - 1) * chunk
        var output = ByteBuffer(capacity: chunk * 64)
        for element in start..<min(start + chunk, count) { format(element, &output) }
        formatted[item - 1] = output
      }
      pending = formatted
      first += inRound
      progress.update(done: first * chunk)
    }
    progress.finish()
    for index in 0..<pending.pointer.count { flushQuietly(also: pending[index].bytes) }
  }

  /// A bar on the session's terminal once a write has taken a second.
  private struct WriteProgress {
    let session: Session?
    let bar: ProgressBar
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var shown = false

    init(session: Session?, total: Int) {
      self.session = session?.showsProgress == true ? session : nil
      bar = ProgressBar(total: total, unit: "items")
      started = clock.now
    }

    mutating func update(done: Int) {
      guard let session else { return }
      let (seconds, attoseconds) = (clock.now - started).components
      let elapsed = Double(seconds) + Double(attoseconds) / 1e18
      guard elapsed > 1 else { return }
      session.progress(bar.line(done: min(done, bar.total), elapsed: elapsed))
      shown = true
    }

    func finish() { if shown { session?.progress(nil) } }
  }

  /// The file, handed to the one work item that writes while others format.
  private final class Sink: @unchecked Sendable {
    let file: AtomicFile
    init(_ file: AtomicFile) { self.file = file }
  }

  @inline(__always) private func flushIfFull() {
    if buffer.count >= capacity { flushQuietly() }
  }

  private var failure: ExportError?

  /// Writes the buffer, then `more` straight from where it is.
  private func flushQuietly(also more: [UInt8] = []) {
    do {
      try flush()
      try send(more)
    } catch { failure = failure ?? error }
  }

  private func flush() throws(ExportError) {
    try send(buffer.bytes)
    buffer.bytes.removeAll(keepingCapacity: true)
  }

  private func send(_ bytes: [UInt8]) throws(ExportError) {
    if failure != nil { return }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw ExportError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Closes the temporary file so another program can write it (`render` has Graphviz
  /// write there); `commit` still renames it into place.
  func handOver() -> String {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    return temporaryPath
  }

  /// Writes what is buffered and renames the file into place.
  func commit() throws(ExportError) {
    if descriptor < 0 { return try rename() }
    try flush()
    if let failure { throw failure }
    // No fsync: the rename already keeps readers from half a file, and syncing would
    // make a large export wait on the disk, which no other graph tool does.
    if close(descriptor) != 0 {
      descriptor = -1
      throw ExportError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    descriptor = -1
    try rename()
  }

  private func rename() throws(ExportError) {
    if systemRename(temporaryPath, path) != 0 {
      throw ExportError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    committed = true
  }

  /// Removes the temporary file, leaving the destination as it was.
  func discard() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    unlink(temporaryPath)
  }
}
