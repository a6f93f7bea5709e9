/// Splits tokens into sentences: a `.`, `!`, `?` or `...` ends one when the next token
/// (past closing quotes and brackets) begins a new one — an upper-case word, a digit or
/// an opening quote — or the text ends. Abbreviations and initials keep their full stop
/// inside the token, so "U.S. Defense Secretary" and "Mr. Li" never split, except that
/// an abbreviation that often ends a sentence ("U.S.") does before a word that usually
/// starts one ("The", "He").
///
/// Line breaks count too: a blank line always ends a sentence, and a single line break
/// does after a short line (a headline, a byline, a dateline) when the next line starts
/// like a sentence; a long line is taken for hard-wrapped running text.
public enum SentenceSplitter {
  /// Lines shorter than this, in code points, are headlines rather than wrapped text.
  static let shortLine = 60

  static let closers: Set<String> = ["\"", "'", "”", "’", ")", "]", "»"]
  static let openers: Set<String> = ["\"", "“", "'", "‘", "(", "[", "«"]
  static let sentenceFinalAbbreviations: Set<String> = [
    "u.s.", "u.k.", "u.n.", "inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "etc.", "d.c.",
  ]
  static let sentenceStarters: Set<String> = [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and",
    "in",
    "on", "at", "his", "her", "their", "its", "there", "however", "meanwhile", "after", "before", "when",
    "while",
  ]

  /// Sentences as ranges of token indices.
  public static func split(_ tokens: [TextToken]) -> [Range<Int>] {
    var sentences: [Range<Int>] = []
    var start = 0
    var index = 0
    var lineStart = tokens.first?.start ?? 0
    while index < tokens.count {
      let token = tokens[index]
      if token.lineBreaksBefore > 0 {
        if index > start {
          let previous = tokens[index - 1]
          let short = previous.end - lineStart < shortLine
          let startsSentence =
            token.text.first.map { $0.isUppercase || $0.isNumber } == true || openers.contains(token.text)
            || token.kind == .punctuation
          if token.lineBreaksBefore > 1 || (short && startsSentence) {
            sentences.append(start..<index)
            start = index
          }
        }
        lineStart = token.start
      }
      var ends = false
      if token.kind == .punctuation && [".", "!", "?", "..."].contains(token.text) {
        ends = true
      } else if token.kind == .word && token.text.hasSuffix(".")
        && sentenceFinalAbbreviations.contains(token.text.lowercased())
      {
        // "... in the U.S. The next ..." ends a sentence; "U.S. officials" does not.
        var next = index + 1
        while next < tokens.count && closers.contains(tokens[next].text) { next += 1 }
        ends =
          next >= tokens.count
          || sentenceStarters.contains(tokens[next].text.lowercased())
            && tokens[next].text.first?.isUppercase == true
      }
      guard ends else {
        index += 1
        continue
      }
      var end = index + 1
      while end < tokens.count && closers.contains(tokens[end].text)
        && !(tokens[end].text == "'" && tokens[end].spaceAfter == false && end + 1 < tokens.count
          && tokens[end + 1].kind == .word)
      {
        end += 1
      }
      if end >= tokens.count {
        sentences.append(start..<tokens.count)
        return sentences
      }
      let next = tokens[end]
      let startsSentence =
        next.text.first.map { $0.isUppercase || $0.isNumber } == true || openers.contains(next.text)
      // `"Is there any sincerity?" Pengyu added.` is one sentence: a quote that ends in
      // ? or ! and is followed by its attribution.
      let quoted = end > index + 1 && token.text != "."
      if startsSentence && !(quoted && attributionFollows(tokens, from: end)) {
        sentences.append(start..<end)
        start = end
      }
      index = end
    }
    if start < tokens.count { sentences.append(start..<tokens.count) }
    return sentences
  }

  static let speechVerbs: Set<String> = [
    "said", "says", "added", "adds", "asked", "asks", "told", "tells", "wrote", "writes", "replied",
    "replies",
    "continued", "declared", "insisted", "stated", "noted", "explained",
  ]

  /// Whether a speech verb comes within four words, before any sentence-final stop.
  private static func attributionFollows(_ tokens: [TextToken], from start: Int) -> Bool {
    var index = start
    while index < tokens.count && index < start + 5 {
      let text = tokens[index].text
      if [".", "!", "?"].contains(text) || openers.contains(text) { return false }
      if speechVerbs.contains(text.lowercased()) { return true }
      index += 1
    }
    return false
  }
}
