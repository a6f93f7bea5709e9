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

  public init(
    start: Int, end: Int, text: String, type: EntityType, canonical: String? = nil, value: String? = nil,
    sentence: Int = 0
  ) {
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.text = text
    self.type = type
    self.canonical = canonical
    self.value = value
    self.sentence = Int32(clamping: sentence)
  }
}

/// What extraction found in one document.
public struct DocumentAnnotations: Sendable {
  public var tokenCount: Int
  public var sentenceCount: Int
  public var mentions: [Mention]

  public init(tokenCount: Int, sentenceCount: Int, mentions: [Mention]) {
    self.tokenCount = tokenCount
    self.sentenceCount = sentenceCount
    self.mentions = mentions
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
