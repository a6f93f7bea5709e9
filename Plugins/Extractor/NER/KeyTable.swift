import QuarryExtractorResources

/// A fixed-size open-addressing hash table from 64-bit keys (already well mixed) to row
/// numbers. Swift's `Dictionary` hashes every key again with its seeded SipHash, which
/// costs more than the whole lookup here; the tagger does tens of lookups per token, most
/// of them for features the model does not have. So a slot is 8 bytes — the key's high
/// 32 bits as a tag beside the row, the low bits choosing the slot — to keep the table
/// small enough for the cache. Two keys agreeing in the slot bits and the tag, one in
/// 2^32 lookups, would share a row.
struct KeyTable: Sendable {
  private struct Slot {
    var tag: UInt32
    var row: Int32
  }

  private var slots: [Slot]
  private let mask: Int
  private(set) var count = 0

  /// A table for up to `capacity` keys.
  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = Array(repeating: Slot(tag: 0, row: -1), count: size)
    mask = size - 1
  }

  @inline(__always)
  private static func tag(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) }

  @inline(__always)
  func row(_ key: UInt64) -> Int32? {
    let tag = Self.tag(key)
    return slots.withUnsafeBufferPointer { slots in
      var index = Int(truncatingIfNeeded: key) & mask
      while true {
        let slot = slots[index]
        if slot.row < 0 { return nil }
        if slot.tag == tag { return slot.row }
        index = (index + 1) & mask
      }
    }
  }

  /// Starts loading the slot where a lookup of `key` begins.
  @inline(__always)
  func prefetch(_ key: UInt64) {
    slots.withUnsafeBufferPointer { slots in
      quarry_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: key) & mask))
    }
  }

  /// Sets the row of `key`, adding it if it is new.
  mutating func set(_ key: UInt64, _ row: Int32) {
    precondition((count + 1) * 2 <= slots.count, "KeyTable is full")
    let tag = Self.tag(key)
    var index = Int(truncatingIfNeeded: key) & mask
    while slots[index].row >= 0 {
      if slots[index].tag == tag {
        slots[index].row = row
        return
      }
      index = (index + 1) & mask
    }
    slots[index] = Slot(tag: tag, row: row)
    count += 1
  }
}
