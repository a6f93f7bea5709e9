import QuarryModel

/// Finds events between entities from the shape of the sentence, without a parser:
/// - active: SUBJECT [has/will/did not/continues to...] VERB [down] [with/to/on] ... OBJECT
///   ("China rejected a request from the Biden administration", "Russia, an ally of China,
///   continues to attack Ukraine", "the U.S. military shot down a suspected Chinese spy
///   balloon");
/// - passive: OBJECT was VERB-ed by SUBJECT;
/// - a noun with its partner: "a meeting with House Speaker Kevin McCarthy" takes the
///   sentence's subject.
/// The subject skips an apposition and a group noun ("the U.S. military"); "it", "they",
/// "he" and "she" stand for the entity named last. A title as object stands for the
/// person who holds it in the document ("met with the Chinese Defense Minister").
/// "not", "never" and "did not" negate, as does being what was declined or rejected
/// ("declined an offer to have Austin meet Li"). The date is the sentence's date nearest
/// the verb.
enum EventFinder {
  static let auxiliaries: Set<String> = [
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does",
    "do",
    "is", "are", "was", "were", "been", "be", "also", "reportedly", "repeatedly", "later", "then", "still",
    "already", "not", "never", "n't", "to", "continues", "continue", "continued", "plans", "planned", "wants",
    "wanted", "tried", "tries", "agreed", "agrees", "formally", "officially", "again", "just", "recently",
    "have", "finally", "jointly", "publicly", "sharply",
  ]
  static let negations: Set<String> = ["not", "never", "n't", "no"]
  /// Nouns that may stand between a subject and its verb: "the U.S. military shot".
  static let groupNouns: Set<String> = [
    "military", "government", "administration", "army", "navy", "forces", "troops", "officials", "embassy",
    "ministry", "police", "authorities", "leaders", "leader", "team", "delegation", "regime", "president",
    "spokesman", "spokeswoman",
  ]
  static let objectStops: Set<String> = [
    ",", ".", ";", ":", "that", "which", "who", "whom", "whose", "because", "but", "while", "although",
    "since",
    "as", "when", "after", "before", "if", "and", "\"", "“", "”", "(", ")",
  ]
  static let objectPrepositions: Set<String> = [
    "with", "to", "on", "against", "from", "into", "at", "for", "over",
  ]
  static let adjuncts: Set<String> = ["in", "at", "near", "during", "outside", "inside"]
  static let determinersAndQuantities: Set<String> = [
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those", "more", "than",
    "some",
    "several", "two", "three", "suspected", "former", "new",
  ]
  static let pronouns: [String: Set<EntityType>] = [
    "it": [.geopolitical, .organization], "they": [.geopolitical, .organization, .person],
    "he": [.person], "she": [.person],
  ]
  static let rejecting: Set<String> = ["reject", "decline", "refuse", "deny"]
  /// Descriptions that stand for the organisation named before: "the company".
  static let descriptions: Set<String> = [
    "company", "firm", "group", "bank", "carrier", "agency", "start-up", "startup",
  ]
  static let clauseEnds: Set<String> = [",", ";", "\"", "“", "”", "but"]
  /// Every word the event loop acts on, checked first without hashing a `String`.
  static let triggers = WordSet(
    Array(EventLexicon.forms.keys) + Array(EventLexicon.nouns.keys) + Array(clauseEnds))

