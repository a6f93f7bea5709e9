/// Small codes for the attribute names Quarry reads, given while parsing so that finding
/// an element's `class` compares one byte, not a string; 0 for every other name.
enum AttributeName {
  static let names = [
    "", "class", "id", "itemprop", "style", "role", "hidden", "aria-hidden", "content", "property", "name",
    "http-equiv", "type", "datetime", "rel", "href", "lang", "charset",
  ].map { Array($0.utf8) }

  /// The code of a name as the page writes it (any case).
  static func code(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    let count = bytes.count
    guard count >= 2 && count <= 11 else { return 0 }
    for code in 1..<names.count where names[code].count == count {
      let name = names[code]
      var offset = 0
      while offset < count {
        let byte = bytes[offset]
        if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != name[offset] { break }
        offset += 1
      }
      if offset == count { return UInt8(code) }
    }
    return 0
  }

  /// The code of a lowercase name.
  static func code(_ name: String) -> UInt8 {
    var name = name
    return name.withUTF8 { code($0) }
  }
}
