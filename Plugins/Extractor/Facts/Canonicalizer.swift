import QuarryModel

/// Gives every named mention of a document the canonical entity it refers to:
/// a surname or given name alone its person's full name ("Austin" → Lloyd Austin); a
/// country's other names the country ("U.S." → United States, "PRC" → China); a demonym
/// its country ("Chinese" → China); a capital standing for its government the country
/// ("between Washington and Beijing"); an acronym its organisation's full name
/// ("World Health Organization (WHO)", then "WHO").
struct Canonicalizer: Sendable {
  let countries: CountryNames
  let gazetteer: Gazetteer

  static let standard = Canonicalizer(countries: .standard, gazetteer: .standard)

  /// Words after a capital that show it acting, as a government does.
  static let actingWords: Set<String> = [
    "said", "says", "has", "have", "had", "will", "would", "wants", "wanted", "is", "was", "accused", "urged",
    "warned", "rejected", "declined", "denied", "announced", "insists", "insisted", "believes", "sees",
  ]

  /// Canonical names for `mentions` (sorted by offset); `tokens` and `lower` are the
  /// document's, `mentionTokens` the token range of each mention.
  func apply(_ mentions: inout [Mention], mentionTokens: [Range<Int>], tokens: [TextToken], lower: [String]) {
    linkPeople(&mentions)
    for index in mentions.indices {
      let mention = mentions[index]
      switch mention.type {
      case .geopolitical, .location, .organization:
        if let country = countries.country(named: mention.text) {
          mentions[index].type = .geopolitical
          mentions[index].canonical = country
        } else if mention.type == .geopolitical, let country = countries.country(withCapital: mention.text),
          actsAsGovernment(
            mentionTokens[index], tokens: tokens, lower: lower, mentions: mentions, ranges: mentionTokens)
        {
          mentions[index].canonical = country
        }
      case .nationality:
        guard let target = gazetteer.demonymTarget(mention.text) else { continue }
        if let country = countries.country(named: target) {
          mentions[index].canonical = country
          mentions[index].entityType = .geopolitical
        } else if target.hasSuffix(" Party") {
          mentions[index].canonical = target
          mentions[index].entityType = .organization
        } else {
          mentions[index].canonical = target
        }
      default:
        break
      }
    }
    linkAcronyms(&mentions, mentionTokens: mentionTokens, tokens: tokens)
    titleCaseCapitals(&mentions)
  }

  /// A name in capitals ("BRUSSELS" in a dateline) takes the form the document or the
  /// gazetteer gives it elsewhere ("Brussels").
  func titleCaseCapitals(_ mentions: inout [Mention]) {
    let written = Set(mentions.compactMap { $0.entityKey?.name })
    for index in mentions.indices {
      guard let (name, _) = mentions[index].entityKey, name.count > 2,
        name.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
        name.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
      else { continue }
      let titled = name.split(separator: " ", omittingEmptySubsequences: false).map { word in
        word.prefix(1) + word.dropFirst().lowercased()
      }.joined(separator: " ")
      if written.contains(titled) || gazetteer.isPlace(titled) {
        mentions[index].canonical = titled
        // A dateline ("BRUSSELS (Reuters) -") opens the article with a place.
        if index == 0 && mentions[index].type == .organization && gazetteer.isPlace(titled) {
          mentions[index].type = .geopolitical
        }
      }
    }
  }

  /// A one-word person mention that is the last (or first) word of one fuller name in
  /// the same document takes that name. A word shared by two people is left alone.
  func linkPeople(_ mentions: inout [Mention]) {
    var fullNames: [String: Set<String>] = [:]
    for mention in mentions where mention.type == .person {
      guard let firstSpace = mention.text.firstIndex(of: " "), let lastSpace = mention.text.lastIndex(of: " ")
      else {
        continue
      }
      fullNames[String(mention.text[mention.text.index(after: lastSpace)...]), default: []].insert(
        mention.text)
      fullNames[String(mention.text[..<firstSpace]), default: []].insert(mention.text)
    }
    for index in mentions.indices where mentions[index].type == .person && !mentions[index].text.contains(" ")
    {
      if let names = fullNames[mentions[index].text], names.count == 1, let name = names.first {
        mentions[index].canonical = name
      }
    }
  }

  /// Whether a capital at `range` stands for its country: "between Washington and
  /// Beijing", "Beijing has said", "Washington urged".
  func actsAsGovernment(
    _ range: Range<Int>, tokens: [TextToken], lower: [String], mentions: [Mention], ranges: [Range<Int>]
  ) -> Bool {
    let before = range.lowerBound - 1
    let after = range.upperBound
    if after < tokens.count, Self.actingWords.contains(lower[after]) { return true }
    // "between Washington and Beijing": both sides are countries or capitals.
    func isPlaceAt(_ token: Int) -> Bool {
      guard let found = ranges.firstIndex(where: { $0.contains(token) }) else { return false }
      return mentions[found].type == .geopolitical
    }
    if before >= 0, lower[before] == "between", after + 1 < tokens.count, lower[after] == "and",
      isPlaceAt(after + 1)
    {
      return true
    }
    if before - 1 >= 0, lower[before] == "and", isPlaceAt(before - 1) {
      var start = before - 1
      while start >= 0 && ranges.contains(where: { $0.contains(start) }) { start -= 1 }
      if start >= 0 && lower[start] == "between" { return true }
    }
    return false
  }

  /// "Organization of the Petroleum Exporting Countries (OPEC)": the acronym in
  /// brackets, and the same acronym anywhere else in the document, take the full name.
  func linkAcronyms(_ mentions: inout [Mention], mentionTokens: [Range<Int>], tokens: [TextToken]) {
    var acronyms: [String: (name: String, type: EntityType)] = [:]
    for index in mentions.indices.dropLast() where mentionTokens[index].count > 1 {
      let mention = mentions[index]
      guard mention.type == .organization || mention.type == .miscellaneous || mention.type == .event else {
        continue
      }
      let next = index + 1
      let gapStart = mentionTokens[index].upperBound
      let candidate = mentions[next]
      guard mentionTokens[next].lowerBound == gapStart + 1, tokens[gapStart].text == "(",
        candidate.text.count >= 2, candidate.text.allSatisfy({ $0.isUppercase || $0 == "." })
      else { continue }
      acronyms[candidate.text] = (mention.canonical ?? mention.text, mention.type)
    }
    // Without the tagger's help: an uppercase word in brackets right after a name.
    guard !acronyms.isEmpty else { return }
    for index in mentions.indices {
      if let full = acronyms[mentions[index].text], mentions[index].type.isNamed {
        mentions[index].canonical = full.name
        mentions[index].entityType = full.type == mentions[index].type ? nil : full.type
      }
    }
  }
}
