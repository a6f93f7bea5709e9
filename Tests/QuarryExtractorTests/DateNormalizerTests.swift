import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct DateNormalizerTests {
  let tuesday = CalendarDate(year: 2023, month: 5, day: 30)

  func dates(_ text: String, on date: CalendarDate? = CalendarDate(year: 2023, month: 5, day: 30))
    -> [String: String?]
  {
    var result: [String: String?] = [:]
    for expression in DateNormalizer.find(in: Tokenizer.tokenize(text), documentDate: date) {
      result[expression.text] = expression.value
    }
    return result
  }

  @Test func resolvesTheSampleArticlesDates() throws {
    let text = try FilePaths.readText(
      String(#filePath.split(separator: "/Tests/")[0])
        + "/Scripts/corpus/2023-05-30-china-declines-defense-meeting.txt")
    let found = dates(text)
    #expect(found["Monday"] == "2023-05-29")
    #expect(found["last year"] == "2022")
    #expect(found["earlier this month"] == "2023-05")
    #expect(found["early May"] == "2023-05")
    #expect(found["this week"] == "2023-W22")
    #expect(found["this year"] == "2023")
    #expect(found["January"] == "2023-01")
  }

  @Test func fullAndPartialDates() {
    #expect(dates("on May 29, 2023 and 4 July 1996")["May 29, 2023"] == "2023-05-29")
    #expect(dates("on May 29, 2023 and 4 July 1996")["4 July 1996"] == "1996-07-04")
    #expect(dates("the 2023-05-28 report")["2023-05-28"] == "2023-05-28")
    #expect(dates("in March 2021")["March 2021"] == "2021-03")
    #expect(dates("since 1996")["1996"] == "1996")
  }

  @Test func monthsLaterInTheYearAreLastYears() {
    #expect(dates("in December")["December"] == "2022-12")
    #expect(dates("in June")["June"] == "2023-06")
  }

  @Test func relativeDays() {
    let found = dates("yesterday, today, last Tuesday, next Friday, three days ago, two years ago")
    #expect(found["yesterday"] == "2023-05-29")
    #expect(found["today"] == "2023-05-30")
    #expect(found["last Tuesday"] == "2023-05-23")
    #expect(found["next Friday"] == "2023-06-02")
    #expect(found["three days ago"] == "2023-05-27")
    #expect(found["two years ago"] == "2021")
  }

  @Test func mayTheVerbIsNotAMonth() {
    #expect(dates("China may respond").isEmpty)
    #expect(dates("in May")["May"] == "2023-05")
  }

  @Test func withoutADocumentDateRelativeDatesHaveNoValue() {
    let found = dates("Monday and May 29, 2023", on: nil)
    #expect(found["Monday"] == .some(nil))
    #expect(found["May 29, 2023"] == "2023-05-29")
  }

  @Test func isoWeeksAtYearEdges() {
    #expect(DateNormalizer.isoWeek(CalendarDate(year: 2021, month: 1, day: 1)) == (2020, 53))
    #expect(DateNormalizer.isoWeek(CalendarDate(year: 2023, month: 5, day: 30)) == (2023, 22))
  }
}
