import QuarryModel

/// Reads every clause of a document from its dependency parse, for every noun phrase and
/// not only named ones:
/// - verbs with their subject, object and `obl` arguments (named by preposition, or
///   `time` and `place`), the predicate's lemma and particle, negation, modality and tense;
/// - the passive turned active ("led by Kaczyński" → Kaczyński lead ...);
/// - subjects understood from control ("urged China to stop" → China stop; "have Austin
///   meet Li" → Austin meet Li), coordination of verbs, relative clauses ("the company,
///   which sued X" → the company sue X) and participles;
/// - copulas ("X is the head of Y") and appositions ("Duda, an ally of Law and Justice");
/// - reported speech: a clause under a verb of saying is `saidBy` that verb's subject,
///   whichever way round the sentence puts them;
/// - negation carried into what was declined, refused or not agreed to.
/// Pronouns and descriptions ("it", "the company") stand for the entity they refer to:
/// first the subject of a clause that governs them, then the subjects of the clauses
/// before, then the entity of the right kind named last.
struct ClauseFinder {
  let parsed: ParsedText
  let roles: [Relation]
  var text: DocumentText { parsed.text }
  var tree: DependencyTree { parsed.tree }
  var mentions: [Mention] { parsed.mentions }
  var index: MentionIndex { parsed.index }
  var entityTypes: [String: EntityType] { parsed.entityTypes }

  static let negations = EventFinder.negations
  static let modals: [String: String] = [
    "would": "would", "could": "could", "may": "may", "might": "might", "must": "must", "should": "should",
    "can": "can", "ca": "can", "ought": "should",
  ]
  static let future: Set<String> = ["will", "'ll", "shall", "wo"]
  static let pastAuxiliaries: Set<String> = ["was", "were", "did", "had", "'d"]
  static let presentAuxiliaries: Set<String> = [
    "is", "are", "am", "'s", "'re", "'m", "does", "do", "has", "have", "'ve",
  ]
  static let relativePronouns: Set<String> = ["who", "which", "that", "whom"]
  /// Verbs of saying, whose complement is reported speech (and an indirect quotation).
  static let saying: Set<String> = [
    "say", "tell", "announce", "add", "state", "report", "claim", "note", "insist", "warn", "argue",
    "confirm", "deny", "acknowledge", "admit", "explain", "write", "suggest", "predict", "allege", "contend",
    "assert", "reiterate", "stress", "declare", "promise", "vow", "pledge", "tweet", "testify", "disclose",
    "reveal", "concede", "complain",
  ]
  /// Verbs of saying and thinking: their complement is `saidBy` their subject.
  static let reporting = saying.union([
    "believe", "think", "indicate", "signal", "post", "recall", "estimate", "conclude", "agree",
  ])
  /// Verbs whose complement did not happen: what was declined, refused or rejected.
  static let rejecting = EventFinder.rejecting.union(["fail", "avoid", "abandon", "cancel"])
  /// Prepositions of place: their object, a place, makes a `place` argument.
  static let locative: Set<String> = ["in", "at", "near", "inside", "outside", "across", "throughout"]
  /// Nouns that stand for the entity that qualifies them: "the U.S. military", "China's government".
  static let groupNouns = EventFinder.groupNouns.union([
    "leadership", "cabinet", "parliament", "legislature", "spokesperson", "campaign", "board", "management",
  ])
  /// Descriptions that stand for the entity of their kind named before: "the company".
  static let descriptions: [String: Set<EntityType>] = [
    "company": [.organization], "firm": [.organization], "group": [.organization], "bank": [.organization],
    "carrier": [.organization], "agency": [.organization], "startup": [.organization],
    "start-up": [.organization], "maker": [.organization], "retailer": [.organization],
    "party": [.organization], "club": [.organization], "team": [.organization], "lender": [.organization],
    "country": [.geopolitical], "nation": [.geopolitical], "city": [.geopolitical], "state": [.geopolitical],
  ]
  /// Pronouns, and the types of entity each can stand for.
  static let pronouns: [String: Set<EntityType>] = [
    "he": [.person], "him": [.person], "himself": [.person], "she": [.person], "her": [.person],
    "herself": [.person], "it": [.organization, .geopolitical, .product, .facility],
    "itself": [.organization, .geopolitical], "they": [.organization, .geopolitical],
    "them": [.organization, .geopolitical],
  ]

