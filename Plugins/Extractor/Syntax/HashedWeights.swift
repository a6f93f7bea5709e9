import QuarryExtractorResources

/// Where a linear classifier's weights come from: a trained table when tagging and
/// parsing, the current weights while training. Each feature is a 64-bit key with one
/// weight per class.
protocol ClassWeights {
  var classCount: Int { get }
  /// Adds the weights of feature `key` for every class to `scores`.
  func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>)
  /// Adds the weights of all the features to `scores`.
  func accumulate(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>)
}

extension ClassWeights {
  func accumulate(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
    for feature in features { accumulate(feature, into: scores) }
  }
}

/// Trained weights of a classifier with any number of classes, behind the same flat hash
/// table as the entity tagger's. Each feature's row keeps only its classes whose weight is
/// not zero once quantised to a signed byte times the row's scale: most of the parser's
/// features are updated for a few of its 100-odd moves, so sparse rows make the model a
/// tenth of the size and quicker to read.
struct HashedWeights: ClassWeights, Sendable {
  let classCount: Int
  /// The features, in the order of their rows (the model file needs them; the table keeps
  /// only part of each).
  let keys: [UInt64]
  private let table: KeyTable
  /// The rows in order: for each, its scale's two halves, then its entry count and its
  /// entries (each a class number in the low byte and its weight as a signed byte in the
  /// high byte), or `denseMarker` and every class's byte. A feature's weights are one load
  /// away from its slot in the table, which maps keys to offsets here.
  private let blob: [UInt16]

  /// Quantises floating-point rows to bytes and drops the zeros.
  init(classCount: Int, keys: [UInt64], floats: [Float]) {
    var scales: [Float] = []
    var starts: [UInt32] = [0]
    var entries: [UInt16] = []
    scales.reserveCapacity(keys.count)
    starts.reserveCapacity(keys.count + 1)
    for row in keys.indices {
      let weights = floats[row * classCount..<(row + 1) * classCount]
      let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
      let scale = largest == 0 ? 1 : largest / 127
      scales.append(scale)
      for (offset, weight) in weights.enumerated() {
        let value = Int8((weight / scale).rounded())
        if value != 0 { entries.append(UInt16(offset) | UInt16(UInt8(bitPattern: value)) << 8) }
      }
      starts.append(UInt32(entries.count))
    }
    self.init(classCount: classCount, keys: keys, scales: scales, starts: starts, entries: entries)
  }

  /// Row r's entries are `entries[starts[r]..<starts[r + 1]]`, as the model file has them.
  init(classCount: Int, keys: [UInt64], scales: [Float], starts: [UInt32], entries: [UInt16]) {
    precondition(scales.count == keys.count && starts.count == keys.count + 1)
    self.classCount = classCount
    self.keys = keys
    var table = KeyTable(capacity: keys.count)
    var blob: [UInt16] = []
    let padded = Self.padded(classCount)
    blob.reserveCapacity(keys.count * 3 + entries.count)
    for (row, key) in keys.enumerated() {
      table.set(key, Int32(blob.count))
      let bits = scales[row].bitPattern
      let rowEntries = entries[Int(starts[row])..<Int(starts[row + 1])]
      blob.append(UInt16(truncatingIfNeeded: bits))
      blob.append(UInt16(truncatingIfNeeded: bits >> 16))
      if rowEntries.count * 4 > classCount {
        // Dense: every class's byte, padded to whole vectors, two to a slot.
        blob.append(Self.denseMarker)
        var bytes = [UInt8](repeating: 0, count: padded)
        for entry in rowEntries { bytes[Int(entry & 0xFF)] = UInt8(entry >> 8) }
        for pair in stride(from: 0, to: padded, by: 2) {
          blob.append(UInt16(bytes[pair]) | UInt16(bytes[pair + 1]) << 8)
        }
      } else {
        blob.append(UInt16(rowEntries.count))
        blob.append(contentsOf: rowEntries)
      }
    }
    self.table = table
    self.blob = blob
  }

  /// The entry count of a row kept dense.
  private static let denseMarker: UInt16 = 0xFFFF

  /// The class count rounded up to whole vectors of 16; score buffers must have this room.
  static func padded(_ classCount: Int) -> Int { (classCount + 15) & ~15 }

  /// Adds a row to the scores: a dense row in vectors, a sparse one entry by entry. Most of
  /// the parser's time is here.
  @inline(__always)
  private func add(_ row: UnsafePointer<UInt16>, into scores: UnsafeMutablePointer<Float>) {
    let scale = Float(bitPattern: UInt32(row[0]) | UInt32(row[1]) << 16)
    let count = row[2]
    if count == Self.denseMarker {
      UnsafeRawPointer(row + 3).withMemoryRebound(to: CChar.self, capacity: classCount) { weights in
        quarry_add_scaled_bytes(scores, weights, scale, Int32(classCount))
      }
      return
    }
    for position in 3..<(3 + Int(count)) {
      let entry = row[position]
      scores[Int(entry & 0xFF)] += Float(Int8(bitPattern: UInt8(entry >> 8))) * scale
    }
  }

