/// Stable 64-bit hashes for the tagger's features. Swift's `Hasher` is seeded afresh in
/// every process, and a committed model needs the same keys in every run.
enum FeatureHash {
  /// Combines two hashes; not symmetric, so `mix(a, b)` and `mix(b, a)` differ.
  @inline(__always)
  static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var hash = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019)
    hash ^= hash >> 31
    hash &*= 0xD6E8_FEB8_6659_FD93
    hash ^= hash >> 32
    return hash
  }

  /// FNV-1a over bytes, finished with a mix so that short keys spread.
  @inline(__always)
  static func bytes<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01B3
    }
    return mix(hash, UInt64(bytes.count))
  }

  static func string(_ text: String) -> UInt64 { bytes(Array(text.utf8)) }
}
