/// Counts sentences: a `.`, `!` or `?` (with any closing quotes or brackets) followed by
/// white space and an upper-case letter, digit or opening quote ends one, unless the
/// word before is a known abbreviation or a single initial ("U.S.", "Mr.", "J.").
enum SentenceCounter {
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
    "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "calif", "fla", "mass", "va", "wash", "no", "vs", "etc", "e.g", "i.e",
    "mt", "ft", "ave", "rev", "pres", "d.c", "a.m", "p.m",
  ]

  static func count(_ scalars: some Collection<Unicode.Scalar>) -> Int {
    let text = Array(scalars)
    var sentences = 0
    var inSentence = false
    var index = 0
    while index < text.count {
      let scalar = text[index]
      if !scalar.properties.isWhitespace { inSentence = true }
      if (scalar == "." || scalar == "!" || scalar == "?") && inSentence {
        var end = index + 1
        while end < text.count, "\"'”’)]".unicodeScalars.contains(text[end]) { end += 1 }
        var next = end
        var sawSpace = false
        while next < text.count && text[next].properties.isWhitespace {
          sawSpace = true
          next += 1
        }
        let atEnd = next >= text.count
        let startsSentence =
          !atEnd
          && (text[next].properties.isUppercase || "\"“'‘(0123456789".unicodeScalars.contains(text[next]))
        if atEnd || (sawSpace && startsSentence && !(scalar == "." && isAbbreviation(text, before: index))) {
          sentences += 1
          inSentence = false
        }
        index = end
        continue
      }
      index += 1
    }
    return sentences + (inSentence ? 1 : 0)
  }

  /// Whether the word ending at a full stop is an abbreviation or an initial.
  private static func isAbbreviation(_ text: [Unicode.Scalar], before stop: Int) -> Bool {
    var start = stop
    while start > 0 && !text[start - 1].properties.isWhitespace && text[start - 1] != "("
      && text[start - 1] != "\""
    {
      start -= 1
    }
    let word = String(String.UnicodeScalarView(text[start..<stop])).lowercased()
    if word.count == 1, let first = word.unicodeScalars.first, first.properties.isAlphabetic { return true }
    return abbreviations.contains(word)
  }
}
