import QuarryModel

/// Finds direct quotations and their speakers:
/// - after the quote: `"...," Pengyu added`, `"..." the Pentagon told the Journal`,
///   `"...," said Austin`, `"...," he said` (the last person named before);
/// - before it: `Austin said: "..."`, `justified the decision by saying the U.S. was "..."`
///   (the sentence's speaker);
/// - `according to X`;
/// - a quotation with none of these has the speaker of the one before it in its
///   paragraph; a paragraph that opens a quotation and does not close it continues into
///   the next paragraph that opens with a quotation mark.
enum QuoteFinder {
  static let speechVerbs: Set<String> = [
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated", "states", "noted",
    "notes", "explained", "explains", "wrote", "writes", "insisted", "insists", "declared", "declares",
    "warned",
    "warns", "argued", "argues", "replied", "replies", "continued", "saying", "announced", "announces",
    "stressed",
    "stresses", "recalled", "recalls", "urged", "urges", "tweeted", "posted", "claimed", "claims",
    "acknowledged",
    "admitted", "conceded", "countered", "responded", "concluded",
  ]
  static let pronouns: Set<String> = ["he", "she", "they", "it", "we"]
  /// Pronouns this finder resolves to a person; "they", "it" and "we" are left to the
  /// parse, which resolves them to an organisation or a country (`QuoteSpeakers`).
  static let personPronouns: Set<String> = ["he", "she"]

  /// A quotation's place: its marks and its words as offsets, and its paragraph.
  struct Span {
    var open: Int
    var close: Int?
    var paragraph: Int
  }

  /// `genders` tells "he said" from "she said": each person's gender, where known.
  static func quotes(
    _ text: DocumentText, mentions: [Mention], ranges: [Range<Int>],
    genders: [String: PersonGender.Gender] = [:]
  ) -> [Quote] {
    let spans = findSpans(text.scalars)
    guard !spans.isEmpty else { return [] }
    let index = MentionIndex(tokenCount: text.tokens.count, ranges: ranges)
    var quotes: [Quote] = []
    var previousSpeaker: String?
    var previousEnd = -1
    var previousParagraph = -1
    var previousUnclosed = false
    for span in spans {
      let wordsStart = span.open + 1
      let wordsEnd = span.close ?? paragraphEnd(text.scalars, from: wordsStart)
      guard wordsEnd > wordsStart else { continue }
      // Tokens inside the marks, and the tokens around.
      let firstInside = text.tokens.firstIndex(endingAfter: wordsStart)
      var afterClose = firstInside
      while afterClose < text.tokens.count && text.tokens[afterClose].start < wordsEnd { afterClose += 1 }
      if span.close != nil, afterClose < text.tokens.count, text.tokens[afterClose].start == wordsEnd {
        afterClose += 1  // the closing mark
      }
      let openToken = firstInside - 1
      var speaker = speakerAfter(
        text, index, mentions, ranges, from: afterClose, quoteStart: openToken, genders: genders)
      // A name or a term in quotation marks ("the slogan “Meth, we’re on it”", the show
      // “Trading Nation”, the word “We”) is nobody's speech, unless attributed.
      if speaker == nil,
        isNameOrTerm(text.text(wordsStart, wordsEnd), before: openToken > 0 ? text.lower[openToken - 1] : "")
      {
        continue
      }
      if speaker == nil {
        speaker = speakerBefore(text, index, mentions, ranges, openToken: openToken, genders: genders)
      }
      let continues =
        (span.paragraph == previousParagraph && onlySpaceOrSentence(text.scalars, previousEnd, span.open))
        || (previousUnclosed && span.paragraph == previousParagraph + 1)
      // An unattributed quotation in the paragraph of an attributed one is the same
      // speaker's ("…," Lynn said, via the Los Angeles Times. "Yes, …").
      if speaker == nil && continues {
        speaker = previousSpeaker
      } else if speaker == nil && span.paragraph == previousParagraph {
        speaker = quotes.last?.speaker
      }
      // A speaker found after a continued quotation also speaks its earlier parts.
      if let speaker, continues, let last = quotes.indices.last, quotes[last].speaker == nil {
        quotes[last].speaker = speaker
      }
      let sentence = firstInside < text.tokens.count ? Int(text.sentenceOf[firstInside]) : 0
      quotes.append(
        Quote(
          speaker: speaker, text: text.text(wordsStart, wordsEnd), start: wordsStart, end: wordsEnd,
          sentence: sentence))
      previousSpeaker = speaker ?? previousSpeaker
      previousEnd = span.close.map { $0 + 1 } ?? wordsEnd
      previousParagraph = span.paragraph
      previousUnclosed = span.close == nil
    }
    return quotes
  }

  /// Words that introduce a name or a term rather than speech: `the slogan "…"`.
  static let naming: Set<String> = [
    "slogan", "tagline", "motto", "dubbed", "called", "named", "nicknamed", "titled", "entitled", "word",
    "words", "term", "phrase", "hashtag", "headline", "song", "album", "film", "show", "book", "label",
    "brand", "codenamed", "billed",
  ]
  static let titleWords: Set<String> = [
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with", "from", "it", "is", "&",
  ]

