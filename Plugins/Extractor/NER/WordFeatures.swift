/// The hashed facts about one token that the tagger's feature templates combine: its
/// lower-cased form, exact form, shape, affixes and gazetteer matches.
struct WordFeatures {
  /// Lower case, digits folded to 0: "1996" and "2023" look alike.
  var lower: UInt64
  var exact: UInt64
  /// Character classes with runs kept up to four: "Xxxxx", "dddd-dd-dd".
  var shape: UInt64
  /// Character classes with runs collapsed: "Xx", "d-d-d".
  var shortShape: UInt64
  var prefixes: (UInt64, UInt64, UInt64, UInt64)
  var suffixes: (UInt64, UInt64, UInt64, UInt64)
  /// Gazetteer kinds whose entries cover the token, with where in the entry it sits.
  var gazetteer: UInt64
  var isCapitalized: Bool
  var isLowercaseWord: Bool
  var hasLetter: Bool
  var isAllCaps: Bool

  static let outside = WordFeatures(
    lower: FeatureHash.string("<edge>"), exact: 0, shape: FeatureHash.string("<edge>"),
    shortShape: FeatureHash.string("<edge>"), prefixes: (0, 0, 0, 0), suffixes: (0, 0, 0, 0), gazetteer: 0,
    isCapitalized: false, isLowercaseWord: false, hasLetter: false, isAllCaps: false)
}

extension WordFeatures {
  /// Computes the features of a token's text; `buffer` is scratch space reused between calls.
  init(_ text: String, buffer: inout [UInt8]) {
    buffer.removeAll(keepingCapacity: true)
    var isASCII = true
    for byte in text.utf8 {
      if byte >= 0x80 {
        isASCII = false
        break
      }
    }
    var exactHash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      exactHash ^= UInt64(byte)
      exactHash &*= 0x100_0000_01B3
    }
    exact = FeatureHash.mix(exactHash, 1)
    if isASCII {
      for byte in text.utf8 {
        if byte >= 0x41 && byte <= 0x5A {
          buffer.append(byte + 0x20)
        } else if byte >= 0x30 && byte <= 0x39 {
          buffer.append(0x30)
        } else {
          buffer.append(byte)
        }
      }
    } else {
      for byte in text.lowercased().utf8 { buffer.append(byte >= 0x30 && byte <= 0x39 ? 0x30 : byte) }
    }
    lower = FeatureHash.bytes(buffer)
    let count = buffer.count
    func affix(_ range: Range<Int>, _ salt: UInt64) -> UInt64 {
      FeatureHash.mix(FeatureHash.bytes(buffer[range]), salt)
    }
    prefixes = (
      affix(0..<min(1, count), 11), affix(0..<min(2, count), 12), affix(0..<min(3, count), 13),
      affix(0..<min(4, count), 14)
    )
    suffixes = (
      affix(max(0, count - 1)..<count, 21), affix(max(0, count - 2)..<count, 22),
      affix(max(0, count - 3)..<count, 23), affix(max(0, count - 4)..<count, 24)
    )
    // Shapes.
    var longHash: UInt64 = 0xCBF2_9CE4_8422_2325
    var shortHash: UInt64 = 0xCBF2_9CE4_8422_2325
    var previous: UInt32 = 0
    var run = 0
    var uppers = 0
    var lowers = 0
    var first: UInt32 = 0
    for scalar in text.unicodeScalars {
      let kind: UInt32
      let properties = scalar.properties
      if scalar.value < 0x80 {
        let byte = scalar.value
        if byte >= 0x41 && byte <= 0x5A {
          kind = 0x58  // X
        } else if byte >= 0x61 && byte <= 0x7A {
          kind = 0x78  // x
        } else if byte >= 0x30 && byte <= 0x39 {
          kind = 0x64  // d
        } else {
          kind = byte
        }
      } else if properties.isUppercase {
        kind = 0x58
      } else if properties.isAlphabetic {
        kind = 0x78
      } else if properties.numericType != nil {
        kind = 0x64
      } else {
        kind = 0x6F  // o
      }
      if first == 0 { first = kind }
      if kind == 0x58 { uppers += 1 }
      if kind == 0x78 { lowers += 1 }
      if kind == previous {
        run += 1
      } else {
        run = 1
        shortHash ^= UInt64(kind)
        shortHash &*= 0x100_0000_01B3
      }
      if run <= 4 {
        longHash ^= UInt64(kind)
        longHash &*= 0x100_0000_01B3
      }
      previous = kind
    }
    shape = FeatureHash.mix(longHash, 31)
    shortShape = FeatureHash.mix(shortHash, 32)
    isCapitalized = first == 0x58
    isLowercaseWord = first == 0x78
    hasLetter = uppers + lowers > 0
    isAllCaps = uppers > 0 && lowers == 0
    gazetteer = 0
  }
}
