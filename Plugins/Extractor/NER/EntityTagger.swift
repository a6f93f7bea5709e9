/// The statistical named-entity tagger: an averaged perceptron over word, shape, affix,
/// context, gazetteer and document-history features, decoding BILOU labels greedily.
///
/// Written here rather than taken from a library: no Swift package in reach does sequence
/// labelling, and a hand-written hash-table lookup keeps the tagger at well over a million
/// tokens a second.
public final class EntityTagger: Sendable {
  /// Model file layout (little-endian): "QNER", format version, label count, row count,
  /// then every row's 64-bit feature key, every row's scale as a Float32, and every row's
  /// label weights as signed bytes (weight = byte × scale). Bytes rather than floats make
  /// the model a quarter of the size, which keeps more of it in the cache while tagging;
  /// the held-out score does not move.
  static let magic: [UInt8] = Array("QNER".utf8)
  static let formatVersion: UInt32 = 2

  let weights: ModelWeights

  /// The model compiled into the binary, or nil when it has not been trained.
  public static let standard: EntityTagger? = {
    let bytes = EmbeddedResource.nerModel
    guard !bytes.isEmpty else { return nil }
    return try? EntityTagger(model: bytes)
  }()

  public struct ModelError: Error, CustomStringConvertible {
    public var description: String
  }

  public init(model bytes: UnsafeBufferPointer<UInt8>) throws {
    var offset = 0
    func read32() throws -> UInt32 {
      guard offset + 4 <= bytes.count else { throw ModelError(description: "the model file is truncated") }
      var value: UInt32 = 0
      for shift in 0..<4 { value |= UInt32(bytes[offset + shift]) << (8 * shift) }
      offset += 4
      return value
    }
    guard bytes.count >= 16, Array(bytes[0..<4]) == Self.magic else {
      throw ModelError(description: "not a Quarry tagger model")
    }
    offset = 4
    guard try read32() == Self.formatVersion else {
      throw ModelError(description: "the model was written by another version of Quarry")
    }
    guard try read32() == UInt32(EntityLabel.count) else {
      throw ModelError(description: "the model has a different label set")
    }
    let rows = Int(try read32())
    let count = EntityLabel.count
    guard bytes.count == offset + rows * (8 + 4 + count) else {
      throw ModelError(description: "the model file has the wrong length")
    }
    var keys = [UInt64](repeating: 0, count: rows)
    for row in 0..<rows {
      var key: UInt64 = 0
      for shift in 0..<8 { key |= UInt64(bytes[offset + row * 8 + shift]) << (8 * shift) }
      keys[row] = key
    }
    offset += rows * 8
    var scales = [Float](repeating: 0, count: rows)
    for row in 0..<rows {
      var bits: UInt32 = 0
      for shift in 0..<4 { bits |= UInt32(bytes[offset + row * 4 + shift]) << (8 * shift) }
      scales[row] = Float(bitPattern: bits)
    }
    offset += rows * 4
    let values = (0..<rows * count).map { Int8(bitPattern: bytes[offset + $0]) }
    weights = ModelWeights(keys: keys, scales: scales, values: values)
  }

  init(weights: ModelWeights) { self.weights = weights }

  /// The model file's bytes for these weights.
  static func serialize(_ weights: ModelWeights) -> [UInt8] {
    var bytes = magic
    func write32(_ value: UInt32) {
      for shift in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
    }
    write32(formatVersion)
    write32(UInt32(EntityLabel.count))
    write32(UInt32(weights.keys.count))
    for key in weights.keys {
      for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: key >> (8 * shift))) }
    }
    for scale in weights.scales { write32(scale.bitPattern) }
    for value in weights.values { bytes.append(UInt8(bitPattern: value)) }
    return bytes
  }

  /// Labels for every token of a document; `cache` remembers word scores between calls
  /// on one thread.
  func labels(_ input: TaggerInput, cache: WordScoreCache? = nil) -> [UInt8] {
    TaggerFeatures.decode(input, weights: weights, cache: cache)
  }

  /// Entities as token ranges with their types.
  public func entities(tokens: [TextToken], sentences: [Range<Int>]) -> [(
    range: Range<Int>, type: CoarseType
  )] {
    let input = TaggerInput(tokens: tokens, sentences: sentences)
    return EntityLabel.spans(labels(input)[...])
  }

  public var featureCount: Int { weights.keys.count }
}

/// Trained weights behind a hash table from feature key to row; each row's weights are
/// signed bytes times the row's scale.
struct ModelWeights: TaggerWeights, Sendable {
  let keys: [UInt64]
  let scales: [Float]
  let values: [Int8]
  private let table: KeyTable
  /// The transition features' weights for every pair of previous labels (nil first),
  /// summed ahead: the beam asks for them for every hypothesis.
  private let transitions: [Float]

  /// Quantises floating-point rows to bytes.
  init(keys: [UInt64], floats: [Float]) {
    let count = EntityLabel.count
    var scales: [Float] = []
    var values: [Int8] = []
    scales.reserveCapacity(keys.count)
    values.reserveCapacity(floats.count)
    for row in keys.indices {
      let weights = floats[row * count..<(row + 1) * count]
      let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
      let scale = largest == 0 ? 1 : largest / 127
      scales.append(scale)
      for weight in weights { values.append(Int8((weight / scale).rounded())) }
    }
    self.init(keys: keys, scales: scales, values: values)
  }

  init(keys: [UInt64], scales: [Float], values: [Int8]) {
    self.keys = keys
    self.scales = scales
    self.values = values
    var table = KeyTable(capacity: keys.count)
    for (row, key) in keys.enumerated() { table.set(key, Int32(row)) }
    self.table = table
    let count = EntityLabel.count
    var transitions = [Float](repeating: 0, count: (count + 1) * (count + 1) * count)
    for previous in -1..<count {
      for previous2 in -1..<count {
        let offset = ((previous + 1) * (count + 1) + previous2 + 1) * count
        let (first, second) = TaggerFeatures.transitionFeatures(
          previous: previous < 0 ? nil : UInt8(previous), previous2: previous2 < 0 ? nil : UInt8(previous2))
        for key in [first, second] {
          guard let row = table.row(key) else { continue }
          for label in 0..<count {
            transitions[offset + label] += Float(values[Int(row) * count + label]) * scales[Int(row)]
          }
        }
      }
    }
    self.transitions = transitions
  }

  @inline(__always)
  func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>) {
    guard let row = table.row(key) else { return }
    let scale = scales.withUnsafeBufferPointer { $0[Int(row)] }
    values.withUnsafeBufferPointer { values in
      let base = values.baseAddress! + Int(row) * EntityLabel.count
      for label in 0..<EntityLabel.count { scores[label] += Float(base[label]) * scale }
    }
  }

  @inline(__always)
  func accumulateTransitions(previous: UInt8?, previous2: UInt8?, into scores: UnsafeMutablePointer<Float>) {
    let count = EntityLabel.count
    let offset =
      ((previous.map { Int($0) + 1 } ?? 0) * (count + 1) + (previous2.map { Int($0) + 1 } ?? 0)) * count
    transitions.withUnsafeBufferPointer { transitions in
      for label in 0..<count { scores[label] += transitions[offset + label] }
    }
  }
}
