import QuarryCore
import Testing

@Suite struct CalendarDateTests {
  @Test func parsesEachPrecision() {
    #expect(CalendarDate(iso: "2023")?.description == "2023")
    #expect(CalendarDate(iso: "2023-05")?.description == "2023-05")
    #expect(CalendarDate(iso: "2023-05-29")?.description == "2023-05-29")
  }

  @Test func rejectsImpossibleDates() {
    #expect(CalendarDate(iso: "2023-02-29") == nil)
    #expect(CalendarDate(iso: "2024-02-29") != nil)
    #expect(CalendarDate(iso: "2023-13") == nil)
    #expect(CalendarDate(iso: "23-01-01") == nil)
  }

  @Test func countsDaysAndWeekdays() {
    let date = CalendarDate(year: 2023, month: 5, day: 30)
    #expect(date.weekday == 1, "2023-05-30 was a Tuesday")
    #expect(date.adding(days: -1) == CalendarDate(year: 2023, month: 5, day: 29))
    #expect(
      CalendarDate(year: 2024, month: 3, day: 1).adding(days: -1)
        == CalendarDate(year: 2024, month: 2, day: 29))
    #expect(CalendarDate(daysSinceEpoch: 0) == CalendarDate(year: 1970, month: 1, day: 1))
  }

  @Test func ordersByTime() {
    #expect(CalendarDate(year: 2022) < CalendarDate(year: 2023, month: 1))
    #expect(CalendarDate(year: 2023, month: 5, day: 1) < CalendarDate(year: 2023, month: 5, day: 2))
  }
}
