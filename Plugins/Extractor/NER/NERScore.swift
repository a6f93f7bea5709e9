/// Exact-match scores of predicted entity spans against gold ones: a prediction counts
/// only when its start, end and type all agree.
public struct NERScore: Sendable {
  public struct Counts: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public var precision: Double {
      truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
      truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double {
      precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
  }

  public private(set) var byType: [String: Counts] = [:]

  public init() {}

  /// Adds one document's predictions and gold spans.
  public mutating func add(predicted: [TypedSpan], gold: [TypedSpan]) {
    let goldSet = Set(gold)
    let predictedSet = Set(predicted)
    for span in predictedSet {
      if goldSet.contains(span) {
        byType[span.type, default: Counts()].truePositives += 1
      } else {
        byType[span.type, default: Counts()].falsePositives += 1
      }
    }
    for span in goldSet where !predictedSet.contains(span) {
      byType[span.type, default: Counts()].falseNegatives += 1
    }
  }

  /// All types together.
  public var micro: Counts {
    byType.values.reduce(into: Counts()) { total, counts in
      total.truePositives += counts.truePositives
      total.falsePositives += counts.falsePositives
      total.falseNegatives += counts.falseNegatives
    }
  }
}
