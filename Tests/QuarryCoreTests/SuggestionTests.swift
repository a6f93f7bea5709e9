import QuarryCore
import Testing

@Suite struct SuggestionTests {
  @Test func findsTyposAndTranspositions() {
    #expect(Suggestion.nearest(to: "entites", in: ["entities", "mentions"]) == "entities")
    #expect(Suggestion.nearest(to: "srot", in: ["sort", "skip"]) == "sort")
    #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
  }

  @Test func saysNothingWhenNothingIsClose() {
    #expect(Suggestion.nearest(to: "zzzzzz", in: ["sort", "where"]) == nil)
  }
}
