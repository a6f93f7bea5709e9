/// Escaping for the text formats, appended straight to a byte buffer (a file's, or one
/// kept to write the same name many times).
enum TextEscaping {
  /// Text for XML (GraphML, GEXF) element content or a double-quoted attribute.
  ///
  /// XML 1.0 cannot hold U+0000, the C0 controls other than tab, line feed and carriage
  /// return, U+FFFE or U+FFFF, not even as character references: each becomes U+FFFD, the
  /// replacement character, so the file stays well-formed. Tab, line feed and carriage
  /// return go out as references, so that attribute-value normalisation keeps them;
  /// everything else goes through unchanged.
  static func xml(_ text: String, into output: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in bytes.indices {
        let byte = bytes[index]
        let replacement: StaticString
        switch byte {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case 0x09: replacement = "&#9;"
        case 0x0A: replacement = "&#10;"
        case 0x0D: replacement = "&#13;"
        case 0x00...0x1F: replacement = "\u{FFFD}"
        case 0xBE, 0xBF:
          // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
          guard index >= 2, bytes[index - 1] == 0xBF, bytes[index - 2] == 0xEF else { continue }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(index - 2)]))
          append("\u{FFFD}", to: &output)
          start = index + 1
          continue
        default: continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        append(replacement, to: &output)
        start = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
  }

  /// A JSON string literal: quotes, backslashes and controls escaped, the rest as UTF-8.
  /// U+2028 and U+2029 are escaped too, for readers that embed JSON in JavaScript.
  static func json(_ text: String, into output: inout [UInt8]) {
    var text = text
    output.append(UInt8(ascii: "\""))
    text.withUTF8 { bytes in
      var start = 0
      for index in bytes.indices {
        let byte = bytes[index]
        let replacement: StaticString
        switch byte {
        case UInt8(ascii: "\""): replacement = "\\\""
        case UInt8(ascii: "\\"): replacement = "\\\\"
        case 0x0A: replacement = "\\n"
        case 0x0D: replacement = "\\r"
        case 0x09: replacement = "\\t"
        case 0x00...0x1F:
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
          append("\\u00", to: &output)
          output.append(hexDigits[Int(byte >> 4)])
          output.append(hexDigits[Int(byte & 0xF)])
          start = index + 1
          continue
        case 0xA8, 0xA9:
          // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
          guard index >= 2, bytes[index - 1] == 0x80, bytes[index - 2] == 0xE2 else { continue }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(index - 2)]))
          append(byte == 0xA8 ? "\\u2028" : "\\u2029", to: &output)
          start = index + 1
          continue
        default: continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        append(replacement, to: &output)
        start = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    output.append(UInt8(ascii: "\""))
  }

  static let hexDigits = Array("0123456789abcdef".utf8)

  @inline(__always) static func append(_ text: StaticString, to output: inout [UInt8]) {
    text.withUTF8Buffer { output.append(contentsOf: $0) }
  }

  /// The bytes of an escaped string, kept to be written many times.
  static func bytes(_ text: String, _ escape: (String, inout [UInt8]) -> Void) -> [UInt8] {
    var output: [UInt8] = []
    escape(text, &output)
    return output
  }
}

extension AtomicFile {
  func write(xml text: String) { append { TextEscaping.xml(text, into: &$0) } }
  func write(jsonString text: String) { append { TextEscaping.json(text, into: &$0) } }
}

extension ByteBuffer {
  mutating func write(xml text: String) { append { TextEscaping.xml(text, into: &$0) } }
  mutating func write(jsonString text: String) { append { TextEscaping.json(text, into: &$0) } }
}
