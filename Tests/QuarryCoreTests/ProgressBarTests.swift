import QuarryCore
import Testing

@Suite struct ProgressBarTests {
  @Test func drawsTheBarCountsAndTimeLeft() {
    let bar = ProgressBar(total: 10_000, unit: "articles")
    #expect(
      bar.line(done: 2500, elapsed: 5)
        == "[######..................]  25%  2,500/10,000 articles  5.0 s, 15.0 s left")
    #expect(
      bar.line(done: 10_000, elapsed: 75)
        == "[########################] 100%  10,000/10,000 articles  1 min 15 s")
    #expect(bar.line(done: 0, elapsed: 0).hasPrefix("[........................]   0%"))
  }

  @Test func groupsThousands() {
    #expect(ProgressBar.grouped(0) == "0")
    #expect(ProgressBar.grouped(999) == "999")
    #expect(ProgressBar.grouped(1_234_567) == "1,234,567")
    #expect(ProgressBar.grouped(-1000) == "-1,000")
  }

  @Test func anEmptyJobIsDone() {
    #expect(ProgressBar(total: 0, unit: "articles").line(done: 0, elapsed: 0).contains("100%"))
  }
}
