import QuarryCore
import QuarryModel

/// The extraction pipeline for one document: tokens, sentences, the statistical tagger's
/// entities refined to OntoNotes types, titles, dates resolved against the document's
/// date, numbers, and within-document canonical names ("Austin" → "Lloyd Austin").
/// A value type with no shared mutable state, so documents can be annotated in parallel.
public struct Annotator: Sendable {
  public let tagger: EntityTagger?
  /// The tagger and parser whose parse every token gets; nil to skip it.
  public let syntax: SyntaxModel?
  let gazetteer: Gazetteer
  let titles: TitleFinder
  let canonicalizer: Canonicalizer

  public init(tagger: EntityTagger? = EntityTagger.standard, syntax: SyntaxModel? = SyntaxModel.standard) {
    self.tagger = tagger
    self.syntax = syntax
    self.gazetteer = .standard
    self.titles = .standard
    self.canonicalizer = .standard
  }

  /// Lower-case words inside people's names: "von der Leyen", "de Gaulle", "bin Salman".
  static let nameParticles: Set<String> = [
    "von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "bin", "al", "ibn", "dos", "das",
  ]

  /// "Ursula" "von der" "Leyen": people's names split by lower-case particles are one name,
  /// and a person's name runs on over particles to a capitalised word no name holds
  /// (`capitalized` tells, by token; asked only after a person's particles).
  static func joinNameParticles(
    _ spans: [(range: Range<Int>, type: CoarseType)], lower: [String],
    capitalized: (Int) -> Bool = { _ in false }
  )
    -> [(range: Range<Int>, type: CoarseType)]
  {
    var joined: [(range: Range<Int>, type: CoarseType)] = []
    var spans = spans
    for index in spans.indices where spans[index].type == .person {
      var end = spans[index].range.upperBound
      while end < lower.count && nameParticles.contains(lower[end]) && end - spans[index].range.upperBound < 2
      {
        end += 1
      }
      let next = index + 1 < spans.count ? spans[index + 1].range.lowerBound : lower.count
      if end > spans[index].range.upperBound, end < next, capitalized(end) {
        spans[index].range = spans[index].range.lowerBound..<end + 1
      }
    }
    for entity in spans {
      if let previous = joined.last, previous.type == .person,
        entity.type == .person || entity.range.count == 1,
        entity.range.lowerBound > previous.range.upperBound,
        entity.range.lowerBound - previous.range.upperBound <= 2,
        (previous.range.upperBound..<entity.range.lowerBound).allSatisfy({ nameParticles.contains(lower[$0]) }
        )
      {
        joined[joined.count - 1].range = previous.range.lowerBound..<entity.range.upperBound
      } else {
        joined.append(entity)
      }
    }
    return joined
  }

  /// Names of companies, platforms and products the tagger missed: capitalised, tagged a
  /// proper noun by the parse, not first in their sentence, and not in a line of title
  /// case (a headline, where every word is capitalised).
  static func organizationsMissed(
    _ organizations: OrganizationNames, tokens: [TextToken], sentences: [Range<Int>], taken: inout [Bool],
    isProperNoun: (Int) -> Bool
  ) -> [(range: Range<Int>, type: EntityType)] {
    var found: [(range: Range<Int>, type: EntityType)] = []
    for sentence in sentences {
      var headline: Bool?
      var index = sentence.lowerBound + 1
      while index < sentence.upperBound {
        guard !taken[index], tokens[index].text.first?.isUppercase == true, isProperNoun(index),
          let (range, kind) = organizations.longest(at: index, in: tokens, limit: sentence.upperBound),
          !range.contains(where: { taken[$0] })
        else {
          index += 1
          continue
        }
        if headline == nil {
          var words = 0
          var capitalised = 0
          for token in sentence where tokens[token].kind == .word {
            words += 1
            if tokens[token].text.first?.isUppercase == true { capitalised += 1 }
          }
          headline = capitalised * 10 >= words * 7
        }
        if headline! { break }
        found.append((range, kind.entityType))
        for token in range { taken[token] = true }
        index = range.upperBound
      }
    }
    return found
  }

  /// Abbreviations of common nouns, which the tagger may take for names.
  static let commonAbbreviations: Set<String> = [
    "IPO", "IPOs", "CEO", "CEOs", "CFO", "COO", "CTO", "GDP", "ETF", "ETFs", "AI", "EV", "EVs", "SUV", "SUVs",
    "TV", "PR", "HR", "IT", "ID", "VIP", "FAQ", "DNA", "HIV", "AIDS", "COVID", "COVID-19", "PhD", "MBA",
    "CPI",
    "LGBT", "LGBTQ", "ATM", "URL", "PDF", "GPS", "UFO", "APR", "IQ", "OK", "PC", "PCs", "CD", "DVD", "S-1",
  ]

