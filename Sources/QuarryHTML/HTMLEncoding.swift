import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The character encoding of a page's bytes, found as a browser finds it: a byte-order
/// mark, else a `<meta charset>` or `<meta http-equiv="Content-Type">` near the top, else
/// UTF-8 when the bytes are valid UTF-8 and windows-1252 when they are not.
///
/// UTF-8 and windows-1252 (which the web standard uses for `iso-8859-1` and `us-ascii`
/// too) are decoded here; UTF-16 and every other encoding go through the C library's
/// `iconv`, which knows the legacy encodings of the web (Shift_JIS, GBK, EUC-KR, KOI8-R…)
/// without a table of our own.
public enum HTMLEncoding {
  /// A page's text as UTF-8, with what was used to read it.
  public struct Decoded: Sendable {
    /// The page's bytes as UTF-8, invalid sequences replaced with U+FFFD.
    public var bytes: [UInt8]
    /// The encoding's name as the page gave it, lowercased, or the one inferred.
    public var encoding: String
    /// Why the bytes were not all read as declared, where that happened.
    public var problem: String?
  }

  /// How many bytes from the top are searched for a `<meta>` declaration. The standard's
  /// prescan reads 1,024; pages with long comments or scripts first put it later.
  static let prescanLength = 4096

  /// Decodes `bytes`, finding their encoding as a browser does.
  public static func decode(_ bytes: [UInt8]) -> Decoded {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return utf8(Array(bytes.dropFirst(3)), encoding: "utf-8")
    }
    if bytes.starts(with: [0xFF, 0xFE]) { return convert(Array(bytes.dropFirst(2)), from: "utf-16le") }
    if bytes.starts(with: [0xFE, 0xFF]) { return convert(Array(bytes.dropFirst(2)), from: "utf-16be") }
    let declared = declaredEncoding(bytes)
    switch declared.map(canonicalName) {
    case "utf-8": return utf8(bytes, encoding: "utf-8")
    case "windows-1252": return windows1252(bytes)
    case let name?:
      // A page that says UTF-16 in a <meta> is read as bytes ASCII can express: the
      // declaration itself proves it is not UTF-16 (the standard makes it UTF-8).
      if name.hasPrefix("utf-16") { return utf8(bytes, encoding: "utf-8") }
      return convert(bytes, from: name)
    case nil:
      if FilePaths.invalidUTF8Offset(bytes, allowingNUL: true) == nil {
        return Decoded(bytes: bytes, encoding: "utf-8")
      }
      return windows1252(bytes)
    }
  }

  /// The names the web standard treats as one encoding, folded to the name used here.
  static func canonicalName(_ label: String) -> String {
    switch label {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8": return "utf-8"
    case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
      "x-cp1252", "iso_8859-1", "iso-ir-100", "cp819", "ansi_x3.4-1968":
      return "windows-1252"
    case "unicode", "utf-16", "ucs-2": return "utf-16le"
    default: return label
    }
  }

  /// The encoding named by a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`
  /// in the first bytes of the page, lowercased.
  static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    let top = bytes.prefix(prescanLength).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    let meta = Array("<meta".utf8)
    let charset = Array("charset".utf8)
    var index = 0
    while let start = firstIndex(of: meta, in: top[...], from: index) {
      let end = top[start...].firstIndex(of: UInt8(ascii: ">")) ?? top.count
      if let found = firstIndex(of: charset, in: top[..<end], from: start) {
        var position = found + charset.count
        while position < end, top[position] == 0x20 { position += 1 }
        if position < end, top[position] == UInt8(ascii: "=") {
          position += 1
          while position < end, top[position] == 0x20 || top[position] == 0x22 || top[position] == 0x27 {
            position += 1
          }
          var stop = position
          while stop < end,
            top[stop] != 0x22 && top[stop] != 0x27 && top[stop] != 0x3B && top[stop] != 0x20
              && top[stop] != 0x2F && top[stop] != 0x3E
          {
            stop += 1
          }
          if stop > position { return String(decoding: top[position..<stop], as: UTF8.self) }
        }
      }
      index = end
    }
    return nil
  }

  static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var position = max(start, haystack.startIndex)
    let last = haystack.endIndex - needle.count
    while position <= last {
      if haystack[position] == needle[0] {
        var matches = true
        for offset in 1..<needle.count where haystack[position + offset] != needle[offset] {
          matches = false
          break
        }
        if matches { return position }
      }
      position += 1
    }
    return nil
  }

  static func utf8(_ bytes: [UInt8], encoding: String) -> Decoded {
    guard let offset = FilePaths.invalidUTF8Offset(bytes, allowingNUL: true) else {
      return Decoded(bytes: bytes, encoding: encoding)
    }
    let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
    return Decoded(
      bytes: repaired, encoding: encoding,
      problem: "invalid UTF-8 at byte offset \(offset), replaced with U+FFFD")
  }

  /// What bytes 0x80–0x9F mean in windows-1252 (the rest of the upper half is Latin-1);
  /// the five it leaves undefined stand for themselves, as the web standard says.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  static func windows1252(_ bytes: [UInt8]) -> Decoded {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
      appendUTF8(scalar, to: &output)
    }
    return Decoded(bytes: output, encoding: "windows-1252")
  }

  static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case ..<0x80: output.append(UInt8(scalar))
    case ..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case ..<0x10000:
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Converts through `iconv`; a byte it cannot read becomes U+FFFD and reading goes on.
  static func convert(_ bytes: [UInt8], from encoding: String) -> Decoded {
    let converter = iconv_open("UTF-8", encoding)
    if converter == iconv_t(bitPattern: -1) {
      var decoded = utf8(bytes, encoding: encoding)
      decoded.problem = "unknown encoding '\(encoding)'; read as UTF-8"
      return decoded
    }
    defer { iconv_close(converter) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 2)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var firstProblem: Int?
    var input = bytes
    input.withUnsafeMutableBufferPointer { source in
      var inPointer = source.baseAddress.map {
        UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
      }
      var inLeft = source.count
      while inLeft > 0 {
        let result = chunk.withUnsafeMutableBufferPointer { target -> (Int, Int32) in
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
            .assumingMemoryBound(to: CChar.self)
          var outLeft = target.count
          let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
          return (target.count - outLeft, status == -1 ? errno : 0)
        }
        output.append(contentsOf: chunk[0..<result.0])
        switch result.1 {
        case 0, E2BIG: continue
        default:
          // An invalid or cut-off sequence: one replacement character, then the next byte.
          if firstProblem == nil { firstProblem = source.count - inLeft }
          output.append(contentsOf: [0xEF, 0xBF, 0xBD])
          inPointer = inPointer.map { $0 + 1 }
          inLeft -= 1
        }
      }
    }
    return Decoded(
      bytes: output, encoding: encoding,
      problem: firstProblem.map { "invalid \(encoding) at byte offset \($0), replaced with U+FFFD" })
  }
}
