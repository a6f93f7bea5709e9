import QuarryCore
import QuarryModel

/// Reads a `--type` flag (see `EntityType.flag`).
func entityTypes(_ invocation: Invocation) throws -> Set<EntityType>? { try EntityType.flag(invocation) }

/// Reads a `--doc` flag: the index of a document of the workspace.
func documentIndex(_ invocation: Invocation, _ workspace: Workspace, argument: String = "doc") throws -> Int?
{
  guard let id = invocation.string(argument) else { return nil }
  guard let index = workspace.documents.firstIndex(where: { $0.id == id }) else {
    let help = Suggestion.nearest(to: id, in: workspace.documents.map(\.id)).map { "did you mean '\($0)'?" }
    throw invocation.error(
      "no document '\(id)' in the workspace", at: argument, help: help ?? "see `documents`")
  }
  return index
}

/// Warns when some ingested articles have not been through `extract`.
func warnIfPending(_ invocation: Invocation, _ workspace: Workspace) {
  let pending = workspace.annotations.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
  if pending > 0 {
    invocation.session.warn(
      "\(pending) article\(pending == 1 ? " is" : "s are") not extracted yet: run `extract`")
  }
}

private let typeCompletion = CompletionSource.values(EntityType.labels)
let documentCompletion = CompletionSource.dynamic { session in
  Workspace.of(session).documents.map(\.id)
}

/// `entities`: one row per entity, with how often and where it is mentioned.
struct EntitiesCommand: Command {
  let signature = Signature(
    "entities", abstract: "List the entities found by extract",
    discussion: """
      One row per entity: its canonical name and type, the other names it goes by, how many
      mentions and how many articles. Sorted by mentions, most first. The name pattern is
      case-insensitive and may use * and ? wildcards; without any it matches anywhere in
      the name.
      """,
    parameters: [
      Parameter(
        "pattern", help: "only names matching this", optional: true,
        completion: .dynamic { session in Workspace.of(session).entities.map(\.name) })
    ],
    flags: [
      Flag(
        "type", short: "t", .any, help: "only this type, or these: [PERSON ORG]", completion: typeCompletion),
      Flag(
        "doc", short: "d", .string, help: "only entities mentioned in this document",
        completion: documentCompletion),
      Flag("min-mentions", short: "m", .int, help: "only entities mentioned at least this often"),
      Flag("limit", short: "n", .int, help: "at most this many rows"),
    ],
    input: .none, output: .table,
    examples: [
      Example("entities --type PERSON --limit 10", "the ten most mentioned people"),
      Example("entities 'Lloyd*'", "entities whose name starts with Lloyd"),
      Example("entities | where docs > 1 | select name type docs", "entities in more than one article"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let types = try entityTypes(invocation)
    let minimum = invocation.int("min-mentions") ?? 0
    let pattern = invocation.string("pattern").map(NamePattern.init)
    var selected = workspace.entities
    if let document = try documentIndex(invocation, workspace) {
      var counts: [String: Int] = [:]
      for mention in workspace.annotations[document]?.mentions ?? [] {
        guard let (name, type) = workspace.entityKey(of: mention) else { continue }
        counts[name + "\u{0}" + type.rawValue, default: 0] += 1
      }
      selected = selected.filter { counts[$0.name + "\u{0}" + $0.type.rawValue] != nil }
    }
    selected = selected.filter { entity in
      (types?.contains(entity.type) ?? true) && entity.mentionCount >= minimum
        && (pattern?.matches(entity.name) ?? true)
    }
    selected.sort { a, b in
      a.mentionCount != b.mentionCount ? a.mentionCount > b.mentionCount : (a.name, a.type) < (b.name, b.type)
    }
    if let limit = invocation.int("limit") {
      guard limit >= 0 else { throw invocation.error("--limit must not be negative", at: "limit") }
      selected = Array(selected.prefix(limit))
    }
    let rows: [[Value]] = selected.map { entity in
      [
        .int(entity.id), .string(entity.name), .string(entity.type.rawValue),
        .list(entity.aliases.map(Value.string)),
        .int(entity.mentionCount), .int(entity.documentCount),
      ]
    }
    return .table(Table(columns: ["id", "name", "type", "aliases", "mentions", "docs"], rows: rows))
  }
}

/// `mentions`: every span extraction found, with offsets into the article's text.
struct MentionsCommand: Command {
  let signature = Signature(
    "mentions", abstract: "List the mentions found by extract, with their offsets",
    discussion: """
      One row per mention in document order: the document id, [start, end) offsets in
      Unicode code points into the article's text as ingested, the text, its type, the
      canonical entity it refers to (null for dates and numbers) and the normalised value
      (ISO 8601 for dates).
      """,
    flags: [
      Flag(
        "type", short: "t", .any, help: "only this type, or these: [DATE TITLE]", completion: typeCompletion),
      Flag("doc", short: "d", .string, help: "only this document", completion: documentCompletion),
    ],
    input: .none, output: .table,
    examples: [
      Example("mentions --type DATE", "every date with its resolved value"),
      Example(
        "ingest Scripts/corpus; extract; mentions --type [TITLE PERSON]",
        "the people and titles of the articles"),
      Example(
        "mentions | where entity == 'Lloyd Austin' | select doc start end text", "where one person is named"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let types = try entityTypes(invocation)
    let only = try documentIndex(invocation, workspace)
    var rows: [[Value]] = []
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations, only == nil || only == index else { continue }
      let id = Value.string(workspace.documents[index].id)
      for mention in annotations.mentions where types?.contains(mention.type) ?? true {
        rows.append([
          id, .int(Int(mention.start)), .int(Int(mention.end)), .string(mention.text),
          .string(mention.type.rawValue),
          workspace.entityKey(of: mention).map { .string($0.name) } ?? .null,
          mention.value.map(Value.string) ?? .null, .int(Int(mention.sentence)),
        ])
      }
    }
    return .table(
      Table(columns: ["doc", "start", "end", "text", "type", "entity", "value", "sentence"], rows: rows))
  }
}

/// A name filter: `*` and `?` wildcards over the whole name, or a substring; either way
/// ignoring case.
struct NamePattern {
  let pattern: [Character]
  let isWildcard: Bool
  let lowered: String

  init(_ text: String) {
    lowered = text.lowercased()
    pattern = Array(lowered)
    isWildcard = text.contains("*") || text.contains("?")
  }

  func matches(_ name: String) -> Bool {
    let name = name.lowercased()
    guard isWildcard else { return name.contains(lowered) }
    let characters = Array(name)
    // Iterative wildcard matching with backtracking to the last `*`.
    var p = 0
    var n = 0
    var star = -1
    var mark = 0
    while n < characters.count {
      if p < pattern.count && (pattern[p] == "?" || pattern[p] == characters[n]) {
        p += 1
        n += 1
      } else if p < pattern.count && pattern[p] == "*" {
        star = p
        mark = n
        p += 1
      } else if star >= 0 {
        p = star + 1
        mark += 1
        n = mark
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}
