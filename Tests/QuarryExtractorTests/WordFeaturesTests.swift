import Testing

@testable import QuarryExtractor

@Suite struct WordFeaturesTests {
  func features(_ text: String) -> WordFeatures {
    var buffer: [UInt8] = []
    return WordFeatures(text, buffer: &buffer)
  }

  @Test func lowerCaseFoldsCaseAndDigits() {
    #expect(features("China").lower == features("CHINA").lower)
    #expect(features("1996").lower == features("2023").lower)
    #expect(features("China").exact != features("CHINA").exact)
    #expect(features("Éric").lower == features("ÉRIC").lower)
  }

  @Test func shapesTellCapitalsFromOtherWords() {
    #expect(features("China").shortShape == features("Beijing").shortShape)
    #expect(features("China").shortShape != features("CHINA").shortShape)
    #expect(features("U.S.").shortShape == features("U.N.").shortShape)
    #expect(features("1996-08-22").shape == features("2023-05-30").shape)
    #expect(features("China").isCapitalized && !features("china").isCapitalized)
    #expect(features("NATO").isAllCaps && !features("Nato").isAllCaps)
  }

  /// The hashes are part of the committed model: they must not change from run to run
  /// or from build to build.
  @Test func hashesAreStable() {
    #expect(FeatureHash.string("quarry") == 6_340_313_681_612_243_265)
    #expect(FeatureHash.mix(3, 4) == 8_553_501_701_266_112_589)
    #expect(FeatureHash.mix(1, 2) == FeatureHash.mix(1, 2))
    #expect(FeatureHash.mix(1, 2) != FeatureHash.mix(2, 1))
  }
}
