import Testing

@testable import QuarryExtractor

@Suite struct EntityLabelTests {
  @Test func spansAndLabelsRoundTrip() {
    let spans: [(range: Range<Int>, type: CoarseType)] = [
      (0..<2, .person), (3..<4, .location), (5..<8, .organization),
    ]
    let labels = EntityLabel.labels(count: 9, spans: spans)
    #expect(labels[0] == EntityLabel.make(.person, .begin))
    #expect(labels[1] == EntityLabel.make(.person, .last))
    #expect(labels[3] == EntityLabel.make(.location, .unit))
    #expect(labels[6] == EntityLabel.make(.organization, .inside))
    let back = EntityLabel.spans(labels[...])
    #expect(back.map(\.range) == spans.map(\.range))
    #expect(back.map(\.type) == spans.map(\.type))
  }

  @Test func onlyWellFormedSequencesAreAllowed() {
    let begin = EntityLabel.make(.person, .begin)
    let inside = EntityLabel.make(.person, .inside)
    let last = EntityLabel.make(.person, .last)
    let otherLast = EntityLabel.make(.location, .last)
    #expect(EntityLabel.isAllowed(begin, after: nil, last: false))
    #expect(!EntityLabel.isAllowed(begin, after: nil, last: true))
    #expect(!EntityLabel.isAllowed(inside, after: nil, last: false))
    #expect(EntityLabel.isAllowed(inside, after: begin, last: false))
    #expect(!EntityLabel.isAllowed(inside, after: begin, last: true))
    #expect(EntityLabel.isAllowed(last, after: inside, last: true))
    #expect(!EntityLabel.isAllowed(otherLast, after: begin, last: false))
    #expect(!EntityLabel.isAllowed(EntityLabel.outside, after: begin, last: false))
    #expect(EntityLabel.allowedAfter(begin, last: false) == 1 << Int(inside) | 1 << Int(last))
  }

  @Test func anUnfinishedEntityIsNotASpan() {
    let labels: [UInt8] = [EntityLabel.make(.person, .begin), EntityLabel.outside]
    #expect(EntityLabel.spans(labels[...]).isEmpty)
  }
}
