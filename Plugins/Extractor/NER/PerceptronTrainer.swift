/// Trains the tagger's averaged perceptron. Training is deterministic: documents are
/// shuffled by a fixed-seed generator and rows are numbered in the order features are
/// first updated, so the same training file gives the same model file, byte for byte.
final class PerceptronTrainer: TaggerWeights {
  private var rows: [UInt64: Int32] = [:]
  private var keys: [UInt64] = []
  private var weights: [Float] = []
  /// Running sums for the averages: each weight's total over time, and when it last changed.
  private var totals: [Double] = []
  private var stamps: [Int32] = []
  private var clock: Int32 = 1

  func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>) {
    guard let row = rows[key] else { return }
    let base = Int(row) * EntityLabel.count
    for label in 0..<EntityLabel.count { scores[label] += weights[base + label] }
  }

  private func row(_ key: UInt64) -> Int {
    if let row = rows[key] { return Int(row) }
    let row = keys.count
    rows[key] = Int32(row)
    keys.append(key)
    weights.append(contentsOf: repeatElement(0, count: EntityLabel.count))
    totals.append(contentsOf: repeatElement(0, count: EntityLabel.count))
    stamps.append(contentsOf: repeatElement(0, count: EntityLabel.count))
    return row
  }

  private func update(_ index: Int, by delta: Float) {
    totals[index] += Double(clock - stamps[index]) * Double(weights[index])
    stamps[index] = clock
    weights[index] += delta
  }

  /// One pass over the documents in the given order.
  func epoch(_ documents: [(input: TaggerInput, gold: [UInt8])], order: [Int]) -> (tokens: Int, mistakes: Int)
  {
    var tokens = 0
    var mistakes = 0
    for index in order {
      let document = documents[index]
      let labels = TaggerFeatures.decode(document.input, weights: self, gold: document.gold) {
        features, label, delta in
        for feature in features { update(row(feature) * EntityLabel.count + Int(label), by: delta) }
      }
      for (label, right) in zip(labels, document.gold) where label != right { mistakes += 1 }
      tokens += document.gold.count
      clock += 1
    }
    return (tokens, mistakes)
  }

  /// The averaged weights, without rows too small to change a decision.
  func averaged(threshold: Float = 1e-3) -> ModelWeights {
    var keptKeys: [UInt64] = []
    var kept: [Float] = []
    let count = EntityLabel.count
    var row = [Float](repeating: 0, count: count)
    for (rowIndex, key) in keys.enumerated() {
      var largest: Float = 0
      for label in 0..<count {
        let index = rowIndex * count + label
        let total = totals[index] + Double(clock - stamps[index]) * Double(weights[index])
        row[label] = Float(total / Double(clock))
        largest = max(largest, abs(row[label]))
      }
      if largest >= threshold {
        keptKeys.append(key)
        kept.append(contentsOf: row)
      }
    }
    return ModelWeights(keys: keptKeys, floats: kept)
  }
}
