/// The dateline that opens a news story: "BRUSSELS (Reuters) -", "WASHINGTON, Dec 6 (AP) —",
/// "SAN FRANCISCO -". It is not part of the first sentence's grammar, so the parser reads
/// it apart.
enum Dateline {
  static let dashes: Set<String> = ["-", "--", "—", "–"]
  /// The index of the dash that ends a dateline at the start of `sentence`, if it opens with one.
  static func end(in tokens: [TextToken], _ sentence: Range<Int>) -> Int? {
    guard let first = sentence.first, isCapitals(tokens[first].text) else { return nil }
    var inBrackets = false
    for index in sentence.dropFirst().prefix(16) {
      let text = tokens[index].text
      if dashes.contains(text) { return index > first && index + 1 < sentence.upperBound ? index : nil }
      switch text {
      case "(": inBrackets = true
      case ")": inBrackets = false
      case ",", ".": continue
      default:
        // Inside the brackets is the agency; outside, the place in capitals, a state
        // ("Calif."), a date.
        if inBrackets || isCapitals(text) || tokens[index].kind == .number
          || isMonth(text.lowercased())
          || (text.hasSuffix(".") && text.first?.isUppercase == true)
        {
          continue
        }
        return nil
      }
    }
    return nil
  }

  /// "Dec", "Dec." or "December".
  static func isMonth(_ lower: String) -> Bool {
    DateNormalizer.months[lower] != nil || DateNormalizer.months[lower + "."] != nil
  }

  /// A word in capitals: "BRUSSELS", "D.C.", not "I" or "A".
  static func isCapitals(_ text: String) -> Bool {
    let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
    return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
  }

  /// The sentences with each opening dateline made a sentence of its own, dash included.
  static func split(_ tokens: [TextToken], _ sentences: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    result.reserveCapacity(sentences.count + 1)
    for sentence in sentences {
      if let dash = end(in: tokens, sentence) {
        result.append(sentence.lowerBound..<dash + 1)
        result.append(dash + 1..<sentence.upperBound)
      } else {
        result.append(sentence)
      }
    }
    return result
  }
}
