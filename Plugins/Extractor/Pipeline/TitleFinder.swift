import QuarryExtractorResources

/// Finds titles — "Defense Secretary", "embassy spokesman", "House Speaker", "Secretary of
/// State", "national security adviser" — as a head word ("secretary", "spokesman") with
/// the modifiers before it ("defense", "house", "embassy") and "of" phrases after it.
struct TitleFinder: Sendable {
  let heads: WordSet
  let modifiers: WordSet
  /// Heads too common in other senses to be a title alone and in lower case.
  static let ambiguous: WordSet = [
    "major", "general", "head", "chief", "executive", "representative", "justice", "chair", "anchor",
    "deputy",
    "captain", "officer", "king", "queen", "prince", "princess", "judge", "gen.", "host", "author",
    "investor",
  ]

  static let standard = TitleFinder()

  /// Words of military and police ranks that stand before a rank's head ("Maj. Gen.",
  /// "Brig. Gen.", "Rear Adm.", "Staff Sgt."). Kept here, not in titles.tsv, whose words
  /// are also features of the entity tagger: a word added there means training it again.
  static let ranks: Set<String> = ["brig.", "maj.", "lt.", "rear", "staff", "master", "sgt."]
  /// Titles always written in capitals.
  static let abbreviatedTitles: Set<String> = ["CEO", "CFO", "COO", "CTO"]
  /// Heads of titles of work that news gives people ("equity strategist", "Fox News host",
  /// "singer"), kept out of titles.tsv for the same reason.
  static let moreHeads: Set<String> = [
    "strategist", "host", "singer", "guitarist", "drummer", "bassist", "vocalist", "frontman", "rapper",
    "actor", "actress", "novelist", "author", "entrepreneur", "investor", "physician", "surgeon",
  ]

  init() {
    var heads: Set<String> = []
    var modifiers: Set<String> = []
    for row in EmbeddedResource.rows({ quarry_resource_titles($0) }) where row.count == 2 {
      if row[0] == "HEAD" { heads.insert(String(row[1])) } else { modifiers.insert(String(row[1])) }
    }
    self.heads = WordSet(heads.union(Self.moreHeads))
    self.modifiers = WordSet(modifiers.union(Self.ranks))
  }

  /// Title spans as token ranges within `sentence`. `places` marks tokens of place names
  /// and demonyms, which may stand before a title ("U.S. Defense Secretary") without
  /// being part of it.
  func titles(_ tokens: [TextToken], lower: [String], places: [Bool], in sentence: Range<Int>)
    -> [(range: Range<Int>, head: Int)]
  {
    var found: [(range: Range<Int>, head: Int)] = []
    var index = sentence.lowerBound
    while index < sentence.upperBound {
      guard heads.contains(lower[index]) else {
        index += 1
        continue
      }
      var first = index
      let floor = found.last?.range.upperBound ?? sentence.lowerBound
      while first - 1 >= floor,
        modifiers.contains(lower[first - 1]) || isCapitalisedHead(tokens, lower, first - 1)
      {
        // A capitalised modifier right after another capitalised word belongs to that
        // name: "White House" in "White House National Security Adviser".
        // An abbreviated rank ("Air Force Brig. Gen.") is the title's, never the name's.
        let candidate = first - 1
        if isCapitalised(tokens[candidate]), !lower[candidate].hasSuffix("."),
          candidate - 1 >= sentence.lowerBound,
          isCapitalised(tokens[candidate - 1]), tokens[candidate - 1].kind == .word,
          !modifiers.contains(lower[candidate - 1]), !heads.contains(lower[candidate - 1]),
          !places[candidate - 1],
          !(candidate - 1 == sentence.lowerBound
            && SentenceSplitter.sentenceStarters.contains(lower[candidate - 1]))
        {
          break
        }
        first -= 1
      }
      var end = index + 1
      // Compound heads ("Attorney General", "Prime Minister") and "of State", "of Defence".
      while end < sentence.upperBound {
        if heads.contains(lower[end]) && isCapitalised(tokens[end]) && isCapitalised(tokens[index]) {
          end += 1
        } else if lower[end] == "of", end + 1 < sentence.upperBound, modifiers.contains(lower[end + 1]),
          isCapitalised(tokens[end + 1]), isCapitalised(tokens[index])
        {
          // "Minister of National Defense", "Secretary of State".
          end += 2
          while end < sentence.upperBound && modifiers.contains(lower[end]) && isCapitalised(tokens[end]) {
            end += 1
          }
        } else {
          break
        }
      }
      let span = first..<end
      if span.count > 1 || accepts(tokens, lower, index, sentence: sentence) {
        found.append((span, index))
      }
      index = end
    }
    return found
  }

  private func isCapitalised(_ token: TextToken) -> Bool { token.text.first?.isUppercase == true }

  private func isCapitalisedHead(_ tokens: [TextToken], _ lower: [String], _ index: Int) -> Bool {
    heads.contains(lower[index]) && isCapitalised(tokens[index]) && lower[index] != "president"
  }

  /// Whether a lone head word is a title: in lower case unless ambiguous ("a spokesman"),
  /// capitalised when a name follows ("President Biden"), or an abbreviation such as CEO.
  private func accepts(_ tokens: [TextToken], _ lower: [String], _ index: Int, sentence: Range<Int>) -> Bool {
    let nameFollows =
      index + 1 < sentence.upperBound && isCapitalised(tokens[index + 1]) && tokens[index + 1].kind == .word
    // "executive Tom Alvarez": an ambiguous word before a name is a title.
    if tokens[index].text.first?.isLowercase == true {
      return !Self.ambiguous.contains(lower[index]) || nameFollows
    }
    // "CEO", "CFO": titles written in capitals are titles wherever they stand.
    if Self.abbreviatedTitles.contains(tokens[index].text) { return true }
    let next = index + 1
    return next < sentence.upperBound && isCapitalised(tokens[next]) && tokens[next].kind == .word
      && !heads.contains(lower[next])
  }
}