  @inline(__always)
  func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>) {
    guard let offset = table.row(key) else { return }
    blob.withUnsafeBufferPointer { add($0.baseAddress! + Int(offset), into: scores) }
  }

  /// All the features at once, in three passes so that their memory loads overlap: ask
  /// for every slot, then find every row and ask for it, then add the rows up.
  @inline(__always)
  func accumulate(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
    do {
      for feature in features { table.prefetch(feature) }
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: features.count) { offsets in
        blob.withUnsafeBufferPointer { blob in
          let base = blob.baseAddress!
          for (index, feature) in features.enumerated() {
            let offset = table.row(feature) ?? -1
            offsets[index] = offset
            if offset >= 0 { quarry_prefetch(base + Int(offset)) }
          }
          for offset in offsets where offset >= 0 { add(base + Int(offset), into: scores) }
        }
      }
    }
  }

  /// Appends the table to a model file: class and row counts, keys, scales, row starts,
  /// entries.
  func write(to writer: inout ModelWriter) {
    // The scales, row starts and entries, read back from the rows.
    var scales: [Float] = []
    var starts: [UInt32] = [0]
    var entries: [UInt16] = []
    var offset = 0
    for _ in keys.indices {
      scales.append(Float(bitPattern: UInt32(blob[offset]) | UInt32(blob[offset + 1]) << 16))
      let count = blob[offset + 2]
      offset += 3
      if count == Self.denseMarker {
        for label in 0..<classCount {
          let byte = UInt8(truncatingIfNeeded: blob[offset + label / 2] >> (8 * UInt16(label % 2)))
          if byte != 0 { entries.append(UInt16(label) | UInt16(byte) << 8) }
        }
        offset += Self.padded(classCount) / 2
      } else {
        entries.append(contentsOf: blob[offset..<offset + Int(count)])
        offset += Int(count)
      }
      starts.append(UInt32(entries.count))
    }
    writer.write32(UInt32(classCount))
    writer.write32(UInt32(keys.count))
    writer.write32(UInt32(entries.count))
    for key in keys { writer.write64(key) }
    for scale in scales { writer.write32(scale.bitPattern) }
    for start in starts { writer.write32(start) }
    for entry in entries {
      writer.bytes.append(UInt8(truncatingIfNeeded: entry))
      writer.bytes.append(UInt8(truncatingIfNeeded: entry >> 8))
    }
  }

  init(reading reader: inout ModelReader) throws {
    let classes = Int(try reader.read32())
    let rows = Int(try reader.read32())
    let entryCount = Int(try reader.read32())
    guard classes > 0, classes <= 256 else { throw reader.error("a weight table with \(classes) classes") }
    try reader.need(rows * (8 + 4 + 4) + 4 + entryCount * 2)
    var keys = [UInt64]()
    keys.reserveCapacity(rows)
    for _ in 0..<rows { keys.append(try reader.read64()) }
    var scales = [Float]()
    scales.reserveCapacity(rows)
    for _ in 0..<rows { scales.append(Float(bitPattern: try reader.read32())) }
    var starts = [UInt32]()
    starts.reserveCapacity(rows + 1)
    for _ in 0...rows { starts.append(try reader.read32()) }
    guard starts.first == 0, starts.last == UInt32(entryCount),
      zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
    else { throw reader.error("row starts out of order") }
    let bytes = try reader.readBytes(entryCount * 2)
    var entries = [UInt16]()
    entries.reserveCapacity(entryCount)
    for index in 0..<entryCount {
      let entry = UInt16(bytes[2 * index]) | UInt16(bytes[2 * index + 1]) << 8
      guard Int(entry & 0xFF) < classes else { throw reader.error("a weight for a class past the last") }
      entries.append(entry)
    }
    self.init(classCount: classes, keys: keys, scales: scales, starts: starts, entries: entries)
  }
}

/// Trains an averaged perceptron with any number of classes. Deterministic: rows are
/// numbered in the order features are first updated, and nothing depends on a
/// dictionary's order, so the same examples in the same order give the same weights.
final class AveragedPerceptron: ClassWeights {
  let classCount: Int
  private var rows: [UInt64: Int32] = [:]
  private var keys: [UInt64] = []
  private var weights: [Float] = []
  /// Running sums for the averages: each weight's total over time, and when it last changed.
  private var totals: [Double] = []
  private var stamps: [Int32] = []
  /// How many updates each row has had.
  private var updates: [Int32] = []
  private(set) var clock: Int32 = 1
  /// Wrong decisions learnt from so far.
  private(set) var mistakes = 0

