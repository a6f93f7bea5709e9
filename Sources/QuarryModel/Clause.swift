/// A phrase of a clause — its subject, object, an argument or who reported it — as a span
/// of the document's text and the entities it names or stands for.
public struct ClausePhrase: Sendable, Equatable {
  /// `[start, end)` in code points of the document's text.
  public var start: Int32
  public var end: Int32
  /// Canonical names of the entities the phrase names or stands for: one for "Microsoft",
  /// for "it" resolved to Microsoft or for "the U.S. military"; each of "Smith and Jones".
  public var entities: [String]
  /// Whether the entities were resolved from a pronoun or a description ("it", "the
  /// company") rather than named in the phrase.
  public var resolved: Bool

  public init(start: Int, end: Int, entities: [String] = [], resolved: Bool = false) {
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.entities = entities
    self.resolved = resolved
  }
}

/// One clause read from a sentence's dependency tree: who did what to whom, with the
/// predicate's lemma, negation, modality and tense, and its other arguments. Passives are
/// turned active ("Law and Justice, led by Kaczyński" gives Kaczyński lead Law and
/// Justice); subjects understood from control, coordination and relative clauses are
/// filled in.
public struct Clause: Sendable, Equatable {
  /// What kind of structure the clause was read from.
  public enum Kind: String, Sendable, CaseIterable {
    /// A verb and its arguments: "China launched exercises".
    case verb
    /// A copula: "X is the head of Y" (predicate `be`).
    case copula
    /// An apposition: "Andrzej Duda, an ally of Law and Justice" (predicate `be`).
    case apposition
  }

  /// An argument other than subject and object: `obl` and `iobj` dependents, named by
  /// their preposition ("around"), or `time`, `place` or `to` (an indirect object).
  public struct Argument: Sendable, Equatable {
    public var role: String
    public var phrase: ClausePhrase

    public init(role: String, phrase: ClausePhrase) {
      self.role = role
      self.phrase = phrase
    }
  }

  public var kind: Kind
  /// Who acts: the agent of a passive, the noun a relative clause describes, the
  /// controller of an infinitive. Nil when the sentence does not say.
  public var subject: ClausePhrase?
  /// The verb's lemma with its particle ("shoot down"), or `be` for copulas and appositions.
  public var predicate: String
  /// What is acted on: the direct object, the patient of a passive, a copula's complement,
  /// or the reported clause of a verb of saying.
  public var object: ClausePhrase?
  /// A nominal object's noun with the words before it that modify it ("large-scale
  /// exercises" of "large-scale exercises around the island"); nil when the object is a
  /// reported clause, a pronoun or missing. What `graph build --things` names a thing by.
  public var objectNoun: ClausePhrase?
  public var arguments: [Argument]
  /// The text denies it ("did not meet"), or it is what was declined or refused.
  public var negated: Bool
  /// The modal verb that qualifies it: `would`, `could`, `may`, `might`, `must`, `should`, `can`.
  public var modality: String?
  /// `past`, `present` or `future`; nil for infinitives and participles.
  public var tense: String?
  /// Whether the sentence put it in the passive voice.
  public var passive: Bool
  /// Who reported it, for a clause under a verb of saying: "Microsoft said it would buy
  /// Activision" gives the buying clause `saidBy` Microsoft.
  public var saidBy: ClausePhrase?
  /// The sentence, counted from 0.
  public var sentence: Int32
  /// The evidence: `[start, end)` in code points, from the first word of the clause to its last.
  public var start: Int32
  public var end: Int32

  public init(
    kind: Kind, subject: ClausePhrase?, predicate: String, object: ClausePhrase?, arguments: [Argument] = [],
    negated: Bool = false, modality: String? = nil, tense: String? = nil, passive: Bool = false,
    saidBy: ClausePhrase? = nil, sentence: Int, start: Int, end: Int
  ) {
    self.kind = kind
    self.subject = subject
    self.predicate = predicate
    self.object = object
    self.arguments = arguments
    self.negated = negated
    self.modality = modality
    self.tense = tense
    self.passive = passive
    self.saidBy = saidBy
    self.sentence = Int32(clamping: sentence)
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
  }
}