  static func events(
    _ text: DocumentText, mentions: [Mention], ranges: [Range<Int>], roles: [Relation]
  ) -> [Relation] {
    let index = MentionIndex(tokenCount: text.tokens.count, ranges: ranges)
    var events: [Relation] = []
    for sentence in text.sentences {
      var sentenceSubject: Int?
      var rejectedFrom: Int?
      var token = sentence.lowerBound
      while token < sentence.upperBound {
        defer { token += 1 }
        let word = text.lower[token]
        // Most words are none of the verbs, nouns and clause ends looked for below.
        guard triggers.contains(word) else { continue }
        // What was declined ends with its clause.
        if clauseEnds.contains(word) { rejectedFrom = nil }
        if let mention = index.at(token), mentions[mention].type != .title { continue }
        if let noun = EventLexicon.nouns[word], token + 1 < sentence.upperBound,
          text.lower[token + 1] == "with",
          let subject = sentenceSubject, let verb = EventLexicon.forms[noun],
          let object = objectAfter(text, index, mentions, ranges, roles, from: token + 1, in: sentence)
        {
          add(
            &events, text, mentions, ranges, subject: subject, verb: verb, object: object, at: token,
            in: sentence,
            negated: false, confidence: 0.6)
          continue
        }
        guard var verb = EventLexicon.forms[word], text.tokens[token].text.first?.isLowercase == true else {
          continue
        }
        var after = token + 1
        if let particle = verb.particle {
          guard after < sentence.upperBound, text.lower[after] == particle else { continue }
          after += 1
        }
        // Passive: OBJECT was shot down by SUBJECT.
        if token - 1 >= sentence.lowerBound,
          ["was", "were", "been", "is", "are"].contains(text.lower[token - 1]),
          after < sentence.upperBound, text.lower[after] == "by",
          let subject = subjectBefore(text, index, mentions, ranges, verb: token - 1, in: sentence).mention,
          let object = objectAfter(text, index, mentions, ranges, roles, from: after, in: sentence)
        {
          add(
            &events, text, mentions, ranges, subject: object, verb: verb, object: subject, at: token,
            in: sentence,
            negated: false, confidence: 0.7)
          continue
        }
        let found = subjectBefore(
          text, index, mentions, ranges, verb: token, in: sentence, sentenceSubject: sentenceSubject)
        guard let subject = found.mention,
          let object = objectAfter(text, index, mentions, ranges, roles, from: after, in: sentence),
          mentions[subject].entityKey?.name != mentions[object].entityKey?.name
        else {
          if let subject = found.mention, sentenceSubject == nil { sentenceSubject = subject }
          if rejecting.contains(verb.lemma) && found.mention != nil { rejectedFrom = token }
          continue
        }
        if sentenceSubject == nil { sentenceSubject = subject }
        let negated = found.negated || (rejectedFrom != nil && !rejecting.contains(verb.lemma))
        verb.particle = nil
        add(
          &events, text, mentions, ranges, subject: subject, verb: verb, object: object, at: token,
          in: sentence,
          negated: negated, confidence: found.adjacent ? 0.8 : 0.65)
        if rejecting.contains(verb.lemma) { rejectedFrom = token }
      }
    }
    return events
  }

  private static func add(
    _ events: inout [Relation], _ text: DocumentText, _ mentions: [Mention], _ ranges: [Range<Int>],
    subject: Int, verb: EventVerb, object: Int, at token: Int, in sentence: Range<Int>, negated: Bool,
    confidence: Double
  ) {
    guard let from = mentions[subject].entityKey?.name, let to = mentions[object].entityKey?.name, from != to
    else {
      return
    }
    let start = min(Int(mentions[subject].start), text.tokens[token].start)
    let end = max(Int(mentions[object].end), text.tokens[token].end)
    events.append(
      Relation(
        subject: from, predicate: verb.lemma, object: to,
        date: date(text, mentions, ranges, near: token, in: sentence), sentence: Int(text.sentenceOf[token]),
        confidence: confidence, start: start, end: end, negated: negated, eventClass: verb.eventClass,
        sign: verb.sign))
  }

  /// The entity acting before a verb, skipping auxiliaries, negation, an apposition and
  /// a group noun; a pronoun stands for the last entity of its kind.
  static func subjectBefore(
    _ text: DocumentText, _ index: MentionIndex, _ mentions: [Mention], _ ranges: [Range<Int>], verb: Int,
    in sentence: Range<Int>, sentenceSubject: Int? = nil
  ) -> (mention: Int?, negated: Bool, adjacent: Bool) {
    var cursor = verb - 1
    var negated = false
    var adjacent = true
    while cursor >= sentence.lowerBound {
      let word = text.lower[cursor]
      if negations.contains(word) { negated = true }
      if auxiliaries.contains(word) || word.hasSuffix("ly") && index.at(cursor) == nil {
        cursor -= 1
        continue
      }
      // ", an ally of China," before the verb.
      if word == "," {
        var open = cursor - 1
        while open >= sentence.lowerBound && text.lower[open] != "," { open -= 1 }
        guard open > sentence.lowerBound else { return (nil, negated, false) }
        cursor = open - 1
        adjacent = false
        continue
      }
      if groupNouns.contains(word) && index.at(cursor) == nil {
        cursor -= 1
        adjacent = false
        continue
      }
      // "Harbor Auto Group, which sued Northwind": the name before the relative pronoun.
      if ["which", "who", "that"].contains(word), index.at(cursor) == nil {
        var before = cursor - 1
        if before >= sentence.lowerBound && text.lower[before] == "," { before -= 1 }
        if let found = index.at(before), let key = mentions[found].entityKey,
          [.person, .organization, .geopolitical].contains(key.type)
        {
          return (found, negated, false)
        }
        return (nil, negated, false)
      }
      // "The company hired...": the organisation named last.
      if descriptions.contains(word), index.at(cursor) == nil, cursor - 1 >= sentence.lowerBound,
        text.lower[cursor - 1] == "the"
      {
        let offset = Int32(text.tokens[cursor].start)
        let last = mentions.indices.last { candidate in
          mentions[candidate].end <= offset && mentions[candidate].entityKey?.type == .organization
        }
        return (last, negated, false)
      }
      if let types = pronouns[word], index.at(cursor) == nil {
        // "China informed the Pentagon that it declined": the sentence's subject first.
        if let subject = sentenceSubject, mentions[subject].entityKey.map({ types.contains($0.type) }) == true
        {
          return (subject, negated, false)
        }
        let offset = Int32(text.tokens[cursor].start)
        let last = mentions.indices.last { candidate in
          mentions[candidate].end <= offset
            && mentions[candidate].entityKey.map { types.contains($0.type) } == true
        }
        return (last, negated, false)
      }
      if let found = index.at(cursor), let key = mentions[found].entityKey,
        [.person, .organization, .geopolitical, .nationality].contains(key.type)
      {
        return (found, negated, adjacent)
      }
      return (nil, negated, false)
    }
    return (nil, negated, false)
  }