  init(classCount: Int) { self.classCount = classCount }

  func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>) {
    guard let row = rows[key] else { return }
    let base = Int(row) * classCount
    weights.withUnsafeBufferPointer { weights in
      for label in 0..<classCount { scores[label] += weights[base + label] }
    }
  }

  private func row(_ key: UInt64) -> Int {
    if let row = rows[key] { return Int(row) }
    let row = keys.count
    rows[key] = Int32(row)
    keys.append(key)
    weights.append(contentsOf: repeatElement(0, count: classCount))
    totals.append(contentsOf: repeatElement(0, count: classCount))
    stamps.append(contentsOf: repeatElement(0, count: classCount))
    updates.append(0)
    return row
  }

  /// Moves the weights of `features` towards class `right` and away from `wrong`.
  func update(_ features: UnsafeBufferPointer<UInt64>, right: Int, wrong: Int) {
    mistakes += 1
    for feature in features {
      let row = row(feature)
      updates[row] += 1
      let base = row * classCount
      change(base + right, by: 1)
      change(base + wrong, by: -1)
    }
  }

  @inline(__always)
  private func change(_ index: Int, by delta: Float) {
    totals[index] += Double(clock - stamps[index]) * Double(weights[index])
    stamps[index] = clock
    weights[index] += delta
  }

  /// One decision made: the averages count time in decisions.
  func tick() { clock += 1 }

  /// The averaged weights, without rows too small to change a decision and, where
  /// `minimumUpdates` is above 1, without features learnt from fewer wrong decisions: those
  /// seen once or twice in training are noise that costs memory.
  func averaged(threshold: Float = 1e-3, minimumUpdates: Int32 = 1) -> HashedWeights {
    var keptKeys: [UInt64] = []
    var kept: [Float] = []
    var row = [Float](repeating: 0, count: classCount)
    for (rowIndex, key) in keys.enumerated() where updates[rowIndex] >= minimumUpdates {
      var largest: Float = 0
      for label in 0..<classCount {
        let index = rowIndex * classCount + label
        let total = totals[index] + Double(clock - stamps[index]) * Double(weights[index])
        row[label] = Float(total / Double(clock))
        largest = max(largest, abs(row[label]))
      }
      if largest >= threshold {
        keptKeys.append(key)
        kept.append(contentsOf: row)
      }
    }
    return HashedWeights(classCount: classCount, keys: keptKeys, floats: kept)
  }
}

/// Little-endian model file writing.
struct ModelWriter {
  var bytes: [UInt8] = []

  mutating func write32(_ value: UInt32) { writeInteger(value) }

  mutating func write64(_ value: UInt64) { writeInteger(value) }

  private mutating func writeInteger<Integer: FixedWidthInteger>(_ value: Integer) {
    for shift in 0..<(Integer.bitWidth / 8) { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
  }

  /// A string as its UTF-8 length and bytes.
  mutating func write(_ string: String) {
    let utf8 = Array(string.utf8)
    write32(UInt32(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  mutating func write(_ strings: [String]) {
    write32(UInt32(strings.count))
    for string in strings { write(string) }
  }
}

/// Little-endian model file reading, refusing to read past the end.
struct ModelReader {
  struct ModelError: Error, CustomStringConvertible {
    var description: String
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var offset = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func error(_ what: String) -> ModelError { ModelError(description: "the model file is damaged: \(what)") }

  func need(_ count: Int) throws {
    guard count >= 0, offset + count <= bytes.count else { throw error("it ends early") }
  }

  mutating func read32() throws -> UInt32 { try readInteger() }

  mutating func read64() throws -> UInt64 { try readInteger() }

  private mutating func readInteger<Integer: FixedWidthInteger & UnsignedInteger>() throws -> Integer {
    let size = Integer.bitWidth / 8
    try need(size)
    var value: Integer = 0
    for shift in 0..<size { value |= Integer(bytes[offset + shift]) << (8 * shift) }
    offset += size
    return value
  }

  mutating func readBytes(_ count: Int) throws -> [UInt8] {
    try need(count)
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func readString() throws -> String {
    let count = Int(try read32())
    guard let string = String(validating: try readBytes(count), as: UTF8.self) else {
      throw error("a string that is not UTF-8")
    }
    return string
  }

  mutating func readStrings() throws -> [String] {
    let count = Int(try read32())
    try need(count * 4)
    return try (0..<count).map { _ in try readString() }
  }
}
