import QuarryCore
import QuarryModel

/// Completion of canonical entity names.
let entityNameCompletion = CompletionSource.dynamic { session in
  Workspace.of(session).entities.map(\.name)
}

/// Reads a name argument that must be an entity of the workspace; an unknown one is an
/// error suggesting the nearest names.
func knownEntityName(_ invocation: Invocation, _ argument: String, _ workspace: Workspace) throws -> String? {
  guard let name = invocation.string(argument) else { return nil }
  if workspace.entities.contains(where: { $0.name == name }) { return name }
  if let entity = workspace.entities.first(where: { $0.name.lowercased() == name.lowercased() }) {
    return entity.name
  }
  let help = Suggestion.nearest(to: name, in: workspace.entities.map(\.name)).map { "did you mean '\($0)'?" }
  throw invocation.error("no entity named '\(name)'", at: argument, help: help ?? "see `entities`")
}

/// `quotes`: direct quotations and who said them.
struct QuotesCommand: Command {
  let signature = Signature(
    "quotes", abstract: "List quotations with their speakers: direct, and reported speech",
    discussion: """
      One row per quotation: the speaker's canonical name (null when the text does not say),
      the quoted words, the document, [start, end) offsets of the words in code points, the
      sentence and the kind. Direct quotations are the words inside quotation marks, their
      speakers from "...," X said / said X / X told, X said: "...", according to X, and
      quotations continued over paragraphs. Indirect ones are reported speech read from
      the parse: "X said (that) ..." gives the reported clause, spoken by X.
      """,
    flags: [
      Flag(
        "speaker", short: "s", .string, help: "only this speaker's quotations",
        completion: entityNameCompletion),
      Flag("doc", short: "d", .string, help: "only this document", completion: documentCompletion),
      Flag(
        "kind", short: "k", .string, help: "only direct or only indirect quotations",
        completion: .values(["direct", "indirect"])),
    ],
    input: .none, output: .table,
    examples: [
      Example("quotes | select speaker text", "who said what"),
      Example("quotes --kind indirect | select speaker text", "what was reported, and by whom"),
      Example(
        "ingest Scripts/corpus; extract; quotes | where speaker == null | count",
        "quotations nobody is named for"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let speaker = try knownEntityName(invocation, "speaker", workspace)
    let only = try documentIndex(invocation, workspace)
    let kind = invocation.string("kind")
    if let kind, kind != "direct" && kind != "indirect" {
      throw invocation.error(
        "unknown quotation kind '\(kind)'", at: "kind", help: "the kinds are direct and indirect")
    }
    var rows: [[Value]] = []
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations, only == nil || only == index else { continue }
      let id = Value.string(workspace.documents[index].id)
      for quote in annotations.quotes {
        let said = quote.speaker.map(workspace.resolve)
        guard speaker == nil || said == speaker else { continue }
        guard kind == nil || (kind == "indirect") == quote.indirect else { continue }
        rows.append([
          said.map(Value.string) ?? .null, .string(quote.text), id, .int(Int(quote.start)),
          .int(Int(quote.end)), .int(Int(quote.sentence)), .string(quote.indirect ? "indirect" : "direct"),
        ])
      }
    }
    return .table(
      Table(columns: ["speaker", "text", "doc", "start", "end", "sentence", "kind"], rows: rows))
  }
}

/// `relations`: facts between entities, with their evidence.
struct RelationsCommand: Command {
  static let columns = [
    "subject", "predicate", "object", "date", "doc", "sentence", "confidence", "negated", "class", "sign",
    "start",
    "end",
  ]

