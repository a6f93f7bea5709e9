import Testing

@testable import QuarryExtractor

@Suite struct GazetteerTests {
  func matches(_ text: String) -> [(String, Gazetteer.Kinds)] {
    let tokens = Tokenizer.tokenize(text)
    var buffer: [UInt8] = []
    let lowers = tokens.map { WordFeatures($0.text, buffer: &buffer).lower }
    return Gazetteer.standard.matches(lowerHashes: lowers, in: 0..<tokens.count).map { match in
      (match.range.map { tokens[$0].text }.joined(separator: " "), match.kinds)
    }
  }

  @Test func findsTheLongestPlaceNames() {
    let found = matches("Officials in the United States and Bosnia and Herzegovina met in Singapore")
    #expect(found.map(\.0) == ["United States", "Bosnia and Herzegovina", "Singapore"])
    #expect(found[0].1.contains(.country))
    #expect(found[2].1.contains(.city) || found[2].1.contains(.country))
  }

  @Test func knowsShortFormsSubdivisionsAndDemonyms() {
    #expect(matches("the U.S. said").first?.1.contains(.country) == true)
    #expect(matches("in California").first?.1.contains(.subdivision) == true)
    #expect(matches("Chinese officials").first?.1.contains(.demonym) == true)
    #expect(Gazetteer.standard.demonymTarget("Chinese") == "China")
    #expect(Gazetteer.standard.demonymTarget("Israelis") == "Israel")
    #expect(Gazetteer.standard.demonymTarget("Table") == nil)
  }

  @Test func knowsTitleWords() {
    #expect(matches("the spokesman").first?.1.contains(.titleHead) == true)
    #expect(matches("Defense").first?.1.contains(.titleModifier) == true)
  }
}
