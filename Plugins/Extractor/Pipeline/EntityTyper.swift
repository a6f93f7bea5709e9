import QuarryModel

/// Refines the tagger's four CoNLL types into OntoNotes types with gazetteers and the
/// words names are made of: a LOC that is a country, region or city is a GPE ("China",
/// "Calif."), a mountain, river or continent stays LOC; a MISC that is a demonym is NORP
/// ("Chinese"), a war, cup or summit an EVENT, an act or treaty a LAW; an ORG that is an
/// airport, bridge or stadium a FAC.
enum EntityTyper {
  static let landforms: Set<String> = [
    "river", "mountains", "mountain", "mount", "sea", "ocean", "lake", "valley", "gulf", "strait", "straits",
    "island", "islands", "peninsula", "desert", "bay", "coast", "basin", "canal", "channel", "plateau",
    "hills",
    "alps", "himalayas", "sahara", "atlantic", "pacific", "arctic", "antarctic", "mediterranean", "caribbean",
    "region", "plain", "plains", "delta", "falls", "forest", "glacier", "cape", "reef",
  ]
  static let regions: Set<String> = [
    "europe", "asia", "africa", "america", "oceania", "antarctica", "middle east", "far east", "near east",
    "latin america", "north america", "south america", "central america", "southeast asia", "east asia",
    "central asia", "south asia", "west", "east", "balkans", "caucasus", "scandinavia", "gulf",
    "persian gulf",
    "west bank", "gaza strip", "sub-saharan africa", "eastern europe", "western europe", "indo-pacific",
  ]
  static let facilities: Set<String> = [
    "airport", "bridge", "stadium", "tower", "towers", "station", "street", "avenue", "square", "palace",
    "arena", "highway", "road", "port", "harbor", "harbour", "dam", "base", "prison", "terminal", "building",
    "plaza", "park", "center", "centre", "hall", "cathedral", "mosque", "temple", "church", "museum",
    "castle",
  ]
  static let events: Set<String> = [
    "war", "cup", "olympics", "games", "championship", "championships", "open", "summit", "election",
    "elections", "revolution", "crisis", "conference", "festival", "tournament", "grand", "prix", "series",
    "uprising", "massacre", "expo", "marathon", "derby", "rally", "tour", "classic", "trophy",
  ]
  static let laws: Set<String> = [
    "act", "treaty", "constitution", "accord", "accords", "convention", "bill", "law",
  ]
  static let languages: Set<String> = [
    "english", "french", "spanish", "arabic", "mandarin", "cantonese", "russian", "german", "portuguese",
    "hindi", "urdu", "japanese", "korean", "italian", "hebrew", "persian", "farsi", "turkish", "swahili",
  ]

  static func refine(
    _ type: CoarseType, words: [String], kinds: Gazetteer.Kinds, gazetteer: Gazetteer, followedByNoun: Bool
  ) -> EntityType {
    let lower = words.map { $0.lowercased() }
    let phrase = lower.joined(separator: " ")
    switch type {
    case .person:
      // "Hong Kong" is no person: a country, or a place of two words or more whose first
      // word is no first name ("John Day" in Oregon stays a person).
      if !kinds.isDisjoint(with: .country)
        || (!kinds.isDisjoint(with: .places) && lower.count >= 2
          && !PersonGender.standard.isFirstName(lower[0]))
      {
        return .geopolitical
      }
      return .person
    case .organization:
      if let last = lower.last, facilities.contains(last), lower.count > 1 { return .facility }
      return .organization
    case .location:
      if regions.contains(phrase) || !kinds.isDisjoint(with: .continent) && kinds.isDisjoint(with: .places) {
        return .location
      }
      if !kinds.isDisjoint(with: .places) { return .geopolitical }
      if let last = lower.last, landforms.contains(last) || (lower.first.map(landforms.contains) ?? false) {
        return .location
      }
      if let last = lower.last, facilities.contains(last), lower.count > 1 { return .facility }
      return .geopolitical
    case .miscellaneous:
      if lower.count <= 2, gazetteer.demonymTarget(words.joined(separator: " ")) != nil {
        // "English" alone, not before a noun, is the language.
        if lower.count == 1, languages.contains(phrase), !followedByNoun { return .language }
        return .nationality
      }
      if lower.contains(where: { events.contains($0) }) && lower.count > 1 { return .event }
      if lower.contains(where: { laws.contains($0) }) && lower.count > 1 { return .law }
      if lower.count == 1, languages.contains(phrase) { return .language }
      return .miscellaneous
    }
  }
}
