import QuarryCore
import QuarryModel

/// `clauses`: who did what to whom in every sentence, read from the parse.
struct ClausesCommand: Command {
  static let columns = [
    "subject", "predicate", "object", "arguments", "negated", "modality", "tense", "passive", "said_by",
    "subject_entity", "object_entity", "kind", "doc", "sentence", "start", "end", "evidence",
  ]

  let signature = Signature(
    "clauses", abstract: "List the clauses of the extracted articles: subject, predicate, object, arguments",
    discussion: """
      One row per clause read from the dependency parse, for every noun phrase and not only
      named ones: the subject, the predicate (a lemma with its particle, or `be` for copulas
      and appositions), the object, the other arguments as a record (by preposition, or
      `time`, `place` and `to`), whether it is negated, its modality and tense, whether the
      sentence put it in the passive (the subject is then the agent), who reported it
      (`said_by`, for clauses under a verb of saying), the entities the subject and object
      name or stand for (a pronoun or "the company" resolved), the kind (verb, copula,
      apposition), the document, sentence, [start, end) offsets and the evidence text.
      --about keeps the clauses whose subject or object is the entity; --named keeps those
      whose subject and object both name entities.
      """,
    flags: [
      Flag(
        "about", short: "a", .string, help: "only clauses whose subject or object is this entity",
        completion: entityNameCompletion),
      Flag("predicate", short: "p", .string, help: "only this predicate (a lemma: launch, buy, be...)"),
      Flag(
        "kind", short: "k", .string, help: "only this kind: verb, copula or apposition",
        completion: .values(Clause.Kind.allCases.map(\.rawValue))),
      Flag("named", short: "n", help: "only clauses whose subject and object both name entities"),
      Flag("doc", short: "d", .string, help: "only this document", completion: documentCompletion),
    ],
    input: .none, output: .table,
    examples: [
      Example("clauses --named | select subject_entity predicate object_entity", "who did what to whom"),
      Example(
        "ingest Scripts/corpus; extract; clauses --predicate decline | select subject object",
        "what was declined, and by whom"),
    ])

  func run(_ invocation: Invocation) throws -> Value {
    let workspace = Workspace.of(invocation.session)
    warnIfPending(invocation, workspace)
    let about = try knownEntityName(invocation, "about", workspace)
    let predicate = invocation.string("predicate")?.lowercased()
    let kind = try invocation.string("kind").map { name in
      guard let kind = Clause.Kind(rawValue: name) else {
        throw invocation.error(
          "unknown clause kind '\(name)'", at: "kind",
          help: "the kinds are " + Clause.Kind.allCases.map(\.rawValue).joined(separator: ", "))
      }
      return kind
    }
    let named = invocation.isSet("named")
    let only = try documentIndex(invocation, workspace)
    var rows: [[Value]] = []
    for (index, annotations) in workspace.annotations.enumerated() {
      guard let annotations, only == nil || only == index, !annotations.clauses.isEmpty else { continue }
      let document = workspace.documents[index]
      let scalars = Array(document.text.unicodeScalars)
      func text(_ phrase: ClausePhrase?) -> Value {
        guard let phrase else { return .null }
        return .string(Self.oneLine(scalars, Int(phrase.start), Int(phrase.end)))
      }
      func entity(_ phrase: ClausePhrase?) -> Value {
        guard let first = phrase?.entities.first else { return .null }
        return .string(workspace.resolve(first))
      }
      for clause in annotations.clauses {
        if let predicate, clause.predicate != predicate { continue }
        if let kind, clause.kind != kind { continue }
        if named && (clause.subject?.entities.isEmpty ?? true || clause.object?.entities.isEmpty ?? true) {
          continue
        }
        if let about {
          let names = ((clause.subject?.entities ?? []) + (clause.object?.entities ?? [])).map(
            workspace.resolve)
          guard names.contains(about) else { continue }
        }
        var arguments = Record()
        for argument in clause.arguments {
          let value = Self.oneLine(scalars, Int(argument.phrase.start), Int(argument.phrase.end))
          if let earlier = arguments[argument.role] {
            arguments[argument.role] = .string(earlier.plainText + "; " + value)
          } else {
            arguments[argument.role] = .string(value)
          }
        }
        rows.append([
          text(clause.subject), .string(clause.predicate), text(clause.object), .record(arguments),
          .bool(clause.negated), clause.modality.map(Value.string) ?? .null,
          clause.tense.map(Value.string) ?? .null, .bool(clause.passive),
          clause.saidBy?.entities.isEmpty == false ? entity(clause.saidBy) : text(clause.saidBy),
          entity(clause.subject), entity(clause.object), .string(clause.kind.rawValue), .string(document.id),
          .int(Int(clause.sentence)), .int(Int(clause.start)), .int(Int(clause.end)),
          .string(Self.oneLine(scalars, Int(clause.start), Int(clause.end))),
        ])
      }
    }
    return .table(Table(columns: Self.columns, rows: rows))
  }

  /// `[start, end)` of the text with each run of white space made one space.
  static func oneLine(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var result = String.UnicodeScalarView()
    var space = false
    for scalar in scalars[max(0, start)..<min(end, scalars.count)] {
      if scalar.properties.isWhitespace {
        space = true
        continue
      }
      if space && !result.isEmpty { result.append(" ") }
      space = false
      result.append(scalar)
    }
    return String(result)
  }
}
