import Testing

@testable import QuarryExport

@Suite struct DateSpanTests {
  @Test func aDayAMonthAndAYearSpanTheirDays() {
    #expect(DateSpan.of("2023-05-30")! == ("2023-05-30", "2023-05-30"))
    #expect(DateSpan.of("2023-05")! == ("2023-05-01", "2023-05-31"))
    #expect(DateSpan.of("2024-02")! == ("2024-02-01", "2024-02-29"))
    #expect(DateSpan.of("1900-02")! == ("1900-02-01", "1900-02-28"))
    #expect(DateSpan.of("2022")! == ("2022-01-01", "2022-12-31"))
  }

  @Test func textThatIsNoDateHasNoSpan() {
    for text in ["", "May 2023", "2023-13", "2023-02-30", "23-05-01", "2023-5-1", "2023-05-01T10:00"] {
      #expect(DateSpan.of(text) == nil, "\(text)")
    }
  }
}
