/// A token of a document, with its place in the text in Unicode code points (the unit
/// of every offset Quarry reports).
public struct TextToken: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case word
    case number
    case punctuation
    case symbol
  }

  public var text: String
  public var start: Int
  public var end: Int
  public var kind: Kind
  /// Whether white space follows it (for putting text back together).
  public var spaceAfter: Bool
  /// How many line breaks the white space before it holds: 2 or more is a paragraph break.
  public var lineBreaksBefore: Int = 0
}

/// Splits news English into tokens the way CoNLL and OntoNotes do: punctuation apart,
/// clitics apart ("country's" → "country" "'s"; "don't" → "do" "n't"), but abbreviations
/// and initials whole ("U.S.", "Calif.", "Mr.", "J."), hyphenated words whole
/// ("Ing-wen", "R-Calif"), numbers with their separators whole ("1,000.5").
public enum Tokenizer {
  /// Words that keep their full stop.
  /// (The entity tagger learns from text tokenised by these rules, so a word added here
  /// that its training text writes with a full stop means training it again.)
  public static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "maj", "brig", "cpl", "messrs",
    "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "llc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept",
    "oct", "nov", "dec", "calif", "fla", "mass", "va", "wash", "ariz", "colo", "conn", "del", "ga", "ill",
    "ind",
    "kan", "ky", "la", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "tex", "vt", "wis", "wyo", "no", "vs", "etc", "mt", "ft", "ave", "blvd", "rev", "pres", "gov't", "approx",
    "dept", "univ", "est", "fig", "vol",
  ]

  public static func tokenize(_ text: String) -> [TextToken] {
    tokenize(Array(text.unicodeScalars), from: 0)
  }

  /// Tokens of `scalars`, with offsets counted from `base`.
  public static func tokenize(_ scalars: [Unicode.Scalar], from base: Int) -> [TextToken] {
    var tokens: [TextToken] = []
    var index = 0
    let count = scalars.count
    var lineBreaks = 0
    // ASCII first: Unicode property lookups cost more than all the rest of tokenising.
    func isLetter(_ i: Int) -> Bool {
      guard i < count else { return false }
      let value = scalars[i].value
      return value < 0x80 ? (value | 0x20) &- 0x61 < 26 : scalars[i].properties.isAlphabetic
    }
    func isDigit(_ i: Int) -> Bool { i < count && scalars[i].value &- 0x30 < 10 }
    func isSpace(_ i: Int) -> Bool {
      guard i < count else { return false }
      let value = scalars[i].value
      return value < 0x80 ? value == 0x20 || (value >= 9 && value <= 13) : scalars[i].properties.isWhitespace
    }
    func isApostrophe(_ i: Int) -> Bool { i < count && (scalars[i] == "'" || scalars[i] == "’") }
    func add(_ start: Int, _ end: Int, _ kind: TextToken.Kind) {
      tokens.append(
        TextToken(
          text: makeString(scalars, start, end), start: base + start, end: base + end,
          kind: kind, spaceAfter: end >= count || isSpace(end), lineBreaksBefore: lineBreaks))
      lineBreaks = 0
    }
    while index < count {
      if isSpace(index) {
        if scalars[index] == "\n" { lineBreaks += 1 }
        index += 1
        continue
      }
      let start = index
      if isDigit(index) {
        // 1,000.5 and 3:30 stay whole; a trailing separator does not belong.
        while isDigit(index)
          || (index + 1 < count && [",", ".", ":"].contains(scalars[index]) && isDigit(index + 1))
        {
          index += 1
        }
        // 1990s, 21st
        while isLetter(index) && index - start < 8 { index += 1 }
        add(start, index, .number)
        continue
      }
      if isLetter(index) {
        // Initials and dotted abbreviations: U.S., U.N., J.
        if index + 1 < count && scalars[index + 1] == "." && (index == 0 || !isLetter(index - 1)) {
          var end = index
          while end + 1 < count && isLetter(end) && scalars[end + 1] == "." { end += 2 }
          if !isLetter(end) {
            add(start, end, .word)
            index = end
            continue
          }
        }
        while isLetter(index) || isDigit(index)
          || (index < count && (scalars[index] == "-" || scalars[index] == "‑")
            && (isLetter(index + 1) || isDigit(index + 1)))
          || (isApostrophe(index) && isLetter(index + 1) && !isClitic(scalars, index, count))
        {
          index += 1
        }
        // n't belongs to the clitic, not the word: "don't" → "do" "n't".
        if index - start > 1 && scalars[index - 1] == "n" && isApostrophe(index) && index + 1 < count
          && scalars[index + 1] == "t" && !isLetter(index + 2)
        {
          add(start, index - 1, .word)
          add(index - 1, index + 2, .word)
          index += 2
          continue
        }
        // The last part decides for hyphenated words: "R-Calif." keeps its stop.
        if index < count && scalars[index] == "." {
          var partStart = index
          while partStart > start && scalars[partStart - 1] != "-" && scalars[partStart - 1] != "‑" {
            partStart -= 1
          }
          if index - partStart <= 6
            && abbreviations.contains(makeString(scalars, partStart, index).lowercased())
          {
            index += 1
          }
        }
        add(start, index, .word)
        continue
      }
      if isApostrophe(index) && isClitic(scalars, index, count) {
        var end = index + 1
        while isLetter(end) { end += 1 }
        add(start, end, .word)
        index = end
        continue
      }
      // Punctuation: "..." stays one token; everything else one character each.
      if scalars[index] == "." && index + 2 < count && scalars[index + 1] == "." && scalars[index + 2] == "."
      {
        add(start, index + 3, .punctuation)
        index += 3
        continue
      }
      let scalar = scalars[index]
      let kind: TextToken.Kind = scalar.properties.generalCategory.isPunctuation ? .punctuation : .symbol
      index += 1
      add(start, index, kind)
    }
    return tokens
  }

  /// The text of `scalars[start..<end]`, built byte by byte when it is ASCII.
  @inline(__always)
  static func makeString(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var ascii = true
    for index in start..<end where scalars[index].value >= 0x80 {
      ascii = false
      break
    }
    guard ascii else { return String(String.UnicodeScalarView(scalars[start..<end])) }
    return String(unsafeUninitializedCapacity: end - start) { buffer in
      for index in start..<end { buffer[index - start] = UInt8(truncatingIfNeeded: scalars[index].value) }
      return end - start
    }
  }

  /// Whether an apostrophe at `index` starts a clitic: 's 're 've 'll 'd 'm n't.
  private static func isClitic(_ scalars: [Unicode.Scalar], _ index: Int, _ count: Int) -> Bool {
    guard index > 0, scalars[index - 1].properties.isAlphabetic else { return false }
    var end = index + 1
    while end < count && scalars[end].properties.isAlphabetic { end += 1 }
    let rest = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).lowercased()
    if rest == "t" && scalars[index - 1] == "n" { return true }
    return ["s", "re", "ve", "ll", "d", "m"].contains(rest)
  }
}

extension Unicode.GeneralCategory {
  var isPunctuation: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      true
    default: false
    }
  }
}

extension [TextToken] {
  /// The index of the first token ending after `offset` (binary search; tokens are in
  /// order of offset).
  func firstIndex(endingAfter offset: Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle].end <= offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The tokens lying wholly inside `[start, end)` in code points.
  func range(covering start: Int, _ end: Int) -> Range<Int> {
    var first = firstIndex(endingAfter: start)
    while first < count && self[first].start < start { first += 1 }
    var last = first
    while last < count && self[last].end <= end { last += 1 }
    return first..<last
  }
}