  let signature = Signature(
    "relations", abstract: "List relations between entities: roles, memberships and events",
    discussion: """
      One row per fact: subject, predicate (a lemma, or role / member_of / represents),
      object, date (ISO 8601, where the text gives one), document, sentence, confidence,
      and the evidence's [start, end) offsets. --about keeps the facts an entity is the
      subject or object of; --since and --until keep dated facts within the dates.
      """,
    flags: [
      Flag(
        "about", short: "a", .string, help: "only facts about this entity", completion: entityNameCompletion),
      Flag("predicate", short: "p", .string, help: "only this predicate (role, member_of, meet...)"),
      Flag(
        "class", short: "c", .string, help: "only events of this class (consult, reject, fight...)",
        completion: .values(EventLexicon.classes)),
      Flag("since", .date, help: "only facts dated on or after this date"),
      Flag("until", .date, help: "only facts dated on or before this date"),
      Flag("doc", short: "d", .string, help: "only this document", completion: documentCompletion),
    ],
    input: .none, output: .table,
    examples: [
      Example("relations --predicate role | select subject object", "who holds which title"),
      Example("ingest Scripts/corpus; extract; relations --about China", "every fact about one entity"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let about = try invocation.string("about").map { _ in try knownEntityName(invocation, "about", workspace)!
    }
    let predicate = invocation.string("predicate")
    let eventClass = invocation.string("class")
    if let eventClass, !EventLexicon.classes.contains(eventClass) {
      throw invocation.error(
        "unknown event class '\(eventClass)'", at: "class",
        help: "the classes are " + EventLexicon.classes.joined(separator: ", "))
    }
    let since = invocation.value("since").flatMap(dateOf)
    let until = invocation.value("until").flatMap(dateOf)
    let only = try documentIndex(invocation, workspace)
    var rows: [[Value]] = []
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations, only == nil || only == index else { continue }
      let id = Value.string(workspace.documents[index].id)
      for var relation in annotations.relations {
        relation.subject = workspace.resolve(relation.subject)
        relation.object = workspace.resolve(relation.object)
        if let about, relation.subject != about && relation.object != about { continue }
        if let predicate, relation.predicate != predicate { continue }
        if let eventClass, relation.eventClass != eventClass { continue }
        if since != nil || until != nil {
          guard let date = relation.date.flatMap(CalendarDate.init(iso:)) else { continue }
          if let since, date < since { continue }
          if let until, date > until { continue }
        }
        rows.append([
          .string(relation.subject), .string(relation.predicate), .string(relation.object),
          relation.date.map(Value.string) ?? .null, id, .int(Int(relation.sentence)),
          .float(relation.confidence),
          .bool(relation.negated), relation.eventClass.map(Value.string) ?? .null, .int(Int(relation.sign)),
          .int(Int(relation.start)), .int(Int(relation.end)),
        ])
      }
    }
    return .table(Table(columns: Self.columns, rows: rows))
  }
}

/// `entity NAME`: everything the workspace knows about one entity.
struct EntityCommand: Command {
  let signature = Signature(
    "entity", abstract: "Show one entity: type, aliases, roles, memberships, mentions, relations, quotes",
    discussion: """
      A record with the entity's canonical name, type, aliases, mention and document counts,
      its roles and memberships, the first and last dates of the articles that name it, a few
      mentions with their context, the relations it is in, and its quotations.
      """,
    parameters: [Parameter("name", help: "the entity's canonical name", completion: entityNameCompletion)],
    input: .none, output: .record,
    examples: [
      Example("ingest Scripts/corpus; extract; entity China | get aliases", "the other names of one entity")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    guard let name = try knownEntityName(invocation, "name", workspace),
      let entity = workspace.entities.first(where: { $0.name == name })
    else { throw invocation.error("'entity' needs a name", help: "usage: \(signature.usage)") }
    var roles: [String] = []
    var memberships: [String] = []
    var relations: [[Value]] = []
    var quotes: [[Value]] = []
    var snippets: [[Value]] = []
    var dates: [CalendarDate] = []
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations else { continue }
      let document = workspace.documents[index]
      var named = false
      for mention in annotations.mentions where workspace.entityKey(of: mention)?.name == name {
        named = true
        if snippets.count < 5 {
          snippets.append([
            .string(document.id), .string(mention.text), .string(context(document.text, mention)),
          ])
        }
      }
      if named, let date = document.date { dates.append(date) }
      for var relation in annotations.relations {
        relation.subject = workspace.resolve(relation.subject)
        relation.object = workspace.resolve(relation.object)
        guard relation.subject == name || relation.object == name else { continue }
        if relation.subject == name && relation.predicate == "role" && !roles.contains(relation.object) {
          roles.append(relation.object)
        }
        if relation.subject == name && relation.predicate == "member_of"
          && !memberships.contains(relation.object)
        {
          memberships.append(relation.object)
        }
        relations.append([
          .string(relation.subject), .string(relation.predicate), .string(relation.object),
          relation.date.map(Value.string) ?? .null, .string(document.id),
        ])
      }
      for quote in annotations.quotes where !quote.indirect && quote.speaker.map(workspace.resolve) == name {
        quotes.append([.string(quote.text), .string(document.id)])
      }
    }
    return .record(
      Record([
        "name": .string(entity.name), "type": .string(entity.type.rawValue),
        "aliases": .list(entity.aliases.map(Value.string)), "mentions": .int(entity.mentionCount),
        "docs": .int(entity.documentCount), "roles": .list(roles.map(Value.string)),
        "member_of": .list(memberships.map(Value.string)),
        "first_seen": dates.min().map(Value.date) ?? .null, "last_seen": dates.max().map(Value.date) ?? .null,
        "snippets": .table(Table(columns: ["doc", "text", "context"], rows: snippets)),
        "relations": .table(
          Table(columns: ["subject", "predicate", "object", "date", "doc"], rows: relations)),
        "quotes": .table(Table(columns: ["text", "doc"], rows: quotes)),
      ]))
  }

