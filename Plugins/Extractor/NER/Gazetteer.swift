import QuarryExtractorResources

/// The extractor's embedded data files, read as tab-separated lines.
enum EmbeddedResource {
  static func bytes(_ accessor: (UnsafeMutablePointer<Int>) -> UnsafePointer<UInt8>?) -> UnsafeBufferPointer<
    UInt8
  > {
    var size = 0
    let pointer = accessor(&size)
    return UnsafeBufferPointer(start: pointer, count: size)
  }

  static var nerModel: UnsafeBufferPointer<UInt8> { bytes { quarry_resource_ner_model($0) } }

  static var syntaxModel: UnsafeBufferPointer<UInt8> { bytes { quarry_resource_syntax_model($0) } }

  /// The fields of every line that is not blank or a `#` comment.
  static func rows(_ accessor: (UnsafeMutablePointer<Int>) -> UnsafePointer<UInt8>?) -> [[Substring]] {
    let text = String(decoding: bytes(accessor), as: UTF8.self)
    return text.split(separator: "\n").compactMap { line in
      line.hasPrefix("#") ? nil : line.split(separator: "\t", omittingEmptySubsequences: false)
    }
  }
}

/// Lists of names (places, demonyms, title words) matched against token sequences by
/// their lower-cased forms. Names are tokenised by the same `Tokenizer` as the text, so
/// "U.S." and "Bosnia and Herzegovina" match exactly as they are split.
public final class Gazetteer: Sendable {
  public struct Kinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let country = Kinds(rawValue: 1)
    public static let subdivision = Kinds(rawValue: 2)
    public static let city = Kinds(rawValue: 4)
    public static let continent = Kinds(rawValue: 8)
    public static let demonym = Kinds(rawValue: 16)
    public static let titleHead = Kinds(rawValue: 32)
    public static let titleModifier = Kinds(rawValue: 64)

    public static let places: Kinds = [.country, .subdivision, .city]
  }

  /// A match of entry kinds over tokens `range`.
  public struct Match: Equatable, Sendable {
    public var range: Range<Int>
    public var kinds: Kinds
  }

  /// Phrase hash → kinds, the kinds' raw value stored as the row.
  private let phrases: KeyTable
  /// First word's hash → the most words an entry starting with it has, so that most
  /// tokens cost one lookup.
  private let starts: KeyTable
  /// Demonym → the country or group it names ("Chinese" → "China").
  public let demonyms: [String: String]

  /// The gazetteer built from the embedded files.
  public static let standard = Gazetteer()

  init() {
    var phrases: [UInt64: Kinds] = [:]
    var starts: [UInt64: Int] = [:]
    var buffer: [UInt8] = []
    func add(_ name: Substring, _ kinds: Kinds) {
      // Most names are letters and spaces, split as the tokenizer would split them.
      let simple = name.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x20 }
      let words =
        simple ? name.split(separator: " ").map(String.init) : Tokenizer.tokenize(String(name)).map(\.text)
      guard !words.isEmpty else { return }
      var hash: UInt64 = 0
      for (index, word) in words.enumerated() {
        let lower = WordFeatures(word, buffer: &buffer).lower
        if index == 0 { starts[lower] = max(starts[lower] ?? 0, words.count) }
        hash = FeatureHash.mix(hash, lower)
      }
      phrases[hash, default: []].formUnion(kinds)
    }
    for row in EmbeddedResource.rows({ quarry_resource_places($0) }) where row.count == 2 {
      switch row[0] {
      case "COUNTRY": add(row[1], .country)
      case "SUBDIVISION": add(row[1], .subdivision)
      case "CITY": add(row[1], .city)
      case "CONTINENT": add(row[1], .continent)
      default: break
      }
    }
    var demonyms: [String: String] = [:]
    for row in EmbeddedResource.rows({ quarry_resource_demonyms($0) }) where row.count == 2 {
      add(row[0], .demonym)
      demonyms[String(row[0]).lowercased()] = String(row[1])
    }
    for row in EmbeddedResource.rows({ quarry_resource_titles($0) }) where row.count == 2 {
      add(row[1], row[0] == "HEAD" ? .titleHead : .titleModifier)
    }
    var phraseTable = KeyTable(capacity: phrases.count)
    for (hash, kinds) in phrases { phraseTable.set(hash, Int32(kinds.rawValue)) }
    var startTable = KeyTable(capacity: starts.count)
    for (hash, length) in starts { startTable.set(hash, Int32(length)) }
    self.phrases = phraseTable
    self.starts = startTable
    self.demonyms = demonyms
  }

  /// The longest entries starting at each token, left to right, not overlapping.
  func matches(lowerHashes: [UInt64], in range: Range<Int>) -> [Match] {
    var matches: [Match] = []
    var start = range.lowerBound
    while start < range.upperBound {
      guard let longest = starts.row(lowerHashes[start]) else {
        start += 1
        continue
      }
      var hash: UInt64 = 0
      var best: Match?
      var end = start
      while end < range.upperBound && end - start < Int(longest) {
        hash = FeatureHash.mix(hash, lowerHashes[end])
        end += 1
        if let kinds = phrases.row(hash) {
          best = Match(range: start..<end, kinds: Kinds(rawValue: UInt16(kinds)))
        }
      }
      if let best {
        matches.append(best)
        start = best.range.upperBound
      } else {
        start += 1
      }
    }
    return matches
  }

  /// Whether `name` is a country, subdivision or city.
  public func isPlace(_ name: String) -> Bool {
    var buffer: [UInt8] = []
    let tokens = Tokenizer.tokenize(name)
    let lowers = tokens.map { WordFeatures($0.text, buffer: &buffer).lower }
    guard let match = matches(lowerHashes: lowers, in: 0..<tokens.count).first,
      match.range == 0..<tokens.count
    else { return false }
    return !match.kinds.isDisjoint(with: .places)
  }

  /// The country or group a demonym names, accepting plurals ("Israelis" → "Israel").
  public func demonymTarget(_ word: String) -> String? {
    let lower = word.lowercased()
    if let target = demonyms[lower] { return target }
    if lower.hasSuffix("s"), let target = demonyms[String(lower.dropLast())] { return target }
    return nil
  }
}