  /// A clause with the tokens it was read from.
  struct Reading {
    var clause: Clause
    /// The predicate's token: the verb, or a copula's nominal.
    var predicate: Int
    /// The head token of a nominal object, if it has one.
    var objectHead: Int?
  }

  /// The clauses of the document with their tokens, sentence by sentence.
  static func readings(_ parsed: ParsedText, roles: [Relation]) -> [Reading] {
    guard parsed.tree.count == parsed.text.tokens.count else { return [] }
    var finder = ClauseFinder(parsed: parsed, roles: roles)
    return finder.find()
  }

  // MARK: State while reading

  /// The clause whose predicate each token is, or -1.
  private var clauseOf: [Int32] = []
  private var readings: [Reading] = []
  /// Entities that were subjects, in reading order, for pronouns.
  private var subjectHistory: [(token: Int, entity: String)] = []

  private mutating func find() -> [Reading] {
    clauseOf = [Int32](repeating: -1, count: tree.count)
    for sentence in text.sentences {
      let first = readings.count
      // Breadth first from the root, so a clause's governor is read before it.
      var queue = sentence.filter { tree.head($0) == nil }
      var position = 0
      while position < queue.count {
        let token = queue[position]
        position += 1
        read(token, in: sentence)
        for child in tree.children(token) { queue.append(Int(child)) }
      }
      attributeReportedSpeech(from: first)
      carryNegation(from: first)
    }
    return readings
  }

  /// Makes the clause `token` heads, if it heads one.
  private mutating func read(_ token: Int, in sentence: Range<Int>) {
    let dependency = tree.dependency[token]
    let pos = tree.partOfSpeech[token]
    if dependency == .appos, let head = tree.head(token), tree.partOfSpeech[head].isNominal {
      let subject = phrase(head, leaving: token)
      let object = phrase(token, predicative: true)
      add(
        Clause(
          kind: .apposition, subject: subject, predicate: "be", object: object,
          sentence: Int(text.sentenceOf[token]),
          start: 0, end: 0), predicate: token, objectHead: token)
      return
    }
    if let copula = tree.child(token, .cop), pos != .verb {
      readCopula(token, copula: copula)
      return
    }
    guard pos == .verb else { return }
    switch dependency {
    case .root, .ccomp, .xcomp, .advcl, .acl, .relcl, .parataxis, .csubj:
      break
    case .conj:
      guard let head = tree.head(token), clauseOf[head] >= 0 else { return }
    default:
      return
    }
    readVerb(token)
  }

