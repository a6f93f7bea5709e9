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

  /// Words that end the names of organisations whatever the tagger thought of them:
  /// "Lumina AI", "Sequoia Capital", "Harbor Auto Group".
  static let organisationDesignators: Set<String> = [
    "ai", "capital", "inc.", "inc", "corp.", "corp", "corporation", "group", "ltd", "ltd.", "llc", "plc",
    "motors",
    "securities", "bank", "partners", "holdings", "technologies", "systems", "airlines", "airways",
    "association",
    "council", "foundation", "university", "institute", "agency", "ministry", "party", "committee",
    "commission",
    "federation", "union", "fund", "labs", "pharmaceuticals", "energy", "media", "ventures", "co.",
    "organization",
    "organisation", "productions", "entertainment", "records", "studios", "pictures", "publishing",
    "broadcasting", "communications", "networks", "industries", "enterprises", "therapeutics", "biosciences",
    "insurance", "investments", "brands", "foods",
  ]

  /// Canonical names for `mentions` (sorted by offset); `tokens` and `lower` are the
  /// document's, `mentionTokens` the token range of each mention (acronyms the tagger
  /// missed are added to both).
  func apply(
    _ mentions: inout [Mention], mentionTokens: inout [Range<Int>], tokens: [TextToken], lower: [String],
    sentenceOf: [Int32]
  ) {
    for index in mentions.indices where mentionTokens[index].count > 1 {
      let type = mentions[index].type
      guard type == .person || type == .miscellaneous || type == .geopolitical,
        Self.organisationDesignators.contains(lower[mentionTokens[index].upperBound - 1])
      else { continue }
      mentions[index].type = .organization
    }
    addAcronyms(&mentions, mentionTokens: &mentionTokens, tokens: tokens, sentenceOf: sentenceOf)
    linkPeople(&mentions)
    linkShortNames(&mentions)
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
          // "Asian markets": the region.
          if EntityTyper.regions.contains(target.lowercased()) { mentions[index].entityType = .location }
        }
      default:
        break
      }
    }
    titleCaseCapitals(&mentions)
  }

  /// A name in capitals ("BRUSSELS" in a dateline) takes the form the document or the
  /// gazetteer gives it elsewhere ("Brussels").
  func titleCaseCapitals(_ mentions: inout [Mention]) {
    var written: Set<String>?
    var places: [String: Bool] = [:]
    for index in mentions.indices {
      guard let (name, _) = mentions[index].entityKey, name.count > 2,
        name.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
        name.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
      else { continue }
      let titled = name.split(separator: " ", omittingEmptySubsequences: false).map { word in
        word.prefix(1) + word.dropFirst().lowercased()
      }.joined(separator: " ")
      if written == nil { written = Set(mentions.compactMap { $0.entityKey?.name }) }
      let isPlace = places[titled] ?? gazetteer.isPlace(titled)
      places[titled] = isPlace
      if written!.contains(titled) || isPlace {
        mentions[index].canonical = titled
        // A dateline ("BRUSSELS (Reuters) -") opens the article with a place.
        if index == 0 && mentions[index].type == .organization && isPlace {
          mentions[index].type = .geopolitical
        }
      }
    }
  }

  /// A name as written, with each run of white space (a line break in wrapped text, a
  /// double space) made one space: the mention keeps the text as it stands, and the
  /// entity is the same whether or not its name was wrapped.
  static func name(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: { $0 != " " && $0.properties.isWhitespace }) || text.contains("  ")
    else { return text }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A one-word person mention that is the last (or first) word of one fuller name in
  /// the same document takes that name. A word shared by two people is left alone.
  func linkPeople(_ mentions: inout [Mention]) {
    // "Patrick Carlineo Jr.", "Patrick W. Carlineo" and "Patrick Carlineo" are one person,
    // named as first named: a name's first and last words, past middle initials and a
    // generational suffix, are who it is.
    func key(_ name: String) -> String? {
      var words = name.split(separator: " ")
      if let last = words.last, words.count > 2, Annotator.generationalSuffixes.contains(String(last)) {
        words.removeLast()
      }
      guard words.count >= 2 else { return nil }
      return words.first! + " " + words.last!
    }
    var firstNamed: [String: String] = [:]
    for mention in mentions where mention.type == .person {
      let name = Self.name(mention.text)
      if let key = key(name), firstNamed[key] == nil { firstNamed[key] = name }
    }
    var fullNames: [String: Set<String>] = [:]
    for (key, name) in firstNamed {
      let space = key.firstIndex(of: " ")!
      fullNames[String(key[key.index(after: space)...]), default: []].insert(name)
      fullNames[String(key[..<space]), default: []].insert(name)
    }
    for index in mentions.indices where mentions[index].type == .person {
      let name = Self.name(mentions[index].text)
      if let key = key(name) {
        if let first = firstNamed[key], first != name { mentions[index].canonical = first }
        continue
      }
      if let names = fullNames[name], names.count == 1, let full = names.first {
        mentions[index].canonical = full
      }
    }
  }

  /// A one-word mention that is the first word of one organisation's longer name in the
  /// document takes that name: "Northwind" → Northwind Motors.
  func linkShortNames(_ mentions: inout [Mention]) {
    var longer: [String: Set<String>] = [:]
    for mention in mentions where mention.type == .organization {
      let name = Self.name(mention.text)
      guard let space = name.firstIndex(of: " ") else { continue }
      longer[String(name[..<space]), default: []].insert(name)
    }
    for index in mentions.indices where mentions[index].type.isNamed && mentions[index].type != .title {
      // "U.S." of "U.S. Treasury Department" still names the country.
      guard !mentions[index].text.contains(where: \.isWhitespace), let names = longer[mentions[index].text],
        names.count == 1,
        let name = names.first, countries.country(named: mentions[index].text) == nil
      else { continue }
      mentions[index].canonical = name
      mentions[index].entityType = mentions[index].type == .organization ? nil : .organization
    }
  }

  /// "World Health Organization (WHO)": an upper-case word in brackets right after a
  /// name whose initials it spells is that name's acronym; its uses the tagger missed
  /// become mentions of the name.
  func addAcronyms(
    _ mentions: inout [Mention], mentionTokens: inout [Range<Int>], tokens: [TextToken], sentenceOf: [Int32]
  ) {
    var acronyms: [String: Int] = [:]
    for index in mentions.indices where mentionTokens[index].count > 1 && mentions[index].type.isNamed {
      let after = mentionTokens[index].upperBound
      guard after + 2 < tokens.count, tokens[after].text == "(", tokens[after + 2].text == ")" else {
        continue
      }
      let candidate = tokens[after + 1].text
      let initials = String(
        mentionTokens[index].compactMap { tokens[$0].text.first }.filter { $0.isUppercase })
      guard candidate.count >= 2, candidate == initials else { continue }
      acronyms[candidate] = index
    }
    // Without brackets: an upper-case word spelling the initials of an organisation the
    // document names in full ("European Central Bank" ... "ECB").
    var capitalWords: Set<String>?
    for index in mentions.indices
    where mentionTokens[index].count > 2 && mentions[index].type == .organization {
      let initials = String(
        mentionTokens[index].compactMap { tokens[$0].text.first }.filter { $0.isUppercase })
      guard initials.count >= 3, acronyms[initials] == nil else { continue }
      if capitalWords == nil {
        capitalWords = Set(
          tokens.lazy.filter {
            $0.text.utf8.count >= 3 && $0.text.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
          }
          .map(\.text))
      }
      if capitalWords!.contains(initials) { acronyms[initials] = index }
    }
    guard !acronyms.isEmpty else { return }
    let names = acronyms.mapValues {
      (name: mentions[$0].canonical ?? mentions[$0].text, type: mentions[$0].type)
    }
    // The acronym's mentions, tagged or not, all name the organisation.
    for index in mentions.indices {
      guard let full = names[mentions[index].text], mentions[index].type.isNamed else { continue }
      mentions[index].canonical = full.name
      mentions[index].entityType = full.type == mentions[index].type ? nil : full.type
    }
    var covered = Set(mentionTokens.flatMap { $0 })
    var added: [(Mention, Range<Int>)] = []
    for (token, value) in tokens.enumerated() where !covered.contains(token) {
      guard let full = names[value.text] else { continue }
      covered.insert(token)
      let mention = Mention(
        start: value.start, end: value.end, text: value.text, type: full.type, canonical: full.name,
        sentence: Int(sentenceOf[token]))
      added.append((mention, token..<token + 1))
    }
    guard !added.isEmpty else { return }
    var all = Array(zip(mentions, mentionTokens)) + added
    all.sort { ($0.0.start, $0.0.end) < ($1.0.start, $1.0.end) }
    mentions = all.map(\.0)
    mentionTokens = all.map(\.1)
  }

  /// Whether a capital at `range` stands for its country: "between Washington and
  /// Beijing", "Beijing has said", "Washington urged".
  func actsAsGovernment(
    _ range: Range<Int>, tokens: [TextToken], lower: [String], mentions: [Mention], ranges: [Range<Int>]
  ) -> Bool {
    let before = range.lowerBound - 1
    let after = range.upperBound
    if after < tokens.count, Self.actingWords.contains(lower[after]) { return true }
    // "Washington invaded", "Moscow sent troops": a verb of what states do.
    if after < tokens.count, let verb = EventLexicon.forms[lower[after]], verb.eventClass != "consult",
      !lower[after].hasSuffix("ing")
    {
      return true
    }
    // "urged Beijing", "warned Washington": what a state is urged or warned to do.
    if before >= 0, let verb = EventLexicon.forms[lower[before]], verb.eventClass != "consult" { return true }
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

}