  /// Suffixes that end a person's name: "Jr.", "III".
  static let generationalSuffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

  /// Forms of address that stand before a person's name.
  static let honorifics: Set<String> = [
    "mr.", "mrs.", "ms.", "messrs.", "dr.", "rev.", "prof.", "sir", "dame", "mr", "mrs", "ms", "dr",
  ]
  static let quotationMarks: Set<String> = ["\"", "“", "”", "‘", "’", "'", "«", "»", "``", "''"]
  static let sentencePunctuation: Set<String> = [".", "!", "?", ",", ";", ":", "…"]

  /// A name never crosses a paragraph break or a quotation mark, never goes on in lower
  /// case after a comma, and never starts or ends with punctuation: a span the tagger ran
  /// over them is cut there into its pieces.
  static func withinBoundaries(_ spans: [(range: Range<Int>, type: CoarseType)], tokens: [TextToken])
    -> [(range: Range<Int>, type: CoarseType)]
  {
    var result: [(range: Range<Int>, type: CoarseType)] = []
    result.reserveCapacity(spans.count)
    func add(_ range: Range<Int>, _ type: CoarseType) {
      var range = range
      while let first = range.first, tokens[first].kind == .punctuation {
        range = first + 1..<range.upperBound
      }
      while let last = range.last, tokens[last].kind == .punctuation,
        sentencePunctuation.contains(tokens[last].text) || quotationMarks.contains(tokens[last].text)
      {
        range = range.lowerBound..<last
      }
      if !range.isEmpty { result.append((range, type)) }
    }
    for span in spans {
      var start = span.range.lowerBound
      for index in span.range {
        if quotationMarks.contains(tokens[index].text) {
          add(start..<index, span.type)
          start = index + 1
        } else if tokens[index].text == ",", index + 1 < span.range.upperBound,
          tokens[index + 1].text.first?.isLowercase == true
        {
          // "Sony, in game revenue": a name does not go on in lower case after a comma.
          add(start..<index, span.type)
          start = span.range.upperBound
          break
        } else if index > start, tokens[index].lineBreaksBefore >= 2 {
          add(start..<index, span.type)
          start = index
        }
      }
      add(start..<span.range.upperBound, span.type)
    }
    return result
  }

  /// What one thread keeps between documents to go faster; never shared between threads.
  public final class Scratch {
    let wordScores = WordScoreCache()
    let syntax = SyntaxModel.Scratch()
    public init() {}
  }

  public func annotate(_ document: Document, scratch: Scratch? = nil) -> DocumentAnnotations {
    annotate(text: document.text, bodyStart: document.bodyStart, date: document.date, scratch: scratch)
  }

