/// JSON reading and writing for values. Hand-written because Foundation's
/// JSONSerialization lives in the full Foundation (ICU and a slower start-up), and the
/// plugin protocol and `--format jsonl` need it on every line.
public enum JSON {
  // MARK: Writing

  /// Compact JSON on one line. Dates become ISO strings; tables arrays of objects.
  public static func encode(_ value: Value) -> String {
    var output = ""
    write(value, to: &output)
    return output
  }

  public static func write(_ value: Value, to output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let truth): output += truth ? "true" : "false"
    case .int(let number): output += String(number)
    case .float(let number):
      output += number.isFinite ? String(number) : "null"
    case .string(let text): writeString(text, to: &output)
    case .date(let date): writeString(date.description, to: &output)
    case .list(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        write(item, to: &output)
      }
      output += "]"
    case .record(let record):
      writeObject(keys: record.keys, values: record.values, to: &output)
    case .table(let table):
      output += "["
      for (index, row) in table.rows.enumerated() {
        if index > 0 { output += "," }
        writeObject(keys: table.columns, values: row, to: &output)
      }
      output += "]"
    case .closure: output += "null"
    case .custom(let custom):
      if let plain = custom.asPlainValue() {
        write(plain, to: &output)
      } else {
        writeString(custom.summary, to: &output)
      }
    }
  }

  static func writeObject(keys: [String], values: [Value], to output: inout String) {
    output += "{"
    for index in keys.indices {
      if index > 0 { output += "," }
      writeString(keys[index], to: &output)
      output += ":"
      write(index < values.count ? values[index] : .null, to: &output)
    }
    output += "}"
  }

  static func writeString(_ text: String, to output: inout String) {
    output += "\""
    var needsEscape = false
    for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      needsEscape = true
      break
    }
    if !needsEscape {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }

  /// Indented JSON for `--format json`.
  public static func encodePretty(_ value: Value, indent: Int = 0) -> String {
    var output = ""
    writePretty(value, indent: indent, to: &output)
    return output
  }

  private static func writePretty(_ value: Value, indent: Int, to output: inout String) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch value {
    case .list(let items) where !items.isEmpty:
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += pad
        writePretty(item, indent: indent + 1, to: &output)
        output += index < items.count - 1 ? ",\n" : "\n"
      }
      output += closePad + "]"
    case .record(let record) where record.count > 0:
      writePrettyObject(record.keys, record.values, indent: indent, to: &output)
    case .table(let table) where !table.rows.isEmpty:
      output += "[\n"
      for (index, row) in table.rows.enumerated() {
        output += pad
        writePrettyObject(table.columns, row, indent: indent + 1, to: &output)
        output += index < table.rows.count - 1 ? ",\n" : "\n"
      }
      output += closePad + "]"
    case .custom(let custom):
      if let plain = custom.asPlainValue() {
        writePretty(plain, indent: indent, to: &output)
      } else {
        write(value, to: &output)
      }
    default:
      write(value, to: &output)
    }
  }

  private static func writePrettyObject(
    _ keys: [String], _ values: [Value], indent: Int, to output: inout String
  ) {
    let pad = String(repeating: "  ", count: indent + 1)
    output += "{\n"
    for index in keys.indices {
      output += pad
      writeString(keys[index], to: &output)
      output += ": "
      writePretty(values[index], indent: indent + 1, to: &output)
      output += index < keys.count - 1 ? ",\n" : "\n"
    }
    output += String(repeating: "  ", count: indent) + "}"
  }

  // MARK: Reading

  public struct ParseError: Error, CustomStringConvertible {
    /// Byte offset of the problem in the input.
    public let offset: Int
    public let message: String
    public var description: String { "\(message) at byte \(offset)" }
  }

  /// Parses one JSON document. Arrays of objects stay lists; `Value.collecting` turns
  /// them into tables where the caller wants one.
  public static func decode(_ text: String) throws(ParseError) -> Value {
    var bytes = Array(text.utf8)
    bytes.append(0)
    return try bytes.withUnsafeBufferPointer { buffer throws(ParseError) in
      var reader = Reader(bytes: buffer, position: 0, end: buffer.count - 1)
      reader.skipSpace()
      let value = try reader.value(depth: 0)
      reader.skipSpace()
      if reader.position != reader.end {
        throw ParseError(offset: reader.position, message: "unexpected text after the JSON value")
      }
      return value
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    mutating func skipSpace() {
      while position < end {
        switch bytes[position] {
        case 0x20, 0x09, 0x0A, 0x0D: position += 1
        default: return
        }
      }
    }

    func fail(_ message: String) -> ParseError { ParseError(offset: position, message: message) }

    mutating func value(depth: Int) throws(ParseError) -> Value {
      guard depth < 512 else { throw fail("JSON nested too deeply") }
      guard position < end else { throw fail("unexpected end of JSON") }
      switch bytes[position] {
      case UInt8(ascii: "{"):
        position += 1
        var record = Record()
        skipSpace()
        if position < end && bytes[position] == UInt8(ascii: "}") {
          position += 1
          return .record(record)
        }
        while true {
          skipSpace()
          guard position < end, bytes[position] == UInt8(ascii: "\"") else {
            throw fail("expected a string key")
          }
          let key = try string()
          skipSpace()
          guard position < end, bytes[position] == UInt8(ascii: ":") else { throw fail("expected ':'") }
          position += 1
          skipSpace()
          let item = try value(depth: depth + 1)
          if record.keys.last != key && record.keys.contains(key) {
            record[key] = item
          } else {
            record.keys.append(key)
            record.values.append(item)
          }
          skipSpace()
          guard position < end else { throw fail("unexpected end of JSON in an object") }
          if bytes[position] == UInt8(ascii: ",") {
            position += 1
            continue
          }
          if bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .record(record)
          }
          throw fail("expected ',' or '}'")
        }
      case UInt8(ascii: "["):
        position += 1
        var items: [Value] = []
        skipSpace()
        if position < end && bytes[position] == UInt8(ascii: "]") {
          position += 1
          return .list(items)
        }
        while true {
          skipSpace()
          items.append(try value(depth: depth + 1))
          skipSpace()
          guard position < end else { throw fail("unexpected end of JSON in an array") }
          if bytes[position] == UInt8(ascii: ",") {
            position += 1
            continue
          }
          if bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .list(items)
          }
          throw fail("expected ',' or ']'")
        }
      case UInt8(ascii: "\""):
        return .string(try string())
      case UInt8(ascii: "t"):
        try literal("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try literal("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try literal("null")
        return .null
      default:
        return try number()
      }
    }

    mutating func literal(_ word: StaticString) throws(ParseError) {
      let count = word.utf8CodeUnitCount
      guard position + count <= end else { throw fail("invalid literal") }
      for index in 0..<count where bytes[position + index] != word.utf8Start[index] {
        throw fail("invalid literal")
      }
      position += count
    }

    mutating func number() throws(ParseError) -> Value {
      let start = position
      var isFloat = false
      if position < end && bytes[position] == UInt8(ascii: "-") { position += 1 }
      while position < end {
        let byte = bytes[position]
        if byte >= 0x30 && byte <= 0x39 {
          position += 1
        } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        {
          isFloat = true
          position += 1
        } else {
          break
        }
      }
      guard position > start else { throw fail("unexpected character") }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      if !isFloat, let integer = Int(text) { return .int(integer) }
      guard let double = Double(text) else {
        position = start
        throw fail("invalid number '\(text)'")
      }
      return .float(double)
    }

    mutating func hex4() throws(ParseError) -> UInt32 {
      guard position + 4 <= end else { throw fail("invalid \\u escape") }
      var code: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        position += 1
        code <<= 4
        switch byte {
        case 0x30...0x39: code |= UInt32(byte - 0x30)
        case 0x41...0x46: code |= UInt32(byte - 0x41 + 10)
        case 0x61...0x66: code |= UInt32(byte - 0x61 + 10)
        default: throw fail("invalid \\u escape")
        }
      }
      return code
    }

    mutating func string() throws(ParseError) -> String {
      position += 1
      let start = position
      // Fast path: no escapes.
      while position < end {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
          position += 1
          return text
        }
        if byte == UInt8(ascii: "\\") { break }
        if byte < 0x20 { throw fail("control character in a string") }
        position += 1
      }
      var buffer = Array(bytes[start..<position])
      while position < end {
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""):
          return String(decoding: buffer, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard position < end else { throw fail("unterminated escape") }
          let escaped = bytes[position]
          position += 1
          switch escaped {
          case UInt8(ascii: "n"): buffer.append(0x0A)
          case UInt8(ascii: "t"): buffer.append(0x09)
          case UInt8(ascii: "r"): buffer.append(0x0D)
          case UInt8(ascii: "b"): buffer.append(0x08)
          case UInt8(ascii: "f"): buffer.append(0x0C)
          case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): buffer.append(escaped)
          case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code), position + 6 <= end, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            {
              position += 2
              let low = try hex4()
              code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
            }
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
          default: throw fail("invalid escape")
          }
        default:
          if byte < 0x20 { throw fail("control character in a string") }
          buffer.append(byte)
        }
      }
      throw fail("unterminated string")
    }
  }
}
