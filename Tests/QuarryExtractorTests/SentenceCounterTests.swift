import Testing

@testable import QuarryExtractor

@Suite struct SentenceCounterTests {
  @Test(arguments: [
    ("One. Two.", 2),
    ("U.S. Defense Secretary Lloyd Austin met Mr. Li. It went badly.", 2),
    ("House Speaker Kevin McCarthy, R-Calif., spoke.", 1),
    ("", 0),
    ("No full stop at the end", 1),
  ])
  func counts(_ text: String, _ expected: Int) {
    #expect(SentenceCounter.count(text.unicodeScalars) == expected)
  }
}
