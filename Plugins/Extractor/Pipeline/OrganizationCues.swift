import QuarryModel

/// Organisations the entity tagger took for people or places, told by how the article
/// writes of them: a name in apposition to an organisation noun ("The group that owns
/// her music, Big Machine, says"; "Full Fact, a fact-checking website"), a name right
/// after one ("the fact-checking website Full Fact"), or a name after a job title and
/// "at" or "with" ("equity strategist at Miller Tabak"). Every mention of the entity
/// takes the type. Names of known places keep theirs.
enum OrganizationCues {
  /// Nouns that say a thing is an organisation.
  static let organizationNouns: Set<String> = [
    "company", "firm", "group", "label", "website", "site", "organization", "organisation", "charity",
    "agency", "network", "outlet", "bank", "carrier", "airline", "startup", "start-up", "brand", "studio",
    "publisher", "newspaper", "broadcaster", "union", "club", "band", "retailer", "manufacturer", "maker",
    "insurer", "lender", "fund", "nonprofit", "non-profit", "consultancy", "chain", "platform", "app",
    "magazine", "paper", "tabloid", "channel", "station", "party", "team", "university", "college",
    "school", "hospital", "regulator", "watchdog", "conglomerate", "subsidiary", "operator", "developer",
    "supplier", "distributor", "producer", "automaker", "carmaker", "drugmaker", "chipmaker", "utility",
  ]
  /// Nouns of jobs held at an organisation, when the title finder has no title there.
  static let jobNouns: Set<String> = [
    "analyst", "strategist", "economist", "manager", "director", "executive", "officer", "founder",
    "co-founder", "partner", "professor", "researcher", "fellow", "editor", "reporter", "correspondent",
    "engineer", "lawyer", "attorney", "consultant", "adviser", "advisor", "employee", "worker", "trader",
    "investor", "owner", "designer", "scientist", "developer", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chairwoman", "president", "head", "chief", "staffer", "student", "lecturer", "coach",
  ]

  /// Types a cue may correct.
  static let correctable: Set<EntityType> = [.person, .miscellaneous, .geopolitical, .location]

  static func retype(
    _ mentions: inout [Mention], ranges: [Range<Int>], tokens: [TextToken], lower: [String],
    sentences: [Range<Int>], sentenceOf: [Int32], tree: DependencyTree?, gazetteer: Gazetteer,
    countries: CountryNames
  ) {
    var organizations: Set<String> = []
    let index = MentionIndex(tokenCount: tokens.count, ranges: ranges)
    for (number, mention) in mentions.enumerated() {
      guard correctable.contains(mention.type), let key = mention.entityKey, correctable.contains(key.type)
      else { continue }
      let range = ranges[number]
      guard let first = range.first, let last = range.last else { continue }
      var cued = false
      // "the fact-checking website Full Fact"
      if first > 0, organizationNouns.contains(lower[first - 1]),
        tokens[first].text.first?.isUppercase == true
      {
        cued = true
      }
      // "equity strategist at Miller Tabak", "an analyst with the research firm Oanda"
      if !cued, first >= 2, ["at", "with"].contains(lower[first - 1]),
        index.at(first - 2).map({ mentions[$0].type == .title }) ?? jobNouns.contains(lower[first - 2])
      {
        cued = true
      }
      // "The company that runs the show, Dick Clark Productions, denies …": the name
      // between commas names the organisation the sentence opens with.
      if !cued, first >= 3, lower[first - 1] == ",", last + 1 < tokens.count, lower[last + 1] == ",",
        case let start = sentences[Int(sentenceOf[first])].lowerBound,
        ["the", "a", "an"].contains(lower[start]),
        start + 2 < first, organizationNouns.contains(lower[start + 1]),
        ["that", "which", "behind", "owned", "run", "founded", "based"].contains(lower[start + 2]),
        !(start..<first).contains(where: { index.at($0).map { mentions[$0].type.isNamed } ?? false })
      {
        cued = true
      }
      // Apposition, either way round: the name's last word is the head of its phrase.
      if !cued, let tree, tree.count == tokens.count {
        if tree.dependency[last] == .appos, let head = tree.head(last),
          organizationNouns.contains(lower[head])
        {
          cued = true
        } else if let noun = tree.children(last).lazy.map(Int.init).first(where: {
          tree.dependency[$0] == .appos && organizationNouns.contains(lower[$0])
        }), noun > last {
          cued = true
        }
      }
      guard cued else { continue }
      // A place the gazetteers know stays a place.
      if key.type == .geopolitical || key.type == .location,
        gazetteer.isPlace(key.name) || countries.country(named: key.name) != nil
      {
        continue
      }
      organizations.insert(key.name)
    }
    guard !organizations.isEmpty else { return }
    applying(organizations, to: &mentions)
  }

  /// Every mention of these entities an organisation.
  private static func applying(_ organizations: Set<String>, to mentions: inout [Mention]) {
    for number in mentions.indices {
      guard let key = mentions[number].entityKey, organizations.contains(key.name) else { continue }
      mentions[number].type = .organization
      mentions[number].entityType = nil
    }
  }
}
