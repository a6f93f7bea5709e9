import QuarryModel

/// A document as the readers of its parse see it — the clause finder, its events and its
/// roles: the text, the dependency tree and the mentions, with what they all derive from
/// them made once: which mention covers each token, each entity's type and each person's
/// gender.
struct ParsedText {
  let text: DocumentText
  let tree: DependencyTree
  let mentions: [Mention]
  /// Each mention's tokens.
  let ranges: [Range<Int>]
  let index: MentionIndex
  /// The type of each entity named in the document, by canonical name.
  let entityTypes: [String: EntityType]
  /// The gender of each person, where the article or the first name tells it.
  let genders: [String: PersonGender.Gender]

  init(
    _ text: DocumentText, tree: DependencyTree, mentions: [Mention], ranges: [Range<Int>],
    genders: [String: PersonGender.Gender]
  ) {
    self.text = text
    self.tree = tree
    self.mentions = mentions
    self.ranges = ranges
    self.index = MentionIndex(tokenCount: text.tokens.count, ranges: ranges)
    var types: [String: EntityType] = [:]
    for mention in mentions {
      if let key = mention.entityKey, types[key.name] == nil { types[key.name] = key.type }
    }
    self.entityTypes = types
    self.genders = genders
  }
}
