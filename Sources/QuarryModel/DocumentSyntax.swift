/// The names behind a syntax model's tag and relation numbers, shared by every document
/// it parsed.
public final class SyntaxLabels: Sendable {
  /// Universal Dependencies parts of speech, by tag number.
  public let upos: [String]
  /// Penn Treebank tags, by tag number.
  public let xpos: [String]
  /// Dependency relations, by relation number.
  public let relations: [String]

  public init(upos: [String], xpos: [String], relations: [String]) {
    precondition(upos.count == xpos.count)
    self.upos = upos
    self.xpos = xpos
    self.relations = relations
  }
}

/// A document's parse: for every token of the extraction, its tags, lemma, head and
/// relation. Kept as numbers beside a shared label table, about 40 bytes a token.
public struct DocumentSyntax: Sendable {
  public struct Token: Sendable, Equatable {
    /// `[start, end)` in code points of the document's text.
    public var start: Int32
    public var end: Int32
    /// The sentence, counted from 0.
    public var sentence: Int32
    /// The head's token number in the document, or -1 for the root of its sentence.
    public var head: Int32
    public var tag: UInt8
    public var relation: UInt8

    public init(start: Int32, end: Int32, sentence: Int32, head: Int32, tag: UInt8, relation: UInt8) {
      self.start = start
      self.end = end
      self.sentence = sentence
      self.head = head
      self.tag = tag
      self.relation = relation
    }
  }

  public let labels: SyntaxLabels
  public var tokens: [Token]
  public var lemmas: [String]

  public init(labels: SyntaxLabels, tokens: [Token], lemmas: [String]) {
    precondition(tokens.count == lemmas.count)
    self.labels = labels
    self.tokens = tokens
    self.lemmas = lemmas
  }

  public func upos(_ index: Int) -> String { labels.upos[Int(tokens[index].tag)] }
  public func xpos(_ index: Int) -> String { labels.xpos[Int(tokens[index].tag)] }
  public func relation(_ index: Int) -> String { labels.relations[Int(tokens[index].relation)] }
}
