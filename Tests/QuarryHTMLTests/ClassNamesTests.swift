import Testing

@testable import QuarryHTML

@Suite struct ClassNamesTests {
  func kind(_ names: String) -> ClassNames.Kind { ClassNames.classify(Array(names.utf8)) }

  @Test func weighsArticleAndFurnitureWords() {
    #expect(kind("article-body").weight == 25)
    #expect(kind("social-share").weight == -25)
    #expect(kind("main-content related").weight == 0)
    #expect(kind("grid col-6").weight == 0)
  }

  @Test func setsAsideFurnitureButNeverABodysName() {
    #expect(kind("related-articles").isFurniture)
    #expect(kind("ad-slot").isFurniture)
    #expect(kind("dfp-tag-wrapper").isFurniture)
    #expect(!kind("article-body-share").isFurniture)
    #expect(!kind("twitter-tweet").isFurniture)
    #expect(!kind("headline-list shadow").isFurniture == false)
  }

  @Test func matchesShortWordsOnlyWhole() {
    #expect(kind("ad").isFurniture)
    #expect(!kind("header-adjacent-heading").isFurniture)
    #expect(!kind("download").isFurniture)
  }
}
