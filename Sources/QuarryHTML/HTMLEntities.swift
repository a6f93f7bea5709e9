/// Character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2019;`) decoded as the HTML
/// standard decodes them: every named reference of the standard's table, the legacy ones
/// that may go without `;`, numeric references with the standard's repairs (windows-1252
/// for 0x80–0x9F, U+FFFD for zero, surrogates and numbers past U+10FFFF).
enum HTMLEntities {
  /// Name (with `;` where one is written) → its UTF-8 bytes, read once from the table.
  static let names: [String: [UInt8]] = {
    var names: [String: [UInt8]] = [:]
    names.reserveCapacity(2300)
    for line in table.split(separator: "\n") {
      guard let space = line.firstIndex(of: " ") else { continue }
      var bytes: [UInt8] = []
      for point in line[line.index(after: space)...].split(separator: ",") {
        HTMLEncoding.appendUTF8(UInt32(point, radix: 16) ?? 0xFFFD, to: &bytes)
      }
      names[String(line[..<space])] = bytes
    }
    return names
  }()

  /// The longest name in the table, `&CounterClockwiseContourIntegral;`.
  static let longestName = 33

  /// Appends `source[range]` to `output` with its character references decoded. In an
  /// attribute value a legacy reference followed by `=` or a letter or digit stays as
  /// written (`?a=1&copy=2` is a link, not a copyright sign).
  static func appendDecoded(
    _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, inAttribute: Bool = false,
    to output: inout [UInt8]
  ) {
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = source[index]
      guard byte == UInt8(ascii: "&") else {
        output.append(byte)
        index += 1
        continue
      }
      if let (bytes, length) = reference(source, at: index, end: end, inAttribute: inAttribute) {
        output.append(contentsOf: bytes)
        index += length
      } else {
        output.append(byte)
        index += 1
      }
    }
  }

  /// The reference starting at the `&` at `start`: what it stands for and how many bytes
  /// it takes, or nil when it is not one.
  static func reference(
    _ source: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool
  ) -> ([UInt8], Int)? {
    var index = start + 1
    guard index < end else { return nil }
    if source[index] == UInt8(ascii: "#") {
      index += 1
      var hexadecimal = false
      if index < end, source[index] | 0x20 == UInt8(ascii: "x") {
        hexadecimal = true
        index += 1
      }
      let digitsStart = index
      var value: UInt32 = 0
      while index < end, let digit = digitValue(source[index], hexadecimal: hexadecimal) {
        value = min(value &* (hexadecimal ? 16 : 10) &+ digit, 0x110000)
        index += 1
      }
      guard index > digitsStart else { return nil }
      if index < end, source[index] == UInt8(ascii: ";") { index += 1 }
      var bytes: [UInt8] = []
      HTMLEncoding.appendUTF8(repairedScalar(value), to: &bytes)
      return (bytes, index - start)
    }
    var nameEnd = index
    while nameEnd < end, nameEnd - index < longestName, isAlphanumeric(source[nameEnd]) { nameEnd += 1 }
    guard nameEnd > index else { return nil }
    if nameEnd < end, source[nameEnd] == UInt8(ascii: ";"),
      let bytes = names[
        String(decoding: UnsafeBufferPointer(rebasing: source[index...nameEnd]), as: UTF8.self)]
    {
      return (bytes, nameEnd + 1 - start)
    }
    // The legacy references (`&amp`, `&copy`, `&eacute`…) may stand without `;`: the longest
    // of them that the letters begin with.
    var length = min(nameEnd - index, 6)
    while length >= 2 {
      let name = String(
        decoding: UnsafeBufferPointer(rebasing: source[index..<(index + length)]), as: UTF8.self)
      if let bytes = names[name] {
        let next = index + length < end ? source[index + length] : 0
        if inAttribute && (next == UInt8(ascii: "=") || isAlphanumeric(next)) { return nil }
        return (bytes, length + 1)
      }
      length -= 1
    }
    return nil
  }

  static func digitValue(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hexadecimal: return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hexadecimal: return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
  }

  /// A numeric reference's code point as the standard repairs it.
  static func repairedScalar(_ value: UInt32) -> UInt32 {
    switch value {
    case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
    case 0x80...0x9F: return HTMLEncoding.windows1252High[Int(value - 0x80)]
    default: return value
    }
  }
}
