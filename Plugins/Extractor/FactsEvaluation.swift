import QuarryCore
import QuarryModel

/// Scores extraction against hand-annotated articles: for each `NAME.gold.json` in a
/// folder, the article `NAME.txt` is extracted and its entities, aliases, roles,
/// memberships, quotes (with their speakers) and events compared with the annotations.
public enum FactsEvaluation {
  /// One kind's counts.
  public struct Counts: Sendable, Equatable {
    public var gold = 0
    public var found = 0
    public var correct = 0
  }

  public static let kinds = ["entities", "aliases", "roles", "memberships", "quotes", "relations"]

  /// A fact as compared: its kind and a normalised text key, for matching and for listing.
  struct Fact: Hashable {
    var kind: String
    var key: String
  }

  /// The facts an annotation file states.
  static func gold(_ value: Value) -> Set<Fact> {
    var facts: Set<Fact> = []
    func rows(_ name: String) -> [Record] {
      guard case .record(let record) = value, case .list(let items)? = record[name] else { return [] }
      return items.compactMap { if case .record(let row) = $0 { row } else { nil } }
    }
    func text(_ row: Record, _ key: String) -> String { row[key]?.plainText ?? "" }
    for row in rows("entities") {
      facts.insert(Fact(kind: "entities", key: text(row, "name") + " / " + text(row, "type")))
      if case .list(let aliases)? = row["aliases"] {
        for alias in aliases {
          facts.insert(Fact(kind: "aliases", key: text(row, "name") + " / " + alias.plainText))
        }
      }
    }
    for row in rows("roles") {
      facts.insert(Fact(kind: "roles", key: text(row, "person") + " / " + text(row, "title").lowercased()))
    }
    for row in rows("memberships") {
      facts.insert(Fact(kind: "memberships", key: text(row, "person") + " / " + text(row, "group")))
    }
    for row in rows("quotes") {
      facts.insert(Fact(kind: "quotes", key: text(row, "speaker") + " / " + normalised(text(row, "text"))))
    }
    for row in rows("relations") {
      let negated = row["negated"]?.plainText == "true" ? " / not" : ""
      facts.insert(
        Fact(
          kind: "relations",
          key: text(row, "subject") + " / " + text(row, "predicate") + " / " + text(row, "object") + negated))
    }
    return facts
  }

  static let scoredTypes: Set<EntityType> = [
    .person, .organization, .geopolitical, .location, .nationality, .facility, .event, .product, .law,
    .workOfArt,
    .language, .miscellaneous,
  ]

  /// The facts extraction found in an article.
  static func found(_ annotations: DocumentAnnotations) -> Set<Fact> {
    var facts: Set<Fact> = []
    for mention in annotations.mentions {
      guard let (name, type) = mention.entityKey, scoredTypes.contains(type) else { continue }
      facts.insert(Fact(kind: "entities", key: name + " / " + type.rawValue))
      if mention.text != name { facts.insert(Fact(kind: "aliases", key: name + " / " + mention.text)) }
    }
    for relation in annotations.relations {
      switch relation.predicate {
      case "role":
        facts.insert(Fact(kind: "roles", key: relation.subject + " / " + relation.object.lowercased()))
      case "member_of":
        facts.insert(Fact(kind: "memberships", key: relation.subject + " / " + relation.object))
      default:
        guard relation.eventClass != nil else { continue }
        let negated = relation.negated ? " / not" : ""
        facts.insert(
          Fact(
            kind: "relations",
            key: relation.subject + " / " + relation.predicate + " / " + relation.object + negated))
      }
    }
    // The annotations list direct quotations.
    for quote in annotations.quotes where !quote.indirect {
      facts.insert(Fact(kind: "quotes", key: (quote.speaker ?? "") + " / " + normalised(quote.text)))
    }
    return facts
  }

  /// How a gold fact and a found one match: exactly, except that a role's title may
  /// carry more words before the same head ("campaign spokeswoman" for "spokeswoman"),
  /// and a quotation annotated by its first words and "…" matches one that begins with
  /// them (so that an annotation need not copy an article's whole quotation).
  static func matches(_ kind: String) -> (Fact, Fact) -> Bool {
    if kind == "quotes" {
      return { gold, found in
        guard gold.key.hasSuffix("…") else { return gold == found }
        return found.key.hasPrefix(gold.key.dropLast())
      }
    }
    guard kind == "roles" else { return { $0 == $1 } }
    return { gold, found in
      guard let goldSplit = gold.key.firstRange(of: " / "), let foundSplit = found.key.firstRange(of: " / "),
        gold.key[..<goldSplit.lowerBound] == found.key[..<foundSplit.lowerBound]
      else { return false }
      let goldTitle = gold.key[goldSplit.upperBound...]
      let foundTitle = found.key[foundSplit.upperBound...]
      return goldTitle == foundTitle || foundTitle.hasSuffix(" " + goldTitle)
        || goldTitle.hasSuffix(" " + foundTitle)
    }
  }

