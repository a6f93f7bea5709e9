import QuarryModel

/// Speakers of direct quotations read from the parse, where the words around a quotation
/// named none or only an organisation or a country: the subject of the clause that governs the quotation, as the clause
/// finder resolved it (a pronoun, "the company", a title).
///
/// - The quotation is the complement of a verb of saying (`Pompeo said the release "gives
///   us hope"`, `issued a statement warning that "voters are entitled …"`), or a verb of
///   saying hangs from it (`"…," Claure said in the email, which was seen by …`).
/// - A partial quotation inside any clause is the words of that clause's subject
///   (`she described this as the "worst case scenario"`, `accused him of years of
///   "incessant, manipulative bullying"`).
///
/// A subject that is no entity ("officers announced") leaves the speaker unknown.
enum QuoteSpeakers {
  /// How far up the tree a quotation's governor is looked for.
  static let reach = 6

  static func assign(_ quotes: inout [Quote], readings: [ClauseFinder.Reading], parsed: ParsedText) {
    let text = parsed.text
    let tree = parsed.tree
    guard !quotes.isEmpty, tree.count == text.tokens.count, !readings.isEmpty else { return }
    var readingOf: [Int: Int] = [:]
    for (number, reading) in readings.enumerated() where reading.clause.kind == .verb {
      if readingOf[reading.predicate] == nil { readingOf[reading.predicate] = number }
    }
    for position in quotes.indices where !quotes[position].indirect {
      // The words around named an organisation or a country: the parse may find the
      // person it qualifies ("Mark Milley, chairman of the Joint Chiefs of Staff, told").
      let found = quotes[position].speaker
      if let found, parsed.entityTypes[found] == .person { continue }
      let start = Int(quotes[position].start)
      let end = Int(quotes[position].end)
      let first = text.tokens.firstIndex(endingAfter: start)
      var last = first
      while last < text.tokens.count && text.tokens[last].start < end { last += 1 }
      guard first < last else { continue }
      let inside = first..<last
      let speaker = governors(of: inside, tree: tree, readingOf: readingOf, readings: readings).lazy
        .compactMap {
          reading -> String? in
          guard let speaker = reading.clause.subject?.entities.first, let type = parsed.entityTypes[speaker],
            found == nil ? [.person, .organization, .geopolitical].contains(type) : type == .person
          else { return nil }
          return speaker
        }.first
      guard let speaker else { continue }
      quotes[position].speaker = speaker
    }
  }

  /// The clauses whose words the quotation's tokens may be, nearest first: a verb of
  /// saying that hangs from the quotation (`"…," she said`), then the clauses above it —
  /// verbs of saying it is the complement of, or, for a partial quotation, any clause it
  /// is inside.
  static func governors(
    of inside: Range<Int>, tree: DependencyTree, readingOf: [Int: Int], readings: [ClauseFinder.Reading]
  ) -> [ClauseFinder.Reading] {
    var found: [ClauseFinder.Reading] = []
    for token in inside {
      for child in tree.children(token) {
        let child = Int(child)
        guard !inside.contains(child), let number = readingOf[child],
          ClauseFinder.saying.contains(readings[number].clause.predicate)
        else { continue }
        found.append(readings[number])
      }
    }
    let whole = inside.contains {
      tree.partOfSpeech[$0] == .verb && tree.head($0).map(inside.contains) != true
    }
    for token in inside {
      guard let head = tree.head(token), !inside.contains(head) else { continue }
      var current: Int? = head
      var steps = 0
      while let at = current, steps < reach {
        if let number = readingOf[at] {
          let reading = readings[number]
          if ClauseFinder.saying.contains(reading.clause.predicate) || !whole { found.append(reading) }
        }
        current = tree.head(at)
        steps += 1
      }
    }
    return found
  }
}