  private mutating func readVerb(_ verb: Int) {
    var subjectHead: Int?
    var patientHead: Int?
    var objectHead: Int?
    var agentHead: Int?
    var passive = false
    var negated = false
    var particle: String?
    var auxiliaries: [String] = []
    var obliques: [Int] = []
    var complement: Int?
    var infinitive: Int?
    var indirectObject: Int?
    for child in tree.children(verb).map(Int.init) {
      let lower = text.lower[child]
      switch tree.dependency[child] {
      // Of two subjects (a parse gone wrong), the one nearest before the verb.
      case .nsubj where subjectHead == nil || child < verb: subjectHead = child
      case .csubj where subjectHead == nil: subjectHead = child
      case .nsubjPass:
        patientHead = child
        passive = true
      case .obj where objectHead == nil: objectHead = child
      case .iobj:
        indirectObject = child
        obliques.append(child)
      case .obl, .oblUnmarked, .nmodUnmarked: obliques.append(child)
      case .oblAgent: agentHead = child
      case .auxPass:
        passive = true
        auxiliaries.append(lower)
      case .aux: auxiliaries.append(lower)
      case .advmod where Self.negations.contains(lower): negated = true
      case .particle: particle = lower
      case .ccomp where complement == nil: complement = child
      case .xcomp where infinitive == nil: infinitive = child
      default: break
      }
    }
    // "urged China to stop": the one who is to act is the object, whatever its label.
    if objectHead == nil, let indirect = indirectObject, infinitive != nil {
      objectHead = indirect
      obliques.removeAll { $0 == indirect }
    }
    let dependency = tree.dependency[verb]
    let governor = tree.head(verb)
    if dependency == .acl, tree.xpos(verb) == "VBN" { passive = true }
    // An agent marked "by" but labelled as a plain oblique.
    if passive, agentHead == nil,
      let by = obliques.first(where: { caseWords($0) == "by" && tree.dependency[$0] == .obl })
    {
      agentHead = by
    }
    obliques.removeAll { $0 == agentHead }

    var subject: ClausePhrase?
    var object: ClausePhrase?
    var objectToken: Int?
    if passive {
      subject = agentHead.map { phrase($0) }
      if let patientHead {
        object = phrase(patientHead)
        objectToken = patientHead
      } else if let objectHead {
        object = phrase(objectHead)
        objectToken = objectHead
      }
    } else {
      subject = subjectHead.map { phrase($0) }
      if let objectHead {
        object = phrase(objectHead)
        objectToken = objectHead
      }
    }

    // What the sentence leaves out, from the structure around the verb.
    if let governor {
      switch dependency {
      case .relcl:
        let relative = tree.children(verb).map(Int.init).first {
          Self.relativePronouns.contains(text.lower[$0])
            && [.nsubj, .nsubjPass, .obj].contains(tree.dependency[$0])
        }
        let described = phrase(governor, leaving: verb)
        if let relative {
          if relative == objectToken || (tree.dependency[relative] == .nsubjPass) {
            object = described
            objectToken = governor
          } else if relative == subjectHead {
            subject = described
          }
        } else if subjectHead != nil && objectHead == nil && !passive {
          object = described
          objectToken = governor
        } else if subject == nil && !passive {
          subject = described
        } else if passive && object == nil {
          object = described
          objectToken = governor
        }
      case .acl where tree.partOfSpeech[governor].isNominal:
        if passive && object == nil {
          object = phrase(governor, leaving: verb)
          objectToken = governor
        } else if !passive && subject == nil && tree.xpos(verb) == "VBG" {
          subject = phrase(governor, leaving: verb)
        }
      case .xcomp where subject == nil && !passive:
        if let controller = clauseIndex(of: governor) {
          if let head = readings[controller].objectHead, head != verb {
            subject = phrase(head)
          } else {
            subject = readings[controller].clause.subject
          }
        }
      case .conj where subject == nil:
        if let coordinated = clauseIndex(of: governor) {
          if passive && object == nil && readings[coordinated].clause.passive {
            object = readings[coordinated].clause.object
          }
          subject = readings[coordinated].clause.subject
        }
      case .advcl where subject == nil && !passive:
        // Where the parse gave the main verb two subjects, the one nearer this verb.
        let subjects = tree.children(governor).map(Int.init).filter { tree.dependency[$0] == .nsubj }
        if subjects.count > 1, let nearest = subjects.min(by: { abs($0 - verb) < abs($1 - verb) }) {
          subject = phrase(nearest)
        } else if let main = clauseIndex(of: governor) {
          subject = readings[main].clause.subject
        }
      default:
        break
      }
    }

    // A verb with no object may take a clause as one: reported speech, or "agreed to meet".
    if object == nil, let complement {
      object = phrase(complement, whole: true)
    } else if object == nil, let infinitive, tree.partOfSpeech[infinitive] == .verb {
      object = phrase(infinitive, whole: true)
    }

    var predicate = tree.lemma(verb).lowercased()
    if let particle { predicate += " " + particle }
    let (modality, tense) = Self.modalityAndTense(auxiliaries, xpos: tree.xpos(verb))
    add(
      Clause(
        kind: .verb, subject: subject, predicate: predicate, object: object,
        arguments: obliques.map(argument),
        negated: negated, modality: modality, tense: tense, passive: passive,
        sentence: Int(text.sentenceOf[verb]), start: 0, end: 0),
      predicate: verb, objectHead: objectToken)
  }

