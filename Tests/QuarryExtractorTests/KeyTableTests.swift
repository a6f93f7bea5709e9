import Testing

@testable import QuarryExtractor

@Suite struct KeyTableTests {
  @Test func findsWhatWasSetAndNothingElse() {
    var table = KeyTable(capacity: 1000)
    for number in 0..<1000 { table.set(FeatureHash.mix(UInt64(number), 7), Int32(number)) }
    #expect(table.count == 1000)
    for number in 0..<1000 { #expect(table.row(FeatureHash.mix(UInt64(number), 7)) == Int32(number)) }
    for number in 1000..<2000 { #expect(table.row(FeatureHash.mix(UInt64(number), 7)) == nil) }
  }

  @Test func settingAKeyAgainReplacesItsRow() {
    var table = KeyTable(capacity: 4)
    table.set(42, 1)
    table.set(42, 2)
    #expect(table.row(42) == 2)
    #expect(table.count == 1)
  }
}