  /// The first entity after a verb within its clause: "rejected a request from the Biden
  /// administration" → Biden. A title stands for the person holding it in the document.
  static func objectAfter(
    _ text: DocumentText, _ index: MentionIndex, _ mentions: [Mention], _ ranges: [Range<Int>],
    _ roles: [Relation],
    from start: Int, in sentence: Range<Int>
  ) -> Int? {
    var cursor = start
    var steps = 0
    var passedNoun = false
    while cursor < sentence.upperBound && steps < 10 {
      let word = text.lower[cursor]
      if let found = index.at(cursor) {
        let mention = mentions[found]
        if mention.type == .title {
          if let person = index.at(ranges[found].upperBound), mentions[person].type == .person {
            return person
          }
          if let holder = holder(of: mention, mentions, roles) { return holder }
        } else if let key = mention.entityKey, key.type != .title {
          // "Chinese Defense Minister Li Shangfu", "U.S. Defense Secretary Lloyd Austin":
          // the country qualifies the person who follows.
          if let next = index.at(ranges[found].upperBound), next != found,
            [.nationality, .geopolitical, .organization].contains(mention.type)
              || mentions[next].type == .title
          {
            if mentions[next].type == .person { return next }
            if mentions[next].type == .title {
              if let person = index.at(ranges[next].upperBound), mentions[person].type == .person {
                return person
              }
              if let holder = holder(of: mentions[next], mentions, roles) { return holder }
            }
          }
          return found
        }
        cursor = ranges[found].upperBound
        steps += 1
        continue
      }
      if objectStops.contains(word) || (EventLexicon.forms[word] != nil && cursor > start) { return nil }
      // "told a news conference in Tallahassee": after a common noun, "in" and "at" lead to
      // where it happened, not to whom.
      if adjuncts.contains(word) && passedNoun { return nil }
      if text.tokens[cursor].kind == .word && text.tokens[cursor].text.first?.isLowercase == true
        && !determinersAndQuantities.contains(word) && !objectPrepositions.contains(word)
      {
        passedNoun = true
      }
      cursor += 1
      steps += 1
    }
    return nil
  }

  /// The person who holds a title in this document, when only one does.
  static func holder(of title: Mention, _ mentions: [Mention], _ roles: [Relation]) -> Int? {
    let holders = Set(roles.filter { $0.predicate == "role" && $0.object == title.text }.map(\.subject))
    guard holders.count == 1, let holder = holders.first else { return nil }
    return mentions.firstIndex { $0.entityKey?.name == holder }
  }

  /// The value of the sentence's date nearest `token`, if it has one.
  static func date(
    _ text: DocumentText, _ mentions: [Mention], _ ranges: [Range<Int>], near token: Int,
    in sentence: Range<Int>
  )
    -> String?
  {
    var best: (distance: Int, value: String)?
    for (number, mention) in mentions.enumerated() where mention.type == .date {
      guard let value = mention.value, sentence.contains(ranges[number].lowerBound) else { continue }
      let distance = abs(ranges[number].lowerBound - token) + (ranges[number].lowerBound < token ? 8 : 0)
      if best == nil || distance < best!.distance { best = (distance, value) }
    }
    return best?.value
  }
}
