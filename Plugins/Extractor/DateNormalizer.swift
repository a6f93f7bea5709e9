import QuarryCore

/// A date or time expression found in text, with its ISO 8601 value where it can be
/// resolved: `2023-05-29`, `2023-05`, `2023`, or a week `2023-W21`.
public struct TemporalExpression: Equatable, Sendable {
  public var text: String
  public var start: Int
  public var end: Int
  public var value: String?
}

/// Finds dates in tokens and resolves them against the document's date, as news is
/// read: "Monday" in an article of Tuesday 2023-05-30 is 2023-05-29, "last year" is
/// 2022, "earlier this month" is 2023-05, and "January" is 2023-01 — a month more
/// than one month after the article's is taken as last year's.
public enum DateNormalizer {
  static let months: [String: Int] = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4,
    "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
  ]
  static let weekdays: [String: Int] = [
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
  ]
  static let units: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years"]
  static let yearPrepositions: Set<String> = [
    "in", "since", "by", "of", "until", "from", "before", "after", "during", "early", "late", "mid",
    "through",
  ]

  /// Date expressions in `tokens`; `lowercased` are the tokens' texts in lower case, when
  /// the caller already has them.
  /// The words a date expression can start with, besides numbers: most tokens are none
  /// of them and are passed over with one lookup.
  static let starters = WordSet(
    Array(months.keys).sorted() + Array(weekdays.keys).sorted() + [
      "today", "tonight", "yesterday", "tomorrow", "last", "this", "next", "past", "a", "an", "one", "two",
      "three",
      "four", "five", "six", "seven", "eight", "nine", "ten",
    ])

  public static func find(
    in tokens: [TextToken], lowercased: [String]? = nil, documentDate: CalendarDate?
  ) -> [TemporalExpression] {
    var found: [TemporalExpression] = []
    var index = 0
    let lowers = lowercased ?? tokens.map { $0.text.lowercased() }
    func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? lowers[i] : "" }
    func number(_ i: Int) -> Int? {
      guard i >= 0, i < tokens.count, tokens[i].kind == .number else { return nil }
      var text = tokens[i].text.lowercased()
      for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) { text.removeLast(2) }
      return Int(text)
    }
    func add(_ first: Int, _ last: Int, _ value: String?) {
      found.append(
        TemporalExpression(
          text: tokens[first...last].enumerated().map { offset, token in
            offset == last - first || !token.spaceAfter ? token.text : token.text + " "
          }.joined(), start: tokens[first].start, end: tokens[last].end, value: value))
      index = last + 1
    }
    while index < tokens.count {
      let word = lower(index)
      if tokens[index].kind != .number && !starters.contains(word) && !word.hasPrefix("mid-") {
        index += 1
        continue
      }
      // 2023-05-29
      if let y = number(index), tokens[index].text.count == 4, lower(index + 1) == "-",
        let m = number(index + 2),
        lower(index + 3) == "-", let d = number(index + 4), !tokens[index].spaceAfter,
        let date = CalendarDate(iso: "\(y)-\(pad(m))-\(pad(d))")
      {
        add(index, index + 4, date.description)
        continue
      }
      // Month [day][, year] and early/late/mid Month
      if let month = months[word] ?? (word.hasPrefix("mid-") ? months[String(word.dropFirst(4))] : nil),
        word != "may" || isMonthMay(tokens, index)
      {
        var first = index
        if ["early", "late", "mid", "earlier", "later"].contains(lower(index - 1)) { first = index - 1 }
        if let day = number(index + 1), (1...31).contains(day) {
          var last = index + 1
          var explicitYear: Int?
          if lower(index + 2) == ",", let y = number(index + 3), (1000...2999).contains(y) {
            explicitYear = y
            last = index + 3
          } else if let y = number(index + 2), (1000...2999).contains(y) {
            explicitYear = y
            last = index + 2
          }
          let resolvedYear = explicitYear ?? inferYear(month: month, documentDate: documentDate)
          let value = resolvedYear.flatMap {
            CalendarDate(iso: "\(pad4($0))-\(pad(month))-\(pad(day))")?.description
          }
          add(first, last, value)
          continue
        }
        if let y = number(index + 1), (1000...2999).contains(y), tokens[index + 1].text.count == 4 {
          add(first, index + 1, "\(pad4(y))-\(pad(month))")
          continue
        }
        let resolvedYear = inferYear(month: month, documentDate: documentDate)
        add(first, index, resolvedYear.map { "\(pad4($0))-\(pad(month))" })
        continue
      }
      // day Month [year]
      if let day = number(index), (1...31).contains(day), let month = months[lower(index + 1)] {
        var last = index + 1
        var resolvedYear = inferYear(month: month, documentDate: documentDate)
        if let y = number(index + 2), (1000...2999).contains(y) {
          resolvedYear = y
          last = index + 2
        }
        add(
          index, last,
          resolvedYear.flatMap { CalendarDate(iso: "\(pad4($0))-\(pad(month))-\(pad(day))")?.description })
        continue
      }
      // [last|next|this] Monday
      if let weekday = weekdays[word] {
        let modifier = lower(index - 1)
        let first = ["last", "next", "this"].contains(modifier) ? index - 1 : index
        add(
          first, index,
          documentDate.map { resolve(weekday: weekday, modifier: modifier, from: $0).description })
        continue
      }
      switch word {
      case "today", "tonight":
        add(index, index, documentDate?.description)
        continue
      case "yesterday":
        add(index, index, documentDate?.adding(days: -1).description)
        continue
      case "tomorrow":
        add(index, index, documentDate?.adding(days: 1).description)
        continue
      default: break
      }
      // (earlier|later) this month, last year, next week, this week
      if ["last", "this", "next", "past"].contains(word),
        ["week", "month", "year"].contains(lower(index + 1))
      {
        let first = ["earlier", "later"].contains(lower(index - 1)) && word == "this" ? index - 1 : index
        let shift = word == "last" || word == "past" ? -1 : (word == "next" ? 1 : 0)
        add(first, index + 1, documentDate.map { relative(unit: lower(index + 1), shift: shift, from: $0) })
        continue
      }
      // three days ago, 2 years ago
      if let amount = number(index) ?? numberWord(word), units.contains(lower(index + 1)),
        lower(index + 2) == "ago"
      {
        let unit = lower(index + 1).hasSuffix("s") ? String(lower(index + 1).dropLast()) : lower(index + 1)
        add(index, index + 2, documentDate.map { ago(amount, unit: unit, from: $0) })
        continue
      }
      // in 2022, since 1996
      if let y = number(index), tokens[index].text.count == 4, (1900...2099).contains(y),
        yearPrepositions.contains(lower(index - 1))
      {
        add(index, index, String(y))
        continue
      }
      index += 1
    }
    return found
  }

  /// "May" is a month only where a month fits: next to a day or year, or after a
  /// preposition or early/late — not "may" the verb.
  private static func isMonthMay(_ tokens: [TextToken], _ index: Int) -> Bool {
    guard tokens[index].text == "May" else { return false }
    let previous = index > 0 ? tokens[index - 1].text.lowercased() : ""
    let next = index + 1 < tokens.count ? tokens[index + 1] : nil
    if next?.kind == .number { return true }
    return [
      "in", "early", "late", "mid", "since", "by", "until", "of", "last", "next", "this", "from", "before",
      "after",
    ]
    .contains(previous)
  }

  static func inferYear(month: Int, documentDate: CalendarDate?) -> Int? {
    guard let date = documentDate, let documentMonth = date.month else { return documentDate?.year }
    return month > documentMonth + 1 ? date.year - 1 : date.year
  }

  static func resolve(weekday: Int, modifier: String, from date: CalendarDate) -> CalendarDate {
    let today = date.weekday
    switch modifier {
    case "next":
      let ahead = (weekday - today + 7) % 7
      return date.adding(days: ahead == 0 ? 7 : ahead)
    case "this":
      return date.adding(days: weekday - today)
    case "last":
      let back = (today - weekday + 7) % 7
      return date.adding(days: -(back == 0 ? 7 : back))
    default:
      // A bare weekday in news is the most recent one, today included.
      return date.adding(days: -((today - weekday + 7) % 7))
    }
  }

  static func relative(unit: String, shift: Int, from date: CalendarDate) -> String {
    switch unit {
    case "year": return String(date.year + shift)
    case "month":
      let total = date.year * 12 + (date.month ?? 1) - 1 + shift
      return "\(pad4(total / 12))-\(pad(total % 12 + 1))"
    default:
      let (weekYear, week) = isoWeek(date.adding(days: 7 * shift))
      return "\(pad4(weekYear))-W\(pad(week))"
    }
  }

  static func ago(_ amount: Int, unit: String, from date: CalendarDate) -> String {
    switch unit {
    case "day": return date.adding(days: -amount).description
    case "week": return date.adding(days: -7 * amount).description
    case "month": return relative(unit: "month", shift: -amount, from: date)
    default: return String(date.year - amount)
    }
  }

  /// The ISO 8601 week-numbering year and week of a date.
  static func isoWeek(_ date: CalendarDate) -> (year: Int, week: Int) {
    let thursday = date.adding(days: 3 - date.weekday)
    let januaryFirst = CalendarDate(year: thursday.year, month: 1, day: 1)
    let week = (thursday.daysSinceEpoch - januaryFirst.daysSinceEpoch) / 7 + 1
    return (thursday.year, week)
  }

  static func numberWord(_ word: String) -> Int? {
    let words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    guard let index = words.firstIndex(of: word) else { return word == "an" ? 1 : nil }
    return max(1, index)
  }

  private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
  private static func pad4(_ number: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
  }
}
