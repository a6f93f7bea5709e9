import Testing

@testable import QuarryExtractor

@Suite struct TitleFinderTests {
  func titles(_ text: String) -> [String] {
    let tokens = Tokenizer.tokenize(text)
    let lower = tokens.map { $0.text.lowercased() }
    let places = tokens.map { ["U.S.", "Chinese", "China"].contains($0.text) }
    return TitleFinder.standard.titles(tokens, lower: lower, places: places, in: 0..<tokens.count).map {
      found in
      found.range.map { tokens[$0].text }.joined(separator: " ")
    }
  }

  @Test func findsHeadsWithTheirModifiers() {
    #expect(titles("U.S. Defense Secretary Lloyd Austin") == ["Defense Secretary"])
    #expect(titles("Liu Pengyu, the Chinese embassy spokesman, said") == ["embassy spokesman"])
    #expect(titles("a meeting with House Speaker Kevin McCarthy") == ["House Speaker"])
    #expect(titles("national security adviser Jake Sullivan") == ["national security adviser"])
  }

  @Test func ranksArePartsOfTitles() {
    #expect(titles("Maj. Gen. Anna Lee commands the division") == ["Maj. Gen."])
    #expect(titles("Air Force Brig. Gen. Pat Ryder said") == ["Air Force Brig. Gen."])
    #expect(titles("Lt. Col. Ben Ortiz said") == ["Lt. Col."])
  }

  @Test func takesOfPhrasesAndCompoundHeads() {
    #expect(titles("PRC Minister of National Defense Li Shangfu") == ["Minister of National Defense"])
    #expect(titles("Secretary of State Antony Blinken") == ["Secretary of State"])
    #expect(titles("Attorney General Merrick Garland") == ["Attorney General"])
  }

  @Test func leavesANameBeforeTheTitleAlone() {
    #expect(titles("White House National Security Adviser Jake Sullivan") == ["National Security Adviser"])
    #expect(titles("the State Department spokesman") == ["spokesman"])
  }

  @Test func ambiguousWordsAloneAreNotTitles() {
    #expect(titles("a major step for the general public") == [])
    #expect(titles("the president said") == ["president"])
    #expect(titles("President Biden") == ["President"])
  }
}