  /// Mentions in `text` (offsets into all of it), reading from `bodyStart` on.
  public func annotate(
    text: String, bodyStart: Int = 0, date: CalendarDate? = nil, scratch: Scratch? = nil
  ) -> DocumentAnnotations {
    let scalars = Array(text.unicodeScalars)
    let body = bodyStart <= scalars.count ? Array(scalars[bodyStart...]) : []
    let tokens = Tokenizer.tokenize(body, from: bodyStart)
    let sentences = SentenceSplitter.split(tokens)
    var sentenceOf = [Int32](repeating: 0, count: tokens.count)
    for (number, sentence) in sentences.enumerated() {
      for index in sentence { sentenceOf[index] = Int32(number) }
    }
    let lower = tokens.map { $0.text.lowercased() }
    var spans: [(range: Range<Int>, type: EntityType)] = []
    var taken = [Bool](repeating: false, count: tokens.count)

    // Named entities.
    let input = TaggerInput(tokens: tokens, sentences: sentences, gazetteer: gazetteer)
    let labels = tagger.map { $0.labels(input, cache: scratch?.wordScores) } ?? []
    var tagged = Self.withinBoundaries(EntityLabel.spans(labels[...]), tokens: tokens)
    tagged = Self.joinNameParticles(
      tagged, lower: lower,
      capitalized: { tokens[$0].kind == .word && tokens[$0].text.first?.isUppercase == true })
    let parse = syntax.map {
      $0.documentSyntax(
        tokens: tokens, lower: lower, words: input.words, sentences: Dateline.split(tokens, sentences),
        sentenceOf: sentenceOf,
        names: tagged.filter { $0.type != .miscellaneous || $0.range.count > 1 }.map(\.range),
        scratch: scratch?.syntax ?? SyntaxModel.Scratch())
    }
    var named = tagged.compactMap {
      entity -> (range: Range<Int>, type: CoarseType)? in
      // "the Pentagon Monday": a weekday never ends a name; "The" capitalised only by
      // starting the sentence does not start one ("The Department believes...").
      var range = entity.range
      if range.count > 1, tokens[range.lowerBound].text == "The",
        range.lowerBound == 0 || sentenceOf[range.lowerBound - 1] != sentenceOf[range.lowerBound]
      {
        range = range.lowerBound + 1..<range.upperBound
      }
      while !range.isEmpty, DateNormalizer.weekdays[lower[range.upperBound - 1]] != nil {
        range = range.lowerBound..<range.upperBound - 1
      }
      // "Northwind in March": a name does not run on into a date.
      if let cut = range.dropFirst().first(where: {
        ["in", "on", "since", "until"].contains(lower[$0]) && $0 + 1 < range.upperBound
          && (DateNormalizer.months[lower[$0 + 1]] != nil || DateNormalizer.weekdays[lower[$0 + 1]] != nil)
      }) {
        range = range.lowerBound..<cut
      }
      // "Rev. Al Sharpton", "Dr. Anthony Fauci": an honorific is neither part of the name
      // nor a role; what follows it is a person.
      var type = entity.type
      if range.count > 1, Self.honorifics.contains(lower[range.lowerBound]) {
        range = range.lowerBound + 1..<range.upperBound
        if range.allSatisfy({ tokens[$0].text.first?.isUppercase == true }) { type = .person }
      }
      // "IPO", "CEO": an abbreviation of a common noun names nothing.
      if range.count == 1, Self.commonAbbreviations.contains(tokens[range.lowerBound].text) { return nil }
      // "James Kennedy Jr.": a generational suffix ends the name.
      if type == .person, !range.isEmpty, range.upperBound < tokens.count,
        Self.generationalSuffixes.contains(tokens[range.upperBound].text),
        sentenceOf[range.upperBound] == sentenceOf[range.lowerBound]
      {
        range = range.lowerBound..<range.upperBound + 1
      }
      return range.isEmpty ? nil : (range, type)
    }
    // Titles against the tagger's entities: a title swallows the words of its modifiers
    // ("Defense" in "Defense Secretary", "House" in "House Speaker"), an entity running
    // into it keeps the words before it, and an entity holding the title's head word
    // ("General Motors") wins.
    var places = [Bool](repeating: false, count: tokens.count)
    for match in input.gazetteerMatches
    where !match.kinds.isDisjoint(with: [.country, .subdivision, .city, .continent, .demonym]) {
      for index in match.range { places[index] = true }
    }
    let lowerHashes = input.words.map(\.lower)
    var titleSpans: [Range<Int>] = []
    for sentence in sentences {
      candidates: for found in titles.titles(tokens, lower: lower, places: places, in: sentence) {
        for index in named.indices where named[index].range.overlaps(found.range) {
          let entity = named[index]
          if entity.range.contains(found.head) {
            // "President Biden" tagged as one person keeps the title; the name is trimmed below.
            if entity.type == .person && entity.range.lowerBound >= found.range.lowerBound
              && entity.range.upperBound > found.range.upperBound
            {
              continue
            }
            continue candidates
          }
          if entity.range.lowerBound < found.range.lowerBound {
            var range = entity.range.lowerBound..<found.range.lowerBound
            // A lone title word left over ("House" of "White House") takes back the
            // capitalised word before it rather than stand as a fragment.
            let previous = range.lowerBound - 1
            if range.count == 1, titles.modifiers.contains(lower[range.lowerBound]),
              previous >= sentence.lowerBound,
              tokens[previous].text.first?.isUppercase == true, tokens[previous].kind == .word,
              !named.contains(where: { $0.range.contains(previous) })
            {
              range = previous..<range.upperBound
            }
            named[index].range = range
          }
        }
        titleSpans.append(found.range)
      }
    }
    named = named.compactMap { entity in
      var range = entity.range
      var type = entity.type
      for title in titleSpans where title.overlaps(range) {
        // Swallowed by the title, or a name after it: "Minister of National Defense Li
        // Shangfu" tagged as one organisation leaves the person "Li Shangfu".
        guard range.lowerBound >= title.lowerBound, range.upperBound > title.upperBound else { return nil }
        range = title.upperBound..<range.upperBound
        if range.count <= 3 && range.allSatisfy({ tokens[$0].text.first?.isUppercase == true }) {
          type = .person
        }
      }
      return range.isEmpty ? nil : (range, type)
    }
    for title in titleSpans {
      spans.append((title, .title))
      for index in title { taken[index] = true }
    }
    // Surnames of the people named in full, which a company's name alone may also be
    // ("Michael Bloomberg", then "Bloomberg").
    let surnames = Set(
      named.filter { $0.type == .person && $0.range.count > 1 }.map { tokens[$0.range.last!].text })
    let organizations = OrganizationNames.standard
    for entity in named {
      let words = entity.range.map { tokens[$0].text }
      var kinds: Gazetteer.Kinds = []
      if let match = gazetteer.matches(lowerHashes: lowerHashes, in: entity.range).first,
        match.range == entity.range
      {
        kinds = match.kinds
      }
      let next = entity.range.upperBound
      let followedByNoun =
        next < tokens.count && tokens[next].kind == .word
        && sentenceOf[next] == sentenceOf[entity.range.lowerBound]
      var type = EntityTyper.refine(
        entity.type, words: words, kinds: kinds, gazetteer: gazetteer, followedByNoun: followedByNoun)
      // "the Biden administration": a one-word name before "administration" is a person.
      if entity.range.count == 1, type == .miscellaneous || type == .organization, next < tokens.count,
        lower[next] == "administration"
      {
        type = .person
      }
      // A company, a platform or a product, whatever the tagger thought it was.
      if type != .organization, type != .product, kinds.isDisjoint(with: .places),
        let kind = organizations.kind(of: entity.range, in: tokens),
        !(type == .person && entity.range.count == 1 && surnames.contains(words[0]))
      {
        type = kind.entityType
      }
      spans.append((entity.range, type))
      for index in entity.range { taken[index] = true }
    }
    if let parse {
      let proper = parse.labels.upos.map { $0 == "PROPN" }
      spans += Self.organizationsMissed(
        organizations, tokens: tokens, sentences: sentences, taken: &taken,
        isProperNoun: { proper[Int(parse.tokens[$0].tag)] })
    }

    // Dates and times, where no entity already is.
    var found: [(mention: Mention, range: Range<Int>)] = []
    for expression in DateNormalizer.find(in: tokens, lowercased: lower, documentDate: date) {
      let range = tokens.range(covering: expression.start, expression.end)
      guard !range.isEmpty, !range.contains(where: { taken[$0] }) else { continue }
      for index in range { taken[index] = true }
      let mention = Mention(
        start: expression.start, end: expression.end, text: slice(scalars, expression.start, expression.end),
        type: .date, value: expression.value, sentence: Int(sentenceOf[range.lowerBound]))
      found.append((mention, range))
    }
    for sentence in sentences {
      spans += NumberFinder.find(tokens, lower: lower, taken: taken, in: sentence)
    }

    for span in spans {
      let start = tokens[span.range.lowerBound].start
      let end = tokens[span.range.upperBound - 1].end
      let text = slice(scalars, start, end)
      let mention = Mention(
        start: start, end: end, text: text, type: span.type,
        canonical: span.type.isNamed ? Canonicalizer.name(text) : nil,
        sentence: Int(sentenceOf[span.range.lowerBound])
      )
      found.append((mention, span.range))
    }
    // "R-Calif." after a name is a party and a state, read by the role finder.
    found.removeAll {
      $0.mention.type.isNamed && $0.mention.type != .title && RoleFinder.isPartyTag($0.mention.text)
    }
    found.sort { ($0.mention.start, $0.mention.end) < ($1.mention.start, $1.mention.end) }
    var mentions = found.map(\.mention)
    var ranges = found.map(\.range)
    canonicalizer.apply(
      &mentions, mentionTokens: &ranges, tokens: tokens, lower: lower, sentenceOf: sentenceOf)
    let tree = parse.map(DependencyTree.init)
    OrganizationCues.retype(
      &mentions, ranges: ranges, tokens: tokens, lower: lower, sentences: sentences, sentenceOf: sentenceOf,
      tree: tree, gazetteer: gazetteer, countries: canonicalizer.countries)
    let text = DocumentText(
      scalars: scalars, tokens: tokens, lower: lower, sentences: sentences, sentenceOf: sentenceOf)
    let roles = RoleFinder.roles(text, mentions: mentions, ranges: ranges)
    var relations = roles + EventFinder.events(text, mentions: mentions, ranges: ranges, roles: roles)
    let genders = PersonGender.standard.genders(text, mentions: mentions, ranges: ranges)
    var quotes = QuoteFinder.quotes(text, mentions: mentions, ranges: ranges, genders: genders)
    var clauses: [Clause] = []
    if let tree {
      let parsed = ParsedText(text, tree: tree, mentions: mentions, ranges: ranges, genders: genders)
      let readings = ClauseFinder.readings(parsed, roles: roles)
      clauses = readings.map(\.clause)
      QuoteSpeakers.assign(&quotes, readings: readings, parsed: parsed)
      quotes += ReportedSpeech.quotes(readings, text: text, direct: quotes)
      quotes.sort { ($0.start, $0.end) < ($1.start, $1.end) }
      let events = ClauseEvents.events(readings, in: parsed)
      // Roles the parse predicates of a person, where the patterns found none like them.
      var roleKeys = Set(relations.filter { $0.eventClass == nil }.map { EventKey($0, object: "") })
      for role in ClauseRoles.roles(readings, in: parsed)
      where roleKeys.insert(EventKey(role, object: "")).inserted {
        relations.append(role)
      }
      // Where the parse read the pattern's verb with the same subject and another object,
      // and the pattern's object is no partner of it ("launched drills around Taiwan"),
      // the pattern read a place or a circumstance as the object: it is no event.
      let parsedEvents = Set(events.map { EventKey($0) })
      let verbReadings = Dictionary(
        grouping: readings.filter { $0.clause.kind == .verb }, by: \.clause.sentence)
      relations.removeAll { relation in
        guard relation.eventClass != nil, !parsedEvents.contains(EventKey(relation)) else { return false }
        return verbReadings[relation.sentence, default: []].contains { reading in
          let clause = reading.clause
          guard clause.predicate == relation.predicate,
            clause.subject?.entities.contains(relation.subject) == true, reading.objectHead != nil,
            let object = clause.object, !object.entities.isEmpty || clause.objectNoun != nil
          else { return false }
          // "rejected the plan of Australia", "Australia's plan": the object's owner counts.
          let owners = reading.objectHead.map { head in
            parsed.tree.children(head).compactMap { child -> String? in
              let child = Int(child)
              let dependency = parsed.tree.dependency[child]
              guard
                dependency == .possessive
                  || (dependency == .nmod
                    && parsed.tree.children(child).contains {
                      parsed.tree.dependency[Int($0)] == .caseMarker && parsed.text.lower[Int($0)] == "of"
                    }),
                let mention = parsed.index.at(child)
              else { return nil }
              return parsed.mentions[mention].entityKey?.name
            }
          }
          return !object.entities.contains(relation.object) && !(owners ?? []).contains(relation.object)
            && !clause.arguments.contains {
              ClauseEvents.partnerPrepositions.contains($0.role)
                && $0.phrase.entities.contains(relation.object)
            }
        }
      }
      // The parse's events join the pattern finder's, each fact once a sentence; where
      // the two read one verb with a different partner on one side (a pronoun resolved
      // otherwise), the pattern finder's reading stands.
      var seen = Set(relations.map { EventKey($0) })
      for relation in relations where relation.eventClass != nil {
        seen.insert(EventKey(relation, subject: ""))
        seen.insert(EventKey(relation, object: ""))
      }
      for event in events
      where !seen.contains(EventKey(event, subject: "")) && !seen.contains(EventKey(event, object: ""))
        && seen.insert(EventKey(event)).inserted
      {
        relations.append(event)
      }
    }
    return DocumentAnnotations(
      tokenCount: tokens.count, sentenceCount: sentences.count, mentions: mentions, relations: relations,
      quotes: quotes, clauses: clauses, syntax: parse)
  }

  private func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    Tokenizer.makeString(scalars, start, end)
  }
}

/// What makes two relations the same fact: subject, predicate, object and sentence.
private struct EventKey: Hashable {
  var subject: String
  var predicate: String
  var object: String
  var sentence: Int32

  /// The relation's key, with the subject or object left out where given.
  init(_ relation: Relation, subject: String? = nil, object: String? = nil) {
    self.subject = subject ?? relation.subject
    predicate = relation.predicate
    self.object = object ?? relation.object
    sentence = relation.sentence
  }
}
