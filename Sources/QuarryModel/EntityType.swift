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
