import Testing

@testable import QuarryExtractor

@Suite struct CountryNamesTests {
  @Test func knowsTheNamesNewsUses() {
    let names = CountryNames.standard
    #expect(names.country(named: "U.S.") == "United States")
    #expect(names.country(named: "america") == "United States")
    #expect(names.country(named: "PRC") == "China")
    #expect(names.country(named: "Russian Federation") == "Russia")
    #expect(names.country(named: "Britain") == "United Kingdom")
    #expect(names.country(named: "China") == "China")
    #expect(names.country(named: "Springfield") == nil)
  }

  @Test func knowsCapitals() {
    #expect(CountryNames.standard.country(withCapital: "Beijing") == "China")
    #expect(CountryNames.standard.country(withCapital: "Washington") == "United States")
    #expect(CountryNames.standard.country(withCapital: "Paris") == "France")
  }
}
