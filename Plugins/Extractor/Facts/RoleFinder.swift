import QuarryModel

/// Finds the roles people hold and what they belong to:
/// - a title before a name: "U.S. Defense Secretary Lloyd Austin" → Lloyd Austin `role`
///   Defense Secretary, `member_of` United States;
/// - a title in apposition: "Liu Pengyu, the Chinese embassy spokesman" → role embassy
///   spokesman, member of China;
/// - a party and state tag: "Kevin McCarthy, R-Calif." → `member_of` Republican Party,
///   `represents` California.
enum RoleFinder {
  static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their", "our", "former"]
  static let parties: [String: String] = [
    "r": "Republican Party", "d": "Democratic Party", "i": "independent",
  ]
  /// AP-style and postal abbreviations of U.S. states, without their full stops.
  static let states: [String: String] = {
    let table = """
      ala al Alabama|alaska ak Alaska|ariz az Arizona|ark ar Arkansas|calif ca California|colo co Colorado|\
      conn ct Connecticut|del de Delaware|fla fl Florida|ga ga Georgia|hawaii hi Hawaii|idaho id Idaho|\
      ill il Illinois|ind in Indiana|iowa ia Iowa|kan ks Kansas|ky ky Kentucky|la la Louisiana|maine me Maine|\
      md md Maryland|mass ma Massachusetts|mich mi Michigan|minn mn Minnesota|miss ms Mississippi|\
      mo mo Missouri|mont mt Montana|neb ne Nebraska|nev nv Nevada|nh nh New Hampshire|nj nj New Jersey|\
      nm nm New Mexico|ny ny New York|nc nc North Carolina|nd nd North Dakota|ohio oh Ohio|okla ok Oklahoma|\
      ore or Oregon|pa pa Pennsylvania|ri ri Rhode Island|sc sc South Carolina|sd sd South Dakota|\
      tenn tn Tennessee|texas tx Texas|utah ut Utah|vt vt Vermont|va va Virginia|wash wa Washington|\
      wva wv West Virginia|wis wi Wisconsin|wyo wy Wyoming
      """
    var states: [String: String] = [:]
    for entry in table.split(separator: "|") {
      let parts = entry.split(separator: " ", maxSplits: 2)
      states[String(parts[0])] = String(parts[2])
      states[String(parts[1])] = String(parts[2])
    }
    return states
  }()

