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