  /// Up to 60 code points either side of a mention, on one line.
  private func context(_ text: String, _ mention: Mention) -> String {
    let scalars = Array(text.unicodeScalars)
    let from = max(0, Int(mention.start) - 60)
    let to = min(scalars.count, Int(mention.end) + 60)
    var snippet = Tokenizer.makeString(scalars, from, to)
    snippet = String(snippet.map { $0 == "\n" ? " " : $0 })
    return (from > 0 ? "…" : "") + snippet + (to < scalars.count ? "…" : "")
  }
}

private func dateOf(_ value: Value) -> CalendarDate? {
  if case .date(let date) = value { return date }
  return CalendarDate(iso: value.plainText)
}

/// `merge`: corrects extraction by hand — two names are one entity.
struct MergeCommand: Command {
  let signature = Signature(
    "merge", abstract: "Make two entities one: the second's mentions join the first",
    discussion: """
      Every mention, relation and quotation of the second entity counts for the first from
      now on, in the articles extracted so far and those to come; the second name becomes
      one of the first's aliases, and the first keeps its type. `unmerge` undoes it.
      """,
    parameters: [
      Parameter("entity", help: "the entity to keep", completion: entityNameCompletion),
      Parameter("other", help: "the entity that is the same as it", completion: entityNameCompletion),
    ],
    input: .none, output: .record,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; merge Pentagon 'Department of Defense'",
        "two names of one organisation")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    guard let keep = try knownEntityName(invocation, "entity", workspace),
      let other = try knownEntityName(invocation, "other", workspace)
    else { throw invocation.error("'merge' needs two entity names", help: "usage: \(signature.usage)") }
    do {
      try workspace.merge(other, into: keep)
    } catch {
      throw invocation.error(error.description, at: "other")
    }
    let entity = workspace.entities.first { $0.name == workspace.resolve(keep) }
    return .record(
      Record([
        "entity": .string(workspace.resolve(keep)), "merged": .string(other),
        "mentions": .int(entity?.mentionCount ?? 0),
      ]))
  }
}

/// `unmerge`: undoes a `merge`.
struct UnmergeCommand: Command {
  let signature = Signature(
    "unmerge", abstract: "Undo a merge: the name is its own entity again",
    parameters: [
      Parameter(
        "name", help: "a name merged into another",
        completion: .dynamic { session in Workspace.of(session).merges.keys.sorted() })
    ],
    input: .none, output: .record,
    examples: [
      Example(
        "ingest Scripts/corpus; extract; merge Pentagon 'Department of Defense'; unmerge 'Department of Defense'",
        "undo a merge")
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    let name = invocation.string("name") ?? ""
    let was = workspace.merges[name]
    do {
      try workspace.unmerge(name)
    } catch {
      let merged = workspace.merges.keys.sorted()
      let help = merged.isEmpty ? "nothing is merged" : "merged names: " + merged.joined(separator: ", ")
      throw invocation.error(error.description, at: "name", help: help)
    }
    return .record(Record(["entity": .string(name), "was_merged_into": was.map(Value.string) ?? .null]))
  }
}

/// `timeline`: dated events in order.
struct TimelineCommand: Command {
  let signature = Signature(
    "timeline", abstract: "List dated events in order of date, for one entity or all",
    discussion: """
      Every event with a date, earliest first: the date, subject, predicate, object, class,
      whether it is negated, and the document. Dates of different precision sort by their
      start ("2023" before "2023-05" before "2023-05-29"). Roles and memberships are left out.
      """,
    parameters: [
      Parameter("name", help: "only this entity's events", optional: true, completion: entityNameCompletion)
    ],
    input: .none, output: .table,
    examples: [Example("ingest Scripts/corpus; extract; timeline", "the events of the articles in order")])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let about = try knownEntityName(invocation, "name", workspace)
    var events: [(date: String, row: [Value])] = []
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations else { continue }
      for var relation in annotations.relations where relation.eventClass != nil {
        guard let date = relation.date else { continue }
        relation.subject = workspace.resolve(relation.subject)
        relation.object = workspace.resolve(relation.object)
        if let about, relation.subject != about && relation.object != about { continue }
        events.append(
          (
            date,
            [
              .string(date), .string(relation.subject), .string(relation.predicate), .string(relation.object),
              relation.eventClass.map(Value.string) ?? .null, .bool(relation.negated),
              .string(workspace.documents[index].id),
            ]
          ))
      }
    }
    // ISO dates of any precision sort as text; weeks ("2023-W22") go after their year.
    let rows = events.enumerated().sorted { a, b in
      a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
    }.map(\.element.row)
    return .table(
      Table(columns: ["date", "subject", "predicate", "object", "class", "negated", "doc"], rows: rows))
  }
}