  /// Whether quoted words are a name or a term: one word; every word capitalised but
  /// short ones, with no sentence punctuation (a title, a nickname); or brought in by a
  /// word such as "slogan" or "dubbed".
  static func isNameOrTerm(_ words: String, before: String) -> Bool {
    if naming.contains(before) { return true }
    let parts = words.split(whereSeparator: { $0 == " " || $0 == "\n" })
    if parts.count <= 1 { return true }
    guard parts.count <= 6, !words.contains(where: { ".!?,;:".contains($0) }) else { return false }
    return parts.first!.first!.isUppercase
      && parts.allSatisfy {
        $0.first!.isUppercase || $0.first!.isNumber || titleWords.contains($0.lowercased())
      }
  }

  /// Opening and closing marks, paired: curly quotes by their shape, straight ones by
  /// what surrounds them; a quotation left open ends with its paragraph.
  static func findSpans(_ scalars: [Unicode.Scalar]) -> [Span] {
    var spans: [Span] = []
    var open: Int?
    var paragraph = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" {
        var next = index + 1
        while next < scalars.count && (scalars[next] == " " || scalars[next] == "\t") { next += 1 }
        if next < scalars.count && scalars[next] == "\n" {
          if let start = open { spans.append(Span(open: start, close: nil, paragraph: paragraph)) }
          open = nil
          paragraph += 1
          index = next
          continue
        }
      }
      // Two apostrophes close a quotation in some agencies' copy ("…,’’ he said").
      if open != nil, scalar == "’" || scalar == "'", index + 1 < scalars.count, scalars[index + 1] == scalar
      {
        spans.append(Span(open: open!, close: index, paragraph: paragraph))
        open = nil
        index += 2
        continue
      }
      guard scalar == "\"" || scalar == "“" || scalar == "”" else {
        index += 1
        continue
      }
      let previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
      let opensByPlace =
        previous == nil || previous!.properties.isWhitespace || "([{—–-".unicodeScalars.contains(previous!)
      if scalar == "“" || (scalar == "\"" && open == nil && opensByPlace) {
        if let start = open { spans.append(Span(open: start, close: nil, paragraph: paragraph)) }
        open = index
      } else if (scalar == "”" || scalar == "\"") && open != nil {
        spans.append(Span(open: open!, close: index, paragraph: paragraph))
        open = nil
      }
      index += 1
    }
    if let start = open { spans.append(Span(open: start, close: nil, paragraph: paragraph)) }
    return spans
  }

  static func paragraphEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      if scalars[index] == "\n" {
        var next = index + 1
        while next < scalars.count && (scalars[next] == " " || scalars[next] == "\t") { next += 1 }
        if next >= scalars.count || scalars[next] == "\n" { break }
      }
      index += 1
    }
    var end = index
    while end > start && scalars[end - 1].properties.isWhitespace { end -= 1 }
    return end
  }

  /// Whether only white space and the end of a sentence lie between two offsets.
  static func onlySpaceOrSentence(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
    guard from >= 0, from <= to else { return false }
    return scalars[from..<to].allSatisfy { $0.properties.isWhitespace || ".,;:".unicodeScalars.contains($0) }
  }

  /// `"...," X said`, `"...," said X`, `"..." he said`, `"..." X told Y`, `according to X`.
  static func speakerAfter(
    _ text: DocumentText, _ index: MentionIndex, _ mentions: [Mention], _ ranges: [Range<Int>],
    from start: Int,
    quoteStart: Int, genders: [String: PersonGender.Gender] = [:]
  ) -> String? {
    var cursor = start
    // The attribution belongs to the quotation's sentence and paragraph.
    guard cursor < text.tokens.count, cursor > 0, text.tokens[cursor].lineBreaksBefore == 0,
      text.sentenceOf[cursor] == text.sentenceOf[cursor - 1]
    else { return nil }
    while cursor < text.tokens.count && [",", ".", "!", "?", "—", "-"].contains(text.tokens[cursor].text) {
      cursor += 1
    }
    guard cursor < text.tokens.count, text.tokens[cursor].lineBreaksBefore == 0 else { return nil }
    let sentence = text.sentenceOf[cursor]
    var verbSeen = false
    var steps = 0
    while cursor < text.tokens.count && steps < 8 && text.sentenceOf[cursor] == sentence {
      let word = text.lower[cursor]
      if ["\"", "“", "(", ";"].contains(word) { return nil }
      if word == "according", cursor + 1 < text.tokens.count, text.lower[cursor + 1] == "to" {
        return speakerMention(index, mentions, at: cursor + 2)
      }
      // A name counts with a speech verb before it ("said Austin") or right after it
      // ("Austin said", "the Pentagon told"); a scare quote ("red lines" on Taiwan) has none.
      if let found = speakerMention(index, mentions, at: cursor) {
        var next = cursor
        while let inside = index.at(next), mentions[inside].entityKey?.name == found { next += 1 }
        // "FEMA Administrator Deanne Criswell said", "said U.S. Attorney Nealy Cox": the
        // organisation or country qualifies the speaker.
        if next < text.tokens.count, let at = index.at(cursor), mentions[at].type != .person,
          let following = index.at(next), [.title, .person].contains(mentions[following].type)
        {
          cursor = next
          steps += 1
          continue
        }
        if verbSeen { return found }
        if next < text.tokens.count && (speechVerbs.contains(text.lower[next]) || text.lower[next] == ",") {
          return found
        }
        return nil
      }
      if pronouns.contains(word) && (verbSeen || nextIsSpeechVerb(text, cursor)) {
        guard personPronouns.contains(word) else { return nil }
        return lastPerson(
          mentions, before: quoteStart, text: text, gender: PersonGender.pronouns[word], genders: genders)
      }
      if speechVerbs.contains(word) {
        verbSeen = true
      } else if verbSeen && !["the", "a", "an"].contains(word) {
        // "said the Pentagon": a title or determiner may come between.
        if text.tokens[cursor].text.first?.isLowercase == true && ![",", "."].contains(word) {
          if index.at(cursor).map({ mentions[$0].type == .title }) != true { return nil }
        }
      }
      cursor += 1
      steps += 1
    }
    return nil
  }

  static func nextIsSpeechVerb(_ text: DocumentText, _ token: Int) -> Bool {
    token + 1 < text.tokens.count && speechVerbs.contains(text.lower[token + 1])
  }

  /// `X said: "..."`, `X, the spokesman, said "..."`, `by saying the U.S. was "..."`: the
  /// last speech verb before the opening mark in its sentence, and the person or
  /// organisation before it.
  static func speakerBefore(
    _ text: DocumentText, _ index: MentionIndex, _ mentions: [Mention], _ ranges: [Range<Int>],
    openToken: Int,
    genders: [String: PersonGender.Gender] = [:]
  ) -> String? {
    guard openToken > 0, openToken < text.tokens.count else { return nil }
    let sentence = text.sentenceOf[openToken]
    var cursor = openToken - 1
    var verb: Int?
    while cursor >= 0 && text.sentenceOf[cursor] == sentence {
      if speechVerbs.contains(text.lower[cursor]) {
        verb = cursor
        break
      }
      cursor -= 1
    }
    guard let verb else { return nil }
    // "…," said Jeffrey Halley, an analyst. "…": the name after the verb.
    let inverted =
      verb >= 2
      && (["\"", "”"].contains(text.lower[verb - 1])
        || (text.lower[verb - 1] == "," && ["\"", "”"].contains(text.lower[verb - 2])))
    var after = inverted ? verb + 1 : openToken
    while after < openToken, let at = index.at(after), mentions[at].type != .person,
      let end = ranges[at].last, end + 1 < openToken, let next = index.at(end + 1),
      [.title, .person].contains(mentions[next].type)
    {
      after = end + 1
    }
    if after < openToken, let found = speakerMention(index, mentions, at: after) { return found }
    var subject = verb - 1
    while subject >= 0 && text.sentenceOf[subject] == sentence {
      // A name inside an earlier quotation is not who speaks this one.
      if ["\"", "”", "“"].contains(text.lower[subject]) { return nil }
      if let found = speakerMention(index, mentions, at: subject) { return found }
      if pronouns.contains(text.lower[subject]) {
        guard personPronouns.contains(text.lower[subject]) else { return nil }
        return lastPerson(
          mentions, before: subject, text: text, gender: PersonGender.pronouns[text.lower[subject]],
          genders: genders)
      }
      subject -= 1
    }
    return nil
  }

  /// The canonical name of a person or organisation mention at `token`.
  static func speakerMention(_ index: MentionIndex, _ mentions: [Mention], at token: Int) -> String? {
    guard let found = index.at(token), let key = mentions[found].entityKey else { return nil }
    // A person, an organisation, or a country speaking ("Beijing said"); not a
    // nationality ("the Chinese embassy spokesman").
    switch mentions[found].type {
    case .person, .organization, .geopolitical: return key.name
    default: return nil
    }
  }

  /// Whom "he" or "she" before `token` means: the first person named in the same
  /// sentence before it, else in the nearest sentence before that names one — the
  /// subject a reader carries over, rather than the last name read ("Harris attacked
  /// Donald Trump. ... she told a crowd").
  /// "he" passes over a person known to be a woman, and "she" over a man.
  static func lastPerson(
    _ mentions: [Mention], before token: Int, text: DocumentText, gender: PersonGender.Gender? = nil,
    genders: [String: PersonGender.Gender] = [:]
  ) -> String? {
    guard token >= 0, token < text.tokens.count else { return nil }
    let offset = Int32(text.tokens[token].start)
    var sentence = text.sentenceOf[token]
    func fits(_ mention: Mention) -> Bool {
      guard let gender, let name = mention.entityKey?.name, let known = genders[name] else { return true }
      return known == gender
    }
    while sentence >= 0 {
      if let first = mentions.first(where: {
        $0.type == .person && $0.sentence == sentence && $0.end <= offset && fits($0)
      }) {
        return first.entityKey?.name
      }
      sentence -= 1
    }
    return nil
  }
}