  /// Quotation text without the punctuation and space at its ends, in lower case.
  static func normalised(_ text: String) -> String {
    let edges = ",.;:!? \n\t\"“”'".unicodeScalars
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first, edges.contains(first) { scalars.removeFirst() }
    while let last = scalars.last, edges.contains(last) { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars)).lowercased()
  }

  struct AnnotationError: Error, CustomStringConvertible {
    var description: String
  }

  /// The articles of a folder with their annotations, as (id, article path, gold facts).
  static func articles(in folder: String) throws -> [(id: String, path: String, gold: Set<Fact>)] {
    let names = try FilePaths.list(folder).filter { $0.hasSuffix(".gold.json") }.sorted()
    return try names.map { name in
      let id = String(name.dropLast(".gold.json".count))
      let json = try FilePaths.readText(folder + "/" + name)
      let value: Value
      do {
        value = try JSON.decode(json)
      } catch {
        throw AnnotationError(description: "\(folder)/\(name): \(error)")
      }
      return (id, folder + "/" + id + ".txt", gold(value))
    }
  }
}

/// `facts evaluate`: precision and recall of entities, roles, quotes and relations.
struct FactsEvaluateCommand: Command {
  let signature = Signature(
    "facts evaluate", abstract: "Score extraction against hand-annotated articles",
    discussion: """
      For every NAME.gold.json in the folder, extracts NAME.txt and compares: entities (name
      and type), aliases (entity and other name), roles (person and title, case ignored),
      memberships, quotations (speaker and words must both match) and events (subject,
      predicate and object all right, and negation). A role's title may have more words
      before the same head ("campaign spokeswoman" for "spokeswoman"); a quotation
      annotated as its first words and "…" matches one that begins with them.
      Scripts/gold holds articles written for Quarry with their annotations.
      """,
    parameters: [
      Parameter("folder", .path, help: "a folder of NAME.txt articles and NAME.gold.json annotations")
    ],
    flags: [Flag("errors", help: "list every missed and wrong fact instead of the scores")],
    input: .none, output: .table,
    examples: [Example("facts evaluate Scripts/gold", "precision and recall per kind of fact")])

  func run(_ invocation: Invocation) throws -> Value {
    let folder = FilePaths.expandingTilde(invocation.string("folder") ?? "")
    guard FilePaths.isDirectory(folder) else {
      throw invocation.error("no such folder: '\(folder)'", at: "folder")
    }
    let articles: [(id: String, path: String, gold: Set<FactsEvaluation.Fact>)]
    do {
      articles = try FactsEvaluation.articles(in: folder)
    } catch {
      throw invocation.error("\(error)", at: "folder")
    }
    guard !articles.isEmpty else {
      throw invocation.error("no NAME.gold.json annotations in '\(folder)'", at: "folder")
    }
    let annotator = Annotator()
    var counts: [String: FactsEvaluation.Counts] = [:]
    var errors: [[Value]] = []
    for article in articles {
      let text: String
      do {
        text = try FilePaths.readText(article.path)
      } catch {
        throw invocation.error("cannot read '\(article.path)': \(error)", at: "folder")
      }
      let document = DocumentReader().plainText(text, id: article.id, source: article.path)
      let found = FactsEvaluation.found(annotator.annotate(document))
      for kind in FactsEvaluation.kinds {
        let gold = article.gold.filter { $0.kind == kind }
        let mine = found.filter { $0.kind == kind }
        let matches = FactsEvaluation.matches(kind)
        let missed = gold.filter { fact in !mine.contains { matches(fact, $0) } }
        let wrong = mine.filter { fact in !gold.contains { matches($0, fact) } }
        counts[kind, default: .init()].gold += gold.count
        counts[kind, default: .init()].found += mine.count
        counts[kind, default: .init()].correct += gold.count - missed.count
        for fact in missed.sorted(by: { $0.key < $1.key }) {
          errors.append([.string(article.id), .string(kind), .string("missed"), .string(fact.key)])
        }
        for fact in wrong.sorted(by: { $0.key < $1.key }) {
          errors.append([.string(article.id), .string(kind), .string("wrong"), .string(fact.key)])
        }
      }
    }
    if invocation.isSet("errors") {
      return .table(Table(columns: ["doc", "kind", "error", "fact"], rows: errors))
    }
    func percent(_ part: Int, _ whole: Int) -> Value {
      whole == 0 ? .null : .float((Double(part) * 1000 / Double(whole)).rounded() / 10)
    }
    let rows: [[Value]] = FactsEvaluation.kinds.map { kind in
      let count = counts[kind] ?? .init()
      return [
        .string(kind), .int(count.gold), .int(count.found), .int(count.correct),
        percent(count.correct, count.found),
        percent(count.correct, count.gold),
      ]
    }
    return .table(Table(columns: ["kind", "gold", "found", "correct", "precision", "recall"], rows: rows))
  }
}
