/// A document's text as the fact finders read it: code points, tokens, lower-cased token
/// texts, sentences as token ranges and the sentence of each token.
struct DocumentText {
  let scalars: [Unicode.Scalar]
  let tokens: [TextToken]
  let lower: [String]
  let sentences: [Range<Int>]
  let sentenceOf: [Int32]

  /// The text of `[start, end)` in code points.
  func text(_ start: Int, _ end: Int) -> String { Tokenizer.makeString(scalars, start, end) }
}

/// Which mention covers each token, for the fact finders' patterns.
struct MentionIndex {
  private let byToken: [Int32]

  init(tokenCount: Int, ranges: [Range<Int>]) {
    var byToken = [Int32](repeating: -1, count: tokenCount)
    for (index, range) in ranges.enumerated() {
      for token in range where byToken[token] < 0 { byToken[token] = Int32(index) }
    }
    self.byToken = byToken
  }

  /// The mention covering `token`, if any.
  func at(_ token: Int) -> Int? {
    guard token >= 0, token < byToken.count, byToken[token] >= 0 else { return nil }
    return Int(byToken[token])
  }
}
