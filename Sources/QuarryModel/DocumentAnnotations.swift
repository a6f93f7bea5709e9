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
