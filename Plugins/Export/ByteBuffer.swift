/// Bytes being formatted: the text of part of an export, appended to without making
/// Strings. Each format's escaping is an extension method (`write(xml:)`, ...).
struct ByteBuffer: Sendable {
  var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  var count: Int { bytes.count }

  @inline(__always) mutating func write(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  @inline(__always) mutating func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

  @inline(__always) mutating func write(byte: UInt8) { bytes.append(byte) }

  @inline(__always) mutating func write(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

  /// A decimal integer.
  mutating func write(int value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      if value == .min {
        write("9223372036854775808" as StaticString)
        return
      }
    }
    var magnitude = value.magnitude
    if magnitude < 10 {
      bytes.append(UInt8(truncatingIfNeeded: magnitude) &+ 48)
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { raw in
      let digits = raw.bindMemory(to: UInt8.self)
      var start = 24
      repeat {
        start -= 1
        digits[start] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
        magnitude /= 10
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// A float as Swift prints it: the shortest text that reads back as the same number
  /// (`1.0`, `0.1`, `1e-300`).
  mutating func write(double value: Double) {
    if value == value.rounded(), abs(value) < 1e15 {
      write(int: Int(value))
      write(".0" as StaticString)
    } else {
      write(value.description)
    }
  }

  @inline(__always) mutating func append(_ body: (inout [UInt8]) -> Void) { body(&bytes) }
}
