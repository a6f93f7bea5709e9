/// A calendar date with year, month or day precision (`2023`, `2023-05`, `2023-05-29`).
///
/// News dates are often known only to the month or year ("earlier this month", "last
/// year"), so precision is part of the value rather than padded with a guessed day.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  // Packed small so that `Value`, which holds one, stays two words wide.
  private var storedYear: Int32
  private var storedMonth: UInt8
  private var storedDay: UInt8

  public var year: Int { Int(storedYear) }
  public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
  public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.storedYear = Int32(clamping: year)
    self.storedMonth = UInt8(clamping: month ?? 0)
    self.storedDay = month == nil ? 0 : UInt8(clamping: day ?? 0)
  }

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the day against the month.
  public init?(iso text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
    var month: Int?
    var day: Int?
    if parts.count >= 2 {
      guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
      month = value
    }
    if parts.count == 3 {
      guard parts[2].count == 2, let value = Int(parts[2]),
        (1...CalendarDate.daysIn(month: month!, year: year)).contains(value)
      else { return nil }
      day = value
    }
    self.init(year: year, month: month, day: day)
  }

  public var description: String {
    var text = String(year)
    while text.count < 4 { text = "0" + text }
    if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
    if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
    return text
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a day-precision date (missing parts count as the first).
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let m = month ?? 1
    let d = day ?? 1
    let y = m <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The day-precision date a number of days after 1970-01-01.
  public init(daysSinceEpoch days: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// Day of the week, 0 for Monday through 6 for Sunday.
  public var weekday: Int {
    let days = daysSinceEpoch
    // 1970-01-01 was a Thursday (3).
    return ((days % 7) + 7 + 3) % 7
  }

  public func adding(days: Int) -> CalendarDate {
    CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
  }
}