  /// "X is the head of Y": the nominal is the object of `be`.
  private mutating func readCopula(_ nominal: Int, copula: Int) {
    var subject: ClausePhrase?
    var negated = false
    var auxiliaries = [text.lower[copula]]
    var obliques: [Int] = []
    for child in tree.children(nominal).map(Int.init) {
      switch tree.dependency[child] {
      case .nsubj where subject == nil, .csubj where subject == nil: subject = phrase(child)
      case .aux: auxiliaries.append(text.lower[child])
      case .advmod where Self.negations.contains(text.lower[child]): negated = true
      case .obl, .oblUnmarked: obliques.append(child)
      default: break
      }
    }
    if subject == nil, tree.dependency[nominal] == .relcl, let governor = tree.head(nominal) {
      subject = phrase(governor, leaving: nominal)
    } else if subject == nil, tree.dependency[nominal] == .conj, let governor = tree.head(nominal),
      let coordinated = clauseIndex(of: governor)
    {
      subject = readings[coordinated].clause.subject
    }
    let object = phrase(nominal, predicative: true)
    let (modality, tense) = Self.modalityAndTense(auxiliaries, xpos: tree.xpos(copula))
    add(
      Clause(
        kind: .copula, subject: subject, predicate: "be", object: object, arguments: obliques.map(argument),
        negated: negated, modality: modality, tense: tense, sentence: Int(text.sentenceOf[nominal]), start: 0,
        end: 0),
      predicate: nominal, objectHead: nominal)
  }

  private mutating func add(_ clause: Clause, predicate: Int, objectHead: Int?) {
    var clause = clause
    // The evidence runs from the first word of the clause to its last.
    var low = text.tokens[predicate].start
    var high = text.tokens[predicate].end
    for phrase in [clause.subject, clause.object].compactMap({ $0 }) + clause.arguments.map(\.phrase) {
      low = min(low, Int(phrase.start))
      high = max(high, Int(phrase.end))
    }
    clause.start = Int32(clamping: low)
    clause.end = Int32(clamping: high)
    if clause.kind == .verb, let head = objectHead, [.noun, .properNoun].contains(tree.partOfSpeech[head]) {
      clause.objectNoun = nounPhrase(head)
    }
    clauseOf[predicate] = Int32(readings.count)
    readings.append(Reading(clause: clause, predicate: predicate, objectHead: objectHead))
    if let entity = clause.subject?.entities.first { subjectHistory.append((predicate, entity)) }
  }

  /// A noun with the modifiers right before it: adjectives, compounds, numbers.
  private func nounPhrase(_ head: Int) -> ClausePhrase {
    var first = head
    while first > 0, text.sentenceOf[first - 1] == text.sentenceOf[head], let governor = tree.head(first - 1),
      governor > first - 1, governor <= head
    {
      let modifier = first - 1
      switch tree.dependency[modifier] {
      case .amod, .compound, .flat: first = modifier
      case .other where [.number, .adjective].contains(tree.partOfSpeech[modifier]): first = modifier
      default: return ClausePhrase(start: text.tokens[first].start, end: text.tokens[head].end)
      }
    }
    return ClausePhrase(start: text.tokens[first].start, end: text.tokens[head].end)
  }

  private func clauseIndex(of token: Int) -> Int? {
    clauseOf[token] >= 0 ? Int(clauseOf[token]) : nil
  }

  // MARK: After a sentence is read

  /// A clause under a verb of saying is reported by that verb's subject: its complement
  /// ("said it would buy"), or the clause a "…," he said interrupts.
  private mutating func attributeReportedSpeech(from first: Int) {
    for number in first..<readings.count
    where Self.reporting.contains(readings[number].clause.predicate) && readings[number].clause.kind == .verb
    {
      guard let speaker = readings[number].clause.subject else { continue }
      let verb = readings[number].predicate
      var reported: [Int] = tree.children(verb).compactMap { child in
        tree.dependency[Int(child)] == .ccomp ? clauseIndex(of: Int(child)) : nil
      }
      if tree.dependency[verb] == .parataxis, let head = tree.head(verb), let main = clauseIndex(of: head) {
        reported.append(main)
      }
      var seen: Set<Int> = []
      while let clause = reported.popLast() {
        guard seen.insert(clause).inserted, readings[clause].clause.saidBy == nil, clause != number else {
          continue
        }
        readings[clause].clause.saidBy = speaker
        // What is coordinated with a reported clause is reported too.
        for child in tree.children(readings[clause].predicate) where tree.dependency[Int(child)] == .conj {
          if let coordinated = clauseIndex(of: Int(child)) { reported.append(coordinated) }
        }
      }
    }
  }

