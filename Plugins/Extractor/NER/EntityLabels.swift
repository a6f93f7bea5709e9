/// The four types the statistical tagger tells apart, as CoNLL-2003 names them; rules
/// refine them into OntoNotes types afterwards.
public enum CoarseType: Int, CaseIterable, Sendable {
  case person, organization, location, miscellaneous

  /// PER, ORG, LOC or MISC.
  public var conllName: String {
    switch self {
    case .person: "PER"
    case .organization: "ORG"
    case .location: "LOC"
    case .miscellaneous: "MISC"
    }
  }

  public init?(conllName: String) {
    guard let type = CoarseType.allCases.first(where: { $0.conllName == conllName }) else { return nil }
    self = type
  }
}

/// BILOU labels: 0 is outside; then for each type, Begin, Inside, Last and Unit.
enum EntityLabel {
  static let count = 1 + 4 * CoarseType.allCases.count
  static let outside: UInt8 = 0

  enum Position: Int { case begin = 0, inside, last, unit }

  static func make(_ type: CoarseType, _ position: Position) -> UInt8 {
    UInt8(1 + 4 * type.rawValue + position.rawValue)
  }
  static func type(_ label: UInt8) -> CoarseType? {
    label == 0 ? nil : CoarseType(rawValue: (Int(label) - 1) / 4)
  }
  static func position(_ label: UInt8) -> Position? {
    label == 0 ? nil : Position(rawValue: (Int(label) - 1) % 4)
  }

  /// Whether `label` may follow `previous` (`nil` at a sentence start) and, at the end of
  /// a sentence, end it.
  static func isAllowed(_ label: UInt8, after previous: UInt8?, last: Bool) -> Bool {
    let open = previous.flatMap { p -> CoarseType? in
      let position = self.position(p)
      return position == .begin || position == .inside ? type(p) : nil
    }
    let position = self.position(label)
    if let open {
      // Inside an entity: only Inside or Last of the same type.
      guard type(label) == open, position == .inside || position == .last else { return false }
      return !(last && position == .inside)
    }
    if position == .inside || position == .last { return false }
    return !(last && position == .begin)
  }

  /// The labels allowed after `previous` as a bit set, precomputed for speed.
  private static let allowedTable: [UInt32] = {
    var table: [UInt32] = []
    for last in [false, true] {
      for previous in -1..<count {
        var bits: UInt32 = 0
        for label in 0..<count
        where isAllowed(UInt8(label), after: previous < 0 ? nil : UInt8(previous), last: last) {
          bits |= 1 << label
        }
        table.append(bits)
      }
    }
    return table
  }()

  @inline(__always)
  static func allowedAfter(_ previous: UInt8?, last: Bool) -> UInt32 {
    allowedTable[(last ? count + 1 : 0) + (previous.map { Int($0) + 1 } ?? 0)]
  }

  /// Token ranges and types of the entities in a label sequence.
  static func spans(_ labels: ArraySlice<UInt8>) -> [(range: Range<Int>, type: CoarseType)] {
    var spans: [(range: Range<Int>, type: CoarseType)] = []
    var start: Int?
    for index in labels.indices {
      let label = labels[index]
      guard let type = type(label), let position = position(label) else {
        start = nil
        continue
      }
      switch position {
      case .unit: spans.append((index..<index + 1, type))
      case .begin: start = index
      case .inside: break
      case .last:
        if let begin = start { spans.append((begin..<index + 1, type)) }
        start = nil
      }
    }
    return spans
  }

  /// The BILOU labels of tokens covered by typed spans (token ranges).
  static func labels(count: Int, spans: [(range: Range<Int>, type: CoarseType)]) -> [UInt8] {
    var labels = [UInt8](repeating: outside, count: count)
    for span in spans {
      if span.range.count == 1 {
        labels[span.range.lowerBound] = make(span.type, .unit)
        continue
      }
      for index in span.range {
        let position: Position =
          index == span.range.lowerBound ? .begin : index == span.range.upperBound - 1 ? .last : .inside
        labels[index] = make(span.type, position)
      }
    }
    return labels
  }
}
