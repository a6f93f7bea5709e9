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
