import QuarryModel

/// Events between entities read from clauses: a clause whose subject names or stands for
/// an entity and whose object does too — directly ("Microsoft bought Activision"), through
/// a preposition that leads to a partner ("met with Xi", "fought against Russia"), or
/// through the object's own partner ("signed a deal with Lumina", "held talks with Xi":
/// a meeting noun gives its verb). Coordinated subjects and objects give an event each.
/// The class and sign come from the event lexicon, `other` where the verb has none; verbs
/// that carry little on their own (be, have, say, make...) give no event unless the
/// lexicon knows them.
enum ClauseEvents {
  static let lightVerbs: Set<String> = [
    "be", "have", "say", "do", "get", "make", "take", "go", "come", "become", "seem", "include", "see",
    "know",
    "think", "want", "need", "use", "find", "put", "add", "write", "let", "keep", "remain", "continue",
    "begin", "start", "try", "give", "show", "like", "feel", "look", "mean", "believe", "expect", "hope",
    "report", "note", "describe", "consider", "leave", "bring", "hold", "follow", "receive", "face", "lead",
  ]
  /// Prepositions whose object is the partner of the event: "met with", "spoke to".
  static let partnerPrepositions: Set<String> = [
    "with", "to", "against", "from", "for", "into", "on", "toward", "towards",
  ]
  /// Prepositions that lead from an object to the partner: "a deal with", "a request from".
  static let objectPartnerPrepositions: Set<String> = ["with", "from", "against", "to", "between"]

  static func events(_ readings: [ClauseFinder.Reading], in parsed: ParsedText) -> [Relation] {
    let text = parsed.text
    var events: [Relation] = []
    for reading in readings where reading.clause.kind == .verb {
      let clause = reading.clause
      guard let subject = clause.subject, !subject.entities.isEmpty else { continue }
      var predicate = clause.predicate
      var objects: [String] = []
      // In tenths, so that the printed numbers stay round.
      var confidence = 8
      if reading.objectHead != nil, let object = clause.object, !object.entities.isEmpty {
        objects = object.entities
        if object.resolved { confidence -= 1 }
      } else if let argument = clause.arguments.first(where: {
        partnerPrepositions.contains($0.role) && !$0.phrase.entities.isEmpty
      }) {
        objects = argument.phrase.entities
        confidence = argument.phrase.resolved ? 6 : 7
      } else if let head = reading.objectHead, let partner = partner(of: head, in: parsed) {
        objects = [partner]
        confidence = 6
        // "held talks with Xi": the meeting noun gives the verb.
        if let verb = EventLexicon.nouns[text.lower[head]] { predicate = verb }
      }
      let known = EventLexicon.byLemma[predicate]
      if known == nil && lightVerbs.contains(predicate) { continue }
      if subject.resolved { confidence -= 1 }
      guard !objects.isEmpty else { continue }
      let verb = known ?? (EventLexicon.otherClass, 0)
      let sentence = text.sentences[Int(clause.sentence)]
      let date = EventFinder.date(text, parsed.mentions, parsed.ranges, near: reading.predicate, in: sentence)
      for from in subject.entities {
        for to in objects where to != from {
          events.append(
            Relation(
              subject: from, predicate: predicate, object: to, date: date, sentence: Int(clause.sentence),
              confidence: Double(confidence) / 10, start: Int(clause.start), end: Int(clause.end),
              negated: clause.negated,
              eventClass: verb.eventClass, sign: verb.sign))
        }
      }
    }
    return events
  }

  /// The entity an object noun's prepositional modifier names: "a deal with Lumina".
  private static func partner(of head: Int, in parsed: ParsedText) -> String? {
    let tree = parsed.tree
    for child in tree.children(head).map(Int.init) where tree.dependency[child] == .nmod {
      guard
        let marker = tree.children(child).first(where: { tree.dependency[Int($0)] == .caseMarker }),
        objectPartnerPrepositions.contains(parsed.text.lower[Int(marker)]),
        let mention = parsed.index.at(child), let key = parsed.mentions[mention].entityKey,
        parsed.mentions[mention].type != .title
      else { continue }
      return key.name
    }
    return nil
  }
}
