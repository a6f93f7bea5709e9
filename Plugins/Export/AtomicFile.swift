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
  private var buffer: [UInt8] = []
  private let capacity = 1 << 20
  private var committed = false

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
    buffer.reserveCapacity(capacity + 4096)
  }

  deinit {
    if !committed { discard() }
  }

  @inline(__always) func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { flushQuietly() }
  }

  @inline(__always) func write(_ text: StaticString) {
    text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    if buffer.count >= capacity { flushQuietly() }
  }

  @inline(__always) func write(byte: UInt8) { buffer.append(byte) }

  @inline(__always) func write<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { flushQuietly() }
  }

  /// Lets `body` append to the buffer directly.
  @inline(__always) func append(_ body: (inout [UInt8]) -> Void) {
    body(&buffer)
    if buffer.count >= capacity { flushQuietly() }
  }

  /// A decimal integer, without making a String.
  func write(int value: Int) {
    if value < 0 {
      buffer.append(UInt8(ascii: "-"))
      if value == .min {
        write("9223372036854775808")
        return
      }
    }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { raw in
      repeat {
        raw[23 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
        magnitude /= 10
        count += 1
      } while magnitude > 0
      buffer.append(contentsOf: raw[(24 - count)...])
    }
  }

  /// A float as Swift prints it: the shortest text that reads back as the same number.
  func write(double value: Double) {
    if value == value.rounded(), abs(value) < 1e15 {
      write(int: Int(value))
      buffer.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
    } else {
      write(value.description)
    }
  }

  private var failure: ExportError?

  private func flushQuietly() {
    do { try flush() } catch { failure = failure ?? error }
  }

  private func flush() throws(ExportError) {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw ExportError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
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
