/// A set of words for the rules' per-token checks. `Set<String>` hashes every probe with
/// seeded SipHash, which showed as a tenth of extraction time; this hashes with FNV into
/// a `KeyTable` and confirms the word itself, so it is exact and several times cheaper.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
  private let words: [String]
  private let table: KeyTable

  init<S: Sequence>(_ words: S) where S.Element == String {
    var unique: [String] = []
    var seen = Set<String>()
    for word in words where seen.insert(word).inserted { unique.append(word) }
    var table = KeyTable(capacity: unique.count)
    for (row, word) in unique.enumerated() { table.set(Self.hash(word), Int32(row)) }
    self.words = unique
    self.table = table
  }

  init(arrayLiteral words: String...) { self.init(words) }

  @inline(__always)
  private static func hash(_ word: String) -> UInt64 { FeatureHash.bytes(word.utf8) }

  @inline(__always)
  func contains(_ word: String) -> Bool {
    guard let row = table.row(Self.hash(word)) else { return false }
    return words[Int(row)] == word
  }
}
