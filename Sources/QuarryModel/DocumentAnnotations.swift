/// What extraction found in one document.
public struct DocumentAnnotations: Sendable {
  public var tokenCount: Int
  public var sentenceCount: Int
  public var mentions: [Mention]
  public var relations: [Relation]
  public var quotes: [Quote]
  /// The clauses read from the parse: who did what to whom, for every noun phrase.
  public var clauses: [Clause]
  /// The parse of every token, where a syntax model was at hand.
  public var syntax: DocumentSyntax?

  public init(
    tokenCount: Int, sentenceCount: Int, mentions: [Mention], relations: [Relation] = [],
    quotes: [Quote] = [], clauses: [Clause] = [],
    syntax: DocumentSyntax? = nil
  ) {
    self.clauses = clauses
    self.syntax = syntax
    self.tokenCount = tokenCount
    self.sentenceCount = sentenceCount
    self.mentions = mentions
    self.relations = relations
    self.quotes = quotes
  }
}
