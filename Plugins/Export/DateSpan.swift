/// The days an ISO date covers: a day itself, a month (`2023-05`) from its first to its
/// last day, a year (`2022`) from January 1 to December 31. GEXF's `start` and `end` need
/// whole dates, and this keeps a month-precise date honest on Gephi's timeline.
enum DateSpan {
  static func of(_ text: String) -> (start: String, end: String)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let year = Int(parts[0]), parts[0].count == 4, parts.count <= 3,
      parts.dropFirst().allSatisfy({ $0.count == 2 && Int($0) != nil })
    else { return nil }
    let yearText = String(parts[0])
    switch parts.count {
    case 1: return (yearText + "-01-01", yearText + "-12-31")
    case 2:
      guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
      return (text + "-01", text + "-" + String(lastDay(month, year)))
    default:
      guard let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]),
        (1...lastDay(month, year)).contains(day)
      else { return nil }
      return (text, text)
    }
  }

  private static func lastDay(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