  /// What was declined, refused or not agreed to did not happen: negation runs down
  /// through infinitives ("did not agree to meet") and through a declined thing's
  /// infinitive ("declined an offer to have Austin meet Li"), and "deny" negates what it
  /// denies.
  private mutating func carryNegation(from first: Int) {
    // Clauses were added top-down, so a governor's state is final before its dependents.
    for number in first..<readings.count {
      let verb = readings[number].predicate
      guard let governor = tree.head(verb) else { continue }
      let dependency = tree.dependency[verb]
      var ruler = clauseIndex(of: governor)
      var link = dependency
      // An infinitive on the object of a clause: "declined an offer to have ...".
      if ruler == nil, dependency == .acl, tree.dependency[governor] == .obj,
        let verbOfObject = tree.head(governor)
      {
        ruler = clauseIndex(of: verbOfObject)
        link = .xcomp
      }
      guard let ruler else { continue }
      let rulerNegated = readings[ruler].clause.negated
      let rulerRejects =
        Self.rejecting.contains(readings[ruler].clause.predicate) && !readings[ruler].clause.negated
      switch link {
      case .xcomp where rulerNegated || rulerRejects:
        readings[number].clause.negated = true
      case .ccomp where readings[ruler].clause.predicate == "deny" && !rulerNegated:
        readings[number].clause.negated.toggle()
      default:
        break
      }
    }
  }

  // MARK: Phrases

  /// The words of a phrase headed by `head` and the entities it names or stands for.
  /// Relative clauses, appositions and what a comma sets off are left out; `whole` keeps
  /// the whole subtree (a reported clause), and `predicative` leaves out the clause's own
  /// dependents of a copula's nominal.
  private func phrase(
    _ head: Int, whole: Bool = false, predicative: Bool = false, leaving clause: Int? = nil
  ) -> ClausePhrase {
    let span = tree.span(head) { child in
      if child == clause { return true }
      if whole { return tree.dependency[child] == .punct }
      switch tree.dependency[child] {
      case .relcl, .appos, .punct, .parataxis, .advcl, .discourse, .caseMarker: return true
      case .nsubj, .nsubjPass, .csubj, .cop, .aux, .auxPass, .mark, .obl, .oblUnmarked, .expl:
        return predicative
      case .advmod: return predicative && Self.negations.contains(text.lower[child])
      case .conj, .cc: return predicative && tree.child(child, .nsubj) != nil
      default:
        // "Russia on Monday": a date hangs from the clause, whatever the parse says.
        if let mention = index.at(child), [.date, .time].contains(mentions[mention].type),
          tree.child(child, .caseMarker) != nil
        {
          return true
        }
        // A modifier set off by a comma: ", led by Kaczyński,".
        let first = tree.leftmost(child)
        return first > head && (text.lower[first] == "," || text.lower[first - 1] == ",")
      }
    }
    var low = span.lowerBound
    var high = span.upperBound
    while low < high, text.tokens[low].kind == .punctuation { low += 1 }
    while high > low, text.tokens[high].kind == .punctuation, !isClosingOf(high, from: low) { high -= 1 }
    let (entities, resolved) = entities(head, within: low...high, titlesStandForHolders: !predicative)
    return ClausePhrase(
      start: text.tokens[low].start, end: text.tokens[high].end, entities: entities, resolved: resolved)
  }

  /// Whether the punctuation at `token` closes a bracket or quotation opened inside the phrase.
  private func isClosingOf(_ token: Int, from low: Int) -> Bool {
    let closing: [String: String] = [")": "(", "]": "[", "”": "“"]
    guard let opening = closing[text.lower[token]] else { return false }
    return (low..<token).contains { text.lower[$0] == opening }
  }

