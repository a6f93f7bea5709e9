#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A destination for text: a file descriptor with a buffer, or memory for tests.
public final class OutputStream: @unchecked Sendable {
  // Written by the session's thread only.
  private let descriptor: Int32?
  private var buffer: [UInt8] = []
  /// What was written, for a memory stream.
  public private(set) var captured = ""
  /// Set when the reader went away (`quarry ... | head`).
  public private(set) var isBroken = false

  private init(descriptor: Int32?) {
    self.descriptor = descriptor
    buffer.reserveCapacity(1 << 16)
  }

  public static let standardOutput = OutputStream(descriptor: 1)
  public static let standardError = OutputStream(descriptor: 2)

  /// A stream that keeps what is written in `captured`.
  public static func memory() -> OutputStream { OutputStream(descriptor: nil) }

  public func write(_ text: String) {
    guard let descriptor else {
      captured += text
      return
    }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 || descriptor == 2 { flush() }
  }

  public func flush() {
    guard let descriptor, !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    guard !isBroken else { return }
    var offset = 0
    buffer.withUnsafeBytes { raw in
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          isBroken = true
          return
        }
        offset += written
      }
    }
  }
}
