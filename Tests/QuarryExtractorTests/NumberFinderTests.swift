import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct NumberFinderTests {
  func values(_ text: String) -> [String] {
    let tokens = Tokenizer.tokenize(text)
    let lower = tokens.map { $0.text.lowercased() }
    let taken = [Bool](repeating: false, count: tokens.count)
    return NumberFinder.find(tokens, lower: lower, taken: taken, in: 0..<tokens.count).map { found in
      found.range.map { tokens[$0].text }.joined(separator: " ") + "/" + found.type.rawValue
    }
  }

  @Test func findsMoneyPercentagesAndQuantities() {
    #expect(values("a $1.5 billion deal") == ["$ 1.5 billion/MONEY"])
    #expect(values("rose 3 percent to 20 euros") == ["3 percent/PERCENT", "20 euros/MONEY"])
    #expect(values("fell 4.5% over 20 km") == ["4.5 %/PERCENT", "20 km/QUANTITY"])
  }

  @Test func findsOrdinalsCardinalsAndTimes() {
    #expect(values("the second time in 21st place") == ["second/ORDINAL", "21st/ORDINAL"])
    #expect(values("2,000 people and two dogs") == ["2,000/CARDINAL", "two/CARDINAL"])
    #expect(values("at 3:30 p.m.") == ["3:30 p.m./TIME"])
  }

  @Test func skipsTakenTokens() {
    let tokens = Tokenizer.tokenize("May 5 and 7")
    let lower = tokens.map { $0.text.lowercased() }
    let taken = [true, true, false, false]
    let found = NumberFinder.find(tokens, lower: lower, taken: taken, in: 0..<tokens.count)
    #expect(found.map(\.range) == [3..<4])
  }
}