  /// The entities a phrase's head names or stands for, with those of its conjuncts.
  private func entities(_ head: Int, within span: ClosedRange<Int>, titlesStandForHolders: Bool)
    -> (entities: [String], resolved: Bool)
  {
    var (found, resolved) = entitiesOfHead(head, within: span, titlesStandForHolders: titlesStandForHolders)
    for child in tree.children(head) where tree.dependency[Int(child)] == .conj && span.contains(Int(child)) {
      let conjunct = entitiesOfHead(Int(child), within: span, titlesStandForHolders: titlesStandForHolders)
      for entity in conjunct.entities where !found.contains(entity) { found.append(entity) }
    }
    return (found, resolved)
  }

  private func entitiesOfHead(_ head: Int, within span: ClosedRange<Int>, titlesStandForHolders: Bool)
    -> (entities: [String], resolved: Bool)
  {
    if let mention = index.at(head) {
      if mentions[mention].type == .title {
        // "Defense Minister Li Shangfu": the person the title names, or the one holder
        // of the title in the document.
        if let person = span.lazy.compactMap({ self.index.at($0) }).first(where: {
          self.mentions[$0].type == .person
        }) {
          return ([mentions[person].entityKey!.name], false)
        }
        if titlesStandForHolders, let holder = EventFinder.holder(of: mentions[mention], mentions, roles) {
          return ([mentions[holder].entityKey!.name], true)
        }
        return ([], false)
      }
      // "Taiwan President Tsai Ing-wen", "Microsoft CEO Satya Nadella": the person the
      // place or organisation qualifies.
      if mentions[mention].type != .person {
        var next = parsed.ranges[mention].upperBound
        if let title = index.at(next), mentions[title].type == .title {
          next = parsed.ranges[title].upperBound
        }
        if span.contains(next), let person = index.at(next), mentions[person].type == .person,
          let key = mentions[person].entityKey
        {
          return ([key.name], false)
        }
      }
      if let key = mentions[mention].entityKey { return ([key.name], false) }
      return ([], false)
    }
    let lower = text.lower[head]
    if let types = Self.pronouns[lower], tree.partOfSpeech[head] == .pronoun {
      return (resolvePronoun(head, types: types).map { [$0] } ?? [], true)
    }
    guard tree.partOfSpeech[head] == .noun else { return ([], false) }
    if Self.groupNouns.contains(lower) {
      // "the U.S. military", "China's government", "the government of Japan".
      for child in tree.children(head).map(Int.init)
      where [.compound, .amod, .possessive, .nmod].contains(tree.dependency[child]) {
        if let mention = index.at(child), let key = mentions[mention].entityKey,
          [.geopolitical, .organization, .nationality, .person].contains(mentions[mention].type)
        {
          return ([key.name], false)
        }
      }
    }
    if let types = Self.descriptions[lower],
      tree.children(head).contains(where: { ["the", "this"].contains(text.lower[Int($0)]) }),
      !tree.children(head).contains(where: { [.compound, .amod, .nmod].contains(tree.dependency[Int($0)]) })
    {
      return (salient(before: head, types: types).map { [$0] } ?? [], true)
    }
    return ([], false)
  }

  /// What a pronoun stands for: the subject of a clause governing it, then the subjects
  /// of the clauses before it, then the entity of a fitting kind named last; within the
  /// three sentences before.
  private func resolvePronoun(_ pronoun: Int, types: Set<EntityType>) -> String? {
    let gender = PersonGender.pronouns[text.lower[pronoun]]
    // "he" never stands for a person known to be a woman, nor "she" for a man.
    func fits(_ entity: String) -> Bool {
      guard let type = entityTypes[entity], types.contains(type) else { return false }
      guard let gender, type == .person, let known = parsed.genders[entity] else { return true }
      return known == gender
    }
    let sentence = text.sentenceOf[pronoun]
    var ancestor = tree.head(pronoun)
    var steps = 0
    while let token = ancestor, steps < 64 {
      if let clause = clauseIndex(of: token), let subject = readings[clause].clause.subject,
        subject.start > Int32(text.tokens[pronoun].end) || subject.end <= Int32(text.tokens[pronoun].start),
        let entity = subject.entities.first, fits(entity)
      {
        return entity
      }
      ancestor = tree.head(token)
      steps += 1
    }
    for (token, entity) in subjectHistory.reversed() {
      guard text.sentenceOf[token] >= sentence - 3 else { break }
      if token < pronoun || text.sentenceOf[token] < sentence, fits(entity) { return entity }
    }
    return lastMentioned(before: pronoun, types: types, fits: fits)
  }

