import QuarryCore

/// OntoNotes-style entity and value types, plus TITLE for roles and MISC where nothing
/// finer fits. The raw values are the labels Quarry prints.
public enum EntityType: String, CaseIterable, Sendable, Comparable {
  case person = "PERSON"
  case organization = "ORG"
  case geopolitical = "GPE"
  case location = "LOC"
  case nationality = "NORP"
  case facility = "FAC"
  case event = "EVENT"
  case product = "PRODUCT"
  case law = "LAW"
  case workOfArt = "WORK_OF_ART"
  case language = "LANGUAGE"
  case date = "DATE"
  case time = "TIME"
  case money = "MONEY"
  case percent = "PERCENT"
  case quantity = "QUANTITY"
  case cardinal = "CARDINAL"
  case ordinal = "ORDINAL"
  case title = "TITLE"
  case miscellaneous = "MISC"

  /// Whether mentions of this type name something that becomes an entity; dates and
  /// numbers are values instead.
  public var isNamed: Bool {
    switch self {
    case .date, .time, .money, .percent, .quantity, .cardinal, .ordinal: false
    default: true
    }
  }

  /// The CoNLL-2003 type this maps to when scoring against CoNLL data, if any.
  public var conllName: String? {
    switch self {
    case .person: "PER"
    case .organization: "ORG"
    case .geopolitical, .location, .facility: "LOC"
    case .nationality, .event, .product, .workOfArt, .law, .language, .miscellaneous: "MISC"
    default: nil
    }
  }

  public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }

  /// All labels, for help texts and error messages.
  public static var labels: [String] { allCases.map(\.rawValue) }

  /// Reads the `--type` flag of `invocation`: a label, a list of labels (`[PERSON ORG]`)
  /// or a comma-separated string (`"PERSON,ORG"`); nil when it is not given. An unknown
  /// label is an error listing the valid ones.
  public static func flag(_ invocation: Invocation, _ name: String = "type") throws -> Set<EntityType>? {
    guard let value = invocation.value(name) else { return nil }
    if case .null = value { return nil }
    let parts: [String]
    if case .list(let items) = value {
      parts = items.map(\.plainText)
    } else {
      parts = value.plainText.split(separator: ",").map(String.init)
    }
    var types: Set<EntityType> = []
    for part in parts {
      guard let type = EntityType(rawValue: part.filter { !$0.isWhitespace }.uppercased()) else {
        throw invocation.error(
          "unknown entity type '\(part)'", at: name, help: "the types are " + labels.joined(separator: ", "))
      }
      types.insert(type)
    }
    return types
  }
}

/// A span of a document's text that names an entity or gives a value.
public struct Mention: Sendable, Equatable {
  /// `[start, end)` in code points of the document's text as ingested.
  public var start: Int32
  public var end: Int32
  public var text: String
  public var type: EntityType
  /// The canonical name of the entity within the document ("Lloyd Austin" for "Austin");
  /// nil for value types.
  public var canonical: String?
  /// The normalised value: ISO 8601 for dates.
  public var value: String?
  /// The sentence the mention is in, counted from 0.
  public var sentence: Int32
  /// The type of the entity it refers to, where that differs from the mention's own:
  /// "Chinese" (NORP) refers to China (GPE).
  public var entityType: EntityType?

  public init(
    start: Int, end: Int, text: String, type: EntityType, canonical: String? = nil, value: String? = nil,
    sentence: Int = 0, entityType: EntityType? = nil
  ) {
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.text = text
    self.type = type
    self.canonical = canonical
    self.value = value
    self.sentence = Int32(clamping: sentence)
    self.entityType = entityType
  }

  /// The entity's canonical name and type, for named mentions.
  public var entityKey: (name: String, type: EntityType)? {
    type.isNamed ? (canonical ?? text, entityType ?? type) : nil
  }
}

/// A fact between two entities, or an entity and a value (a role's title), with where it
/// was read: `Lloyd Austin` `role` `Defense Secretary`; `Li Shangfu` `member_of` `China`.
public struct Relation: Sendable, Equatable {
  public var subject: String
  /// A lemma (`meet`, `shoot down`), or `role`, `member_of`, `represents`.
  public var predicate: String
  public var object: String
  /// When it happened, ISO 8601, where the text says.
  public var date: String?
  public var sentence: Int32
  public var confidence: Double
  /// The evidence: `[start, end)` in code points of the document's text.
  public var start: Int32
  public var end: Int32
  public var negated: Bool
  /// The event class, in the spirit of CAMEO (consult, reject, fight...); nil for roles.
  public var eventClass: String?
  /// +1 for cooperation, -1 for conflict, 0 for neither.
  public var sign: Int8

  public init(
    subject: String, predicate: String, object: String, date: String? = nil, sentence: Int,
    confidence: Double,
    start: Int, end: Int, negated: Bool = false, eventClass: String? = nil, sign: Int = 0
  ) {
    self.eventClass = eventClass
    self.sign = Int8(clamping: sign)
    self.subject = subject
    self.predicate = predicate
    self.object = object
    self.date = date
    self.sentence = Int32(clamping: sentence)
    self.confidence = confidence
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.negated = negated
  }
}

/// A direct quotation and who said it.
public struct Quote: Sendable, Equatable {
  /// The canonical name of the speaker; nil when the text does not say.
  public var speaker: String?
  /// The words inside the quotation marks.
  public var text: String
  /// `[start, end)` of the quoted words in code points of the document's text.
  public var start: Int32
  public var end: Int32
  public var sentence: Int32

  public init(speaker: String?, text: String, start: Int, end: Int, sentence: Int) {
    self.speaker = speaker
    self.text = text
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.sentence = Int32(clamping: sentence)
  }
}

/// What extraction found in one document.
public struct DocumentAnnotations: Sendable {
  public var tokenCount: Int
  public var sentenceCount: Int
  public var mentions: [Mention]
  public var relations: [Relation]
  public var quotes: [Quote]

  public init(
    tokenCount: Int, sentenceCount: Int, mentions: [Mention], relations: [Relation] = [], quotes: [Quote] = []
  ) {
    self.tokenCount = tokenCount
    self.sentenceCount = sentenceCount
    self.mentions = mentions
    self.relations = relations
    self.quotes = quotes
  }
}

/// An entity across the workspace: one per canonical name and type.
public struct Entity: Sendable {
  public var id: Int
  public var name: String
  public var type: EntityType
  /// Other names the entity goes by in the text, in order of first appearance.
  public var aliases: [String]
  public var mentionCount: Int
  public var documentCount: Int
  /// The last document counted in `documentCount`.
  var lastDocument: Int
}
