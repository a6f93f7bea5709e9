import Testing

@testable import QuarryExtractor

@Suite struct NERScoreTests {
  @Test func countsExactMatchesOnly() {
    var score = NERScore()
    score.add(
      predicted: [
        TypedSpan(start: 0, end: 5, type: "PER"), TypedSpan(start: 10, end: 14, type: "LOC"),
        TypedSpan(start: 20, end: 25, type: "ORG"),
      ],
      gold: [
        TypedSpan(start: 0, end: 5, type: "PER"), TypedSpan(start: 10, end: 15, type: "LOC"),
        TypedSpan(start: 20, end: 25, type: "MISC"),
      ])
    #expect(score.byType["PER"] == NERScore.Counts(truePositives: 1, falsePositives: 0, falseNegatives: 0))
    #expect(score.byType["LOC"] == NERScore.Counts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
    let micro = score.micro
    #expect(micro.truePositives == 1 && micro.falsePositives == 2 && micro.falseNegatives == 2)
    #expect(abs(micro.precision - 1.0 / 3) < 1e-12)
    #expect(abs(micro.recall - 1.0 / 3) < 1e-12)
    #expect(abs(micro.f1 - 1.0 / 3) < 1e-12)
  }

  @Test func emptyScoresAreZeroNotNaN() {
    let counts = NERScore.Counts()
    #expect(counts.precision == 0 && counts.recall == 0 && counts.f1 == 0)
  }
}
