/// Escaping for the text formats, appended straight to a byte buffer (a file's, or one
/// kept to write the same name many times).
enum TextEscaping {
  /// Copies `text`'s UTF-8 to `output`, substituting where `substitute(bytes, index)`
  /// gives a replacement for the byte at `index`: the replacement's text, and how many
  /// bytes before `index` it also covers (2 for a three-byte character ending there).
  @inline(__always)
  static func substituting(
    _ text: String, into output: inout [UInt8],
    _ substitute: (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (StaticString, covering: Int)?
  ) {
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in bytes.indices {
        guard let (replacement, covering) = substitute(bytes, index) else { continue }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(index - covering)]))
        append(replacement, to: &output)
        start = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
  }

  /// Whether the byte at `index` ends U+FFFE or U+FFFF (EF BF BE, EF BF BF), the two
  /// noncharacters XML and Graphviz's SVG cannot hold.
  @inline(__always)
  static func endsNoncharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    (bytes[index] == 0xBE || bytes[index] == 0xBF) && index >= 2 && bytes[index - 1] == 0xBF
      && bytes[index - 2] == 0xEF
  }

  /// Text for XML (GraphML, GEXF) element content or a double-quoted attribute.
  ///
  /// XML 1.0 cannot hold U+0000, the C0 controls other than tab, line feed and carriage
  /// return, U+FFFE or U+FFFF, not even as character references: each becomes U+FFFD, the
  /// replacement character, so the file stays well-formed. Tab, line feed and carriage
  /// return go out as references, so that attribute-value normalisation keeps them;
  /// everything else goes through unchanged.
  static func xml(_ text: String, into output: inout [UInt8]) {
    substituting(text, into: &output) { bytes, index in
      switch bytes[index] {
      case UInt8(ascii: "&"): ("&amp;", 0)
      case UInt8(ascii: "<"): ("&lt;", 0)
      case UInt8(ascii: ">"): ("&gt;", 0)
      case UInt8(ascii: "\""): ("&quot;", 0)
      case 0x09: ("&#9;", 0)
      case 0x0A: ("&#10;", 0)
      case 0x0D: ("&#13;", 0)
      case 0x00...0x1F: ("\u{FFFD}", 0)
      case _ where endsNoncharacter(bytes, index): ("\u{FFFD}", 2)
      default: nil
      }
    }
  }

  /// A JSON string literal: quotes, backslashes and controls escaped, the rest as UTF-8.
  /// U+2028 and U+2029 are escaped too, for readers that embed JSON in JavaScript.
  static func json(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    substituting(text, into: &output) { bytes, index in
      switch bytes[index] {
      case UInt8(ascii: "\""): ("\\\"", 0)
      case UInt8(ascii: "\\"): ("\\\\", 0)
      case 0x0A: ("\\n", 0)
      case 0x0D: ("\\r", 0)
      case 0x09: ("\\t", 0)
      case let byte where byte < 0x20: (controlEscapes[Int(byte)], 0)
      case 0xA8 where index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2: ("\\u2028", 2)
      case 0xA9 where index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2: ("\\u2029", 2)
      default: nil
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// `\u0000` to `\u001f`, for JSON and Cypher.
  static let controlEscapes: [StaticString] = [
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007", "\\u0008",
    "\\u0009",
    "\\u000a", "\\u000b", "\\u000c", "\\u000d", "\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012",
    "\\u0013",
    "\\u0014", "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c",
    "\\u001d",
    "\\u001e", "\\u001f",
  ]

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
