#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file a line at a time through a fixed buffer, so a file of any size is read
/// in constant memory (beyond its longest line).
public final class LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private let chunkSize: Int
  /// The file's size in bytes when it was opened (0 for a pipe).
  public let size: Int
  /// How many bytes have been read from the file so far.
  public private(set) var bytesRead = 0

  /// Opens a file for reading.
  public init(path: String, chunkSize: Int = 1 << 20) throws {
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FilePaths.FileError(description: String(cString: strerror(errno))) }
    var info = stat()
    if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw FilePaths.FileError(description: "it is a directory")
    }
    size = Int(info.st_size)
    self.chunkSize = chunkSize
  }

  deinit { close(descriptor) }

  /// The next line's bytes without its newline, or nil at the end of the file.
  public func nextLine() throws -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
        let line = buffer[position..<newline]
        position = newline + 1
        return line
      }
      if atEnd {
        guard position < buffer.count else { return nil }
        let line = buffer[position...]
        position = buffer.count
        return line
      }
      // Keep the unfinished line, then read more after it.
      if position > 0 {
        buffer.removeSubrange(0..<position)
        position = 0
      }
      let previousCount = buffer.count
      buffer.append(contentsOf: repeatElement(0, count: chunkSize))
      var count = 0
      while true {
        count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + previousCount, chunkSize) }
        if count < 0 && errno == EINTR { continue }
        break
      }
      if count < 0 {
        buffer.removeSubrange(previousCount...)
        throw FilePaths.FileError(description: String(cString: strerror(errno)))
      }
      buffer.removeSubrange((previousCount + count)...)
      bytesRead += count
      if count == 0 { atEnd = true }
    }
  }
}