  static func roles(_ text: DocumentText, mentions: [Mention], ranges: [Range<Int>]) -> [Relation] {
    let index = MentionIndex(tokenCount: text.tokens.count, ranges: ranges)
    var relations: [Relation] = []
    func add(
      _ subject: String, _ predicate: String, _ object: String, _ from: Int, _ to: Int, _ confidence: Double
    ) {
      let start = Int(min(mentions[from].start, mentions[to].start))
      let end = Int(max(mentions[from].end, mentions[to].end))
      let relation = Relation(
        subject: subject, predicate: predicate, object: object, sentence: Int(mentions[from].sentence),
        confidence: confidence, start: start, end: end)
      if !relations.contains(where: {
        $0.subject == subject && $0.predicate == predicate && $0.object == object
          && $0.sentence == relation.sentence
      }) {
        relations.append(relation)
      }
    }
    for (number, title) in mentions.enumerated() where title.type == .title {
      let range = ranges[number]
      // What the title belongs to: "U.S." or "Chinese" or "China's" just before it.
      var affiliationToken = range.lowerBound - 1
      if affiliationToken >= 0 && text.lower[affiliationToken] == "'s" { affiliationToken -= 1 }
      var affiliation: Int?
      if let found = index.at(affiliationToken), isAffiliation(mentions[found]),
        text.sentenceOf[affiliationToken] == text.sentenceOf[range.lowerBound]
      {
        affiliation = found
      }
      // Whose title: the name right after it, or the name before ", the ...".
      var person: Int?
      var confidence = 0.9
      if let after = index.at(range.upperBound), mentions[after].type == .person,
        ranges[after].lowerBound == range.upperBound
      {
        person = after
      } else {
        var cursor = (affiliation.map { ranges[$0].lowerBound } ?? range.lowerBound) - 1
        while cursor >= 0 && determiners.contains(text.lower[cursor]) { cursor -= 1 }
        if cursor >= 1, text.tokens[cursor].text == ",", let before = index.at(cursor - 1),
          mentions[before].type == .person, ranges[before].upperBound == cursor,
          text.sentenceOf[cursor - 1] == text.sentenceOf[range.lowerBound]
        {
          person = before
          confidence = 0.85
        }
      }
      // "founder and former CEO Adam Neumann", "chairman, CEO and president Craig Menear":
      // titles coordinated before one name are all that person's.
      if person == nil {
        var cursor = range.upperBound
        var steps = 0
        while steps < 4, cursor < text.tokens.count, [",", "and", "former"].contains(text.lower[cursor]) {
          cursor += 1
          if let next = index.at(cursor), mentions[next].type == .title {
            cursor = ranges[next].upperBound
            if let after = index.at(cursor), mentions[after].type == .person,
              ranges[after].lowerBound == cursor
            {
              person = after
              confidence = 0.85
              break
            }
          }
          steps += 1
        }
      }
      // "Tom Alvarez as chief technology officer".
      if person == nil {
        let before = (affiliation.map { ranges[$0].lowerBound } ?? range.lowerBound) - 1
        if before >= 1, text.lower[before] == "as", let found = index.at(before - 1),
          mentions[found].type == .person,
          ranges[found].upperBound == before
        {
          person = found
          confidence = 0.8
        }
      }
      // "Delaney's lawyer, Samuel Brooks, said": the name after the title's comma.
      if person == nil, range.upperBound + 1 < text.tokens.count, text.tokens[range.upperBound].text == ",",
        let found = index.at(range.upperBound + 1), mentions[found].type == .person,
        ranges[found].lowerBound == range.upperBound + 1, ranges[found].upperBound < text.tokens.count,
        [",", ".", "said", "says"].contains(text.lower[ranges[found].upperBound])
      {
        person = found
        confidence = 0.8
      }
      guard let person, let name = mentions[person].entityKey?.name else { continue }
      add(name, "role", title.text, person, number, confidence)
      // "an analyst at Bellweather Securities", "director of the WHO".
      if affiliation == nil, range.upperBound + 1 < text.tokens.count,
        ["at", "of", "for", "with"].contains(text.lower[range.upperBound])
      {
        var next = range.upperBound + 1
        if next < text.tokens.count && text.lower[next] == "the" { next += 1 }
        // "with the research firm Oanda": a few lower-case words ending in an
        // organisation noun may come between.
        var skipped = next
        while skipped < min(next + 4, text.tokens.count), index.at(skipped) == nil,
          text.tokens[skipped].text.first?.isLowercase == true
        {
          skipped += 1
        }
        if skipped > next, OrganizationCues.organizationNouns.contains(text.lower[skipped - 1]) {
          next = skipped
        }
        if let found = index.at(next), isAffiliation(mentions[found]) { affiliation = found }
      }
      if let affiliation, let group = mentions[affiliation].entityKey?.name {
        add(name, "member_of", group, person, affiliation, confidence)
      }
    }
    // "Brian Kemp, a Republican,": membership by apposition without a title.
    for (number, mention) in mentions.enumerated() where mention.type == .person {
      guard let name = mention.entityKey?.name else { continue }
      var cursor = ranges[number].upperBound
      guard cursor + 2 < text.tokens.count, text.tokens[cursor].text == ",",
        ["a", "an"].contains(text.lower[cursor + 1])
      else { continue }
      cursor += 2
      guard let group = index.at(cursor), isAffiliation(mentions[group]),
        let groupName = mentions[group].entityKey?.name,
        ranges[group].upperBound < text.tokens.count,
        [",", "."].contains(text.lower[ranges[group].upperBound])
      else { continue }
      add(name, "member_of", groupName, number, group, 0.8)
    }
    // "Kevin McCarthy, R-Calif." and "(D-N.Y.)".
    for mention in mentions where mention.type == .person {
      guard let name = mention.entityKey?.name else { continue }
      var offset = Int(mention.end)
      guard offset + 3 < text.scalars.count, text.scalars[offset] == "," || text.scalars[offset] == " " else {
        continue
      }
      offset += 1
      while offset < text.scalars.count && (text.scalars[offset] == " " || text.scalars[offset] == "(") {
        offset += 1
      }
      var end = offset
      while end < text.scalars.count && end - offset < 12 && !",)".unicodeScalars.contains(text.scalars[end])
        && !text.scalars[end].properties.isWhitespace
      {
        end += 1
      }
      let tag = text.text(offset, end)
      // "Kristi Noem (R)": the party alone.
      if tag.count == 1, let party = parties[tag.lowercased()], party != "independent", offset > 0,
        text.scalars[offset - 1] == "(", end < text.scalars.count, text.scalars[end] == ")"
      {
        relations.append(
          Relation(
            subject: name, predicate: "member_of", object: party, sentence: Int(mention.sentence),
            confidence: 0.95, start: Int(mention.start), end: end + 1))
        continue
      }
      let parts = tag.split(separator: "-", maxSplits: 1)
      guard parts.count == 2, let party = parties[parts[0].lowercased()] else { continue }
      let stateKey = parts[1].lowercased().filter { $0 != "." }
      guard let state = states[stateKey] else { continue }
      let start = Int(mention.start)
      relations.append(
        Relation(
          subject: name, predicate: "member_of", object: party, sentence: Int(mention.sentence),
          confidence: 0.95,
          start: start, end: end))
      relations.append(
        Relation(
          subject: name, predicate: "represents", object: state, sentence: Int(mention.sentence),
          confidence: 0.95,
          start: start, end: end))
    }
    // "Secretary Austin" after "Defense Secretary Lloyd Austin" adds nothing.
    return relations.filter { relation in
      relation.predicate != "role"
        || !relations.contains {
          $0.predicate == "role" && $0.subject == relation.subject && $0.object != relation.object
            && $0.object.lowercased().hasSuffix(" " + relation.object.lowercased())
        }
    }
  }

  /// Whether `text` is a party-and-state tag such as "R-Calif." or "D-N.Y.".
  static func isPartyTag(_ text: String) -> Bool {
    guard text.utf8.count <= 12, text.utf8.count >= 3, text.utf8.dropFirst().first == UInt8(ascii: "-") else {
      return false
    }
    let parts = text.split(separator: "-", maxSplits: 1)
    return parts.count == 2 && parties[parts[0].lowercased()] != nil
      && states[parts[1].lowercased().filter { $0 != "." }] != nil
  }

  /// Whether a mention names something a person can belong to.
  static func isAffiliation(_ mention: Mention) -> Bool {
    guard let key = mention.entityKey else { return false }
    return [.geopolitical, .organization, .nationality].contains(key.type)
  }
}