  /// What "the company" stands for: of the entities of `types` named before `token`, the
  /// one named most often (the story's subject, not the last company in passing), the
  /// first named on a tie.
  private func salient(before token: Int, types: Set<EntityType>) -> String? {
    let offset = Int32(text.tokens[token].start)
    var counts: [String: Int] = [:]
    var best: (name: String, count: Int)?
    for mention in mentions {
      guard mention.end <= offset else { break }
      guard let key = mention.entityKey, types.contains(key.type) else { continue }
      let count = counts[key.name, default: 0] + 1
      counts[key.name] = count
      if count > best?.count ?? 0 { best = (key.name, count) }
    }
    return best?.name
  }

  /// The entity of one of `types` named last before `token`, within three sentences.
  private func lastMentioned(
    before token: Int, types: Set<EntityType>, fits: (String) -> Bool = { _ in true }
  )
    -> String?
  {
    let offset = Int32(text.tokens[token].start)
    let earliest = text.sentenceOf[token] - 3
    // Mentions are in text order: find the first that starts at or after the token.
    var low = 0
    var high = mentions.count
    while low < high {
      let middle = (low + high) / 2
      if mentions[middle].start < offset { low = middle + 1 } else { high = middle }
    }
    for mention in mentions[..<low].reversed() where mention.end <= offset {
      guard mention.sentence >= earliest else { return nil }
      if let key = mention.entityKey, types.contains(key.type), fits(key.name) { return key.name }
    }
    return nil
  }

  // MARK: Arguments

  /// The preposition (with its fixed words) marking an oblique: "around", "according to".
  private func caseWords(_ token: Int) -> String? {
    guard let marker = tree.children(token).first(where: { tree.dependency[Int($0)] == .caseMarker }) else {
      return nil
    }
    var words = text.lower[Int(marker)]
    for fixed in tree.children(Int(marker)) where tree.dependency[Int(fixed)] == .fixed {
      words += " " + text.lower[Int(fixed)]
    }
    return words
  }

  /// An oblique or indirect object as an argument: named by its preposition, or `time`
  /// where it is a date, `place` where a locative preposition leads to a place, `to` for
  /// an indirect object.
  private func argument(_ token: Int) -> Clause.Argument {
    let phrase = phrase(token)
    if let mention = index.at(token), [.date, .time].contains(mentions[mention].type) {
      return Clause.Argument(role: "time", phrase: phrase)
    }
    if tree.dependency[token] == .iobj { return Clause.Argument(role: "to", phrase: phrase) }
    guard let preposition = caseWords(token) else {
      return Clause.Argument(role: tree.dependency[token] == .obl ? "obl" : "unmarked", phrase: phrase)
    }
    if Self.locative.contains(preposition), let entity = phrase.entities.first,
      let type = entityTypes[entity], [.geopolitical, .location, .facility].contains(type)
    {
      return Clause.Argument(role: "place", phrase: phrase)
    }
    return Clause.Argument(role: preposition, phrase: phrase)
  }

  /// A modal among the auxiliaries, and the tense they and the verb's tag give.
  static func modalityAndTense(_ auxiliaries: [String], xpos: String) -> (modality: String?, tense: String?) {
    var modality: String?
    var tense: String?
    for auxiliary in auxiliaries {
      if let modal = modals[auxiliary] { modality = modality ?? modal }
      if future.contains(auxiliary) { tense = "future" }
    }
    if tense == nil {
      if auxiliaries.contains(where: pastAuxiliaries.contains) || xpos == "VBD" {
        tense = "past"
      } else if auxiliaries.contains(where: { ["has", "have", "'ve"].contains($0) }) && xpos == "VBN" {
        // The present perfect tells of what has happened.
        tense = "past"
      } else if modality != nil {
        tense = nil
      } else if auxiliaries.contains(where: presentAuxiliaries.contains) || xpos == "VBZ" || xpos == "VBP" {
        tense = "present"
      }
    }
    return (modality, tense)
  }
}
