import QuarryCore

/// A path pattern in the style of Cypher's `MATCH`: nodes with labels and properties,
/// joined by relationships with types, a direction and a number of hops.
///
///     (p:PERSON)-[:meet]->(q:PERSON)
///     (a {name: 'China'})-[r:urge|meet*1..3]-(b:GPE|NORP)
///     (p)<-[:member_of]-(:PERSON {party: 'R'})
struct GraphPattern {
  struct Node {
    var variable: String?
    /// Any of these labels; empty for any label.
    var labels: [String] = []
    var properties: [(String, Value)] = []
    /// Where the node starts in the pattern text (a character index).
    var position: Int
  }

  struct Relationship {
    enum Direction { case out, `in`, either }
    var variable: String?
    /// Any of these types; empty for any type.
    var types: [String] = []
    var direction: Direction
    var minimumHops = 1
    /// Nil when the pattern sets no upper bound (`*`, `*2..`).
    var maximumHops: Int? = 1
    var properties: [(String, Value)] = []
    var position: Int

    var isSingleHop: Bool { minimumHops == 1 && maximumHops == 1 }
  }

  var nodes: [Node]
  /// `relationships[i]` joins `nodes[i]` and `nodes[i + 1]`.
  var relationships: [Relationship]

  /// The same pattern read from its other end.
  var reversed: GraphPattern {
    GraphPattern(
      nodes: nodes.reversed(),
      relationships: relationships.reversed().map { relationship in
        var flipped = relationship
        flipped.direction =
          switch relationship.direction {
          case .out: .in
          case .in: .out
          case .either: .either
          }
        return flipped
      })
  }
}

/// A mistake in a pattern, at a character index of its text.
struct PatternError: Error {
  var message: String
  var position: Int
}
