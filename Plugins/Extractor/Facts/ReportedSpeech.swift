import QuarryModel

/// Indirect quotations from the parse: a verb of saying whose complement is a clause
/// ("Microsoft said it would buy Activision", "officials told reporters that the talks had
/// failed") gives a quotation of kind indirect, its speaker the verb's subject (a pronoun
/// or title resolved as in the clauses), its text the reported clause. A complement that
/// holds a direct quotation is left to the quotation finder, which already has it.
enum ReportedSpeech {
  static func quotes(_ readings: [ClauseFinder.Reading], text: DocumentText, direct: [Quote]) -> [Quote] {
    var quotes: [Quote] = []
    for reading in readings
    where reading.clause.kind == .verb && ClauseFinder.saying.contains(reading.clause.predicate) {
      // The complement is the object when the verb has no nominal one.
      guard reading.objectHead == nil, let reported = reading.clause.object else { continue }
      var start = Int(reported.start)
      let end = Int(reported.end)
      guard end > start,
        !direct.contains(where: { Int($0.start) < end && Int($0.end) > start }),
        !(start..<end).contains(where: { ["\"", "“", "”"].contains(String(text.scalars[$0])) })
      else { continue }
      // "that" introduces the report; it is not part of it.
      let words = text.text(start, end)
      if words.hasPrefix("that ") { start += 5 }
      quotes.append(
        Quote(
          speaker: reading.clause.subject?.entities.first, text: text.text(start, end), start: start,
          end: end,
          sentence: Int(reading.clause.sentence), indirect: true))
    }
    return quotes
  }
}
