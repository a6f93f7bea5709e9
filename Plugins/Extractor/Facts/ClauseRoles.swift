import QuarryModel

/// Roles and memberships read from clauses, where the title is predicated of a person
/// rather than written before the name:
/// - a copula: "Kevin McCarthy is the speaker of the House", "Nadella, who is chief
///   executive of Microsoft";
/// - becoming and serving: "Mary Barra became chief executive of General Motors", "served
///   as ambassador to Japan";
/// - appointment: "Smith was named chairman of Barclays", "Barclays named Smith chairman"
///   (where the title names no organisation, the one that appointed).
/// The organisation or country is what the title is "of", "at" or "for", or its
/// possessor ("Microsoft's chief executive").
enum ClauseRoles {
  static let becoming: Set<String> = ["become", "remain", "serve", "stay", "work", "act"]
  static let appointing: Set<String> = [
    "name", "appoint", "elect", "promote", "nominate", "select", "choose", "hire", "make", "install",
    "reelect",
  ]
  static let affiliations: Set<String> = ["of", "at", "for", "to", "with"]

  static func roles(_ readings: [ClauseFinder.Reading], in parsed: ParsedText) -> [Relation] {
    let (text, tree, mentions) = (parsed.text, parsed.tree, parsed.mentions)
    var relations: [Relation] = []
    func title(at token: Int) -> Int? {
      guard let mention = parsed.index.at(token), mentions[mention].type == .title else { return nil }
      return mention
    }
    func person(_ phrase: ClausePhrase?) -> String? {
      guard let phrase, phrase.entities.count == 1, let name = phrase.entities.first,
        parsed.entityTypes[name] == .person
      else { return nil }
      return name
    }
    for reading in readings where !reading.clause.negated {
      let clause = reading.clause
      var holder: String?
      var titleHead: Int?
      var appointer: String?
      switch clause.kind {
      case .copula, .apposition:
        holder = person(clause.subject)
        titleHead = reading.objectHead
      case .verb where becoming.contains(clause.predicate):
        holder = person(clause.subject)
        titleHead =
          complement(of: reading.predicate, tree: tree, text: text, preposition: "as")
          ?? reading.objectHead
      case .verb where appointing.contains(clause.predicate):
        // The appointed is the object, the title its complement: "named Smith chairman",
        // "Smith was named chairman", "hired Alvarez as chief technology officer".
        holder = person(clause.object)
        titleHead = complement(of: reading.predicate, tree: tree, text: text, preposition: "as")
        // "Smith was named chairman": the title parsed as the passive verb's object.
        if titleHead == nil, clause.passive {
          titleHead = tree.child(reading.predicate, .obj)
        }
        // "named John Smith chairman" parsed as one object, the title with the name.
        if titleHead == nil, let head = reading.objectHead, title(at: head) != nil { titleHead = head }
        appointer = clause.subject?.entities.first
      default:
        continue
      }
      guard let holder, let head = titleHead, let mention = title(at: head) else { continue }
      let start = Int(clause.start)
      let end = Int(clause.end)
      let sentence = Int(clause.sentence)
      relations.append(
        Relation(
          subject: holder, predicate: "role", object: mentions[mention].text, sentence: sentence,
          confidence: 0.8,
          start: start, end: end))
      if let group = affiliation(of: head, in: parsed)
        ?? appointer.flatMap({ parsed.entityTypes[$0] == .person ? nil : $0 }), group != holder
      {
        relations.append(
          Relation(
            subject: holder, predicate: "member_of", object: group, sentence: sentence, confidence: 0.7,
            start: start, end: end))
      }
    }
    return relations
  }

  /// A nominal complement of a verb: its `xcomp`, or its oblique marked `preposition`.
  private static func complement(of verb: Int, tree: DependencyTree, text: DocumentText, preposition: String)
    -> Int?
  {
    for child in tree.children(verb).map(Int.init) {
      switch tree.dependency[child] {
      case .xcomp where tree.partOfSpeech[child] != .verb:
        return child
      case .obl, .advcl:
        let marked = tree.children(child).contains {
          [.caseMarker, .mark].contains(tree.dependency[Int($0)]) && text.lower[Int($0)] == preposition
        }
        if marked { return child }
      default:
        continue
      }
    }
    return nil
  }

  /// The organisation or country a title belongs to: "of the House", "Microsoft's".
  private static func affiliation(of title: Int, in parsed: ParsedText) -> String? {
    let (text, tree) = (parsed.text, parsed.tree)
    for child in tree.children(title).map(Int.init) {
      let marked: Bool
      switch tree.dependency[child] {
      case .possessive, .compound: marked = true
      case .nmod:
        marked = tree.children(child).contains {
          tree.dependency[Int($0)] == .caseMarker && affiliations.contains(text.lower[Int($0)])
        }
      default: marked = false
      }
      guard marked, let mention = parsed.index.at(child), let key = parsed.mentions[mention].entityKey,
        [.organization, .geopolitical, .nationality].contains(key.type)
      else { continue }
      return key.name
    }
    return nil
  }
}
