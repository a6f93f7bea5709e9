import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct EventFinderTests {
  /// "subject predicate object [date] [not]" for each event of a text.
  func events(_ text: String, date: String? = "2024-03-06") -> [String] {
    Annotator().annotate(text: text, date: date.flatMap(CalendarDate.init(iso:))).relations
      .filter { $0.eventClass != nil }
      .map { relation in
        var line = "\(relation.subject) \(relation.predicate) \(relation.object)"
        if let date = relation.date { line += " \(date)" }
        if relation.negated { line += " not" }
        return line
      }
  }

  @Test func activeSentences() {
    #expect(
      events("Germany rejected a proposal from France on Tuesday.") == ["Germany reject France 2024-03-05"])
    #expect(
      events("Chancellor Olaf Scholz met with President Emmanuel Macron in Paris.").contains(
        "Olaf Scholz meet Emmanuel Macron"))
    #expect(events("Russia continues to attack Ukraine.") == ["Russia attack Ukraine"])
  }

  @Test func appositionsGroupNounsAndParticles() {
    #expect(events("Russia, an ally of Iran, attacked Ukraine.") == ["Russia attack Ukraine"])
    #expect(
      events("The U.S. military shot down a Chinese balloon in January.") == [
        "United States shoot down China 2024-01"
      ])
  }

  @Test func passiveVoiceTurnsActive() {
    #expect(events("Ukraine was attacked by Russia on Monday.") == ["Russia attack Ukraine 2024-03-04"])
  }

  @Test func negationAndWhatWasDeclined() {
    #expect(events("Japan did not meet South Korea.") == ["Japan meet South Korea not"])
    #expect(events("The United States urged China not to aid Russia.").contains("China aid Russia not"))
    let declined = events("Beijing declined an offer to have Lloyd Austin meet Li Shangfu.")
    #expect(declined.contains("Lloyd Austin meet Li Shangfu not"))
  }

  @Test func pronounsTitlesAndMeetingNouns() {
    #expect(
      events("China informed Japan that it rejected the plan of Australia.").contains(
        "China reject Australia"))
    let titled = events(
      "Defense Minister Li Shangfu arrived. Lloyd Austin met with the Defense Minister last year.")
    #expect(titled.contains("Lloyd Austin meet Li Shangfu 2023"))
    #expect(
      events(
        "Taiwan President Tsai Ing-wen visited the U.S. in a trip that included a meeting with Kevin McCarthy."
      )
      .contains("Tsai Ing-wen meet Kevin McCarthy"))
  }

  @Test func noEventsWithoutTwoEntities() {
    #expect(events("The talks were rejected.").isEmpty)
    #expect(events("Officials met on Monday.").isEmpty)
    #expect(events(String(repeating: "met ", count: 5000)).isEmpty)
  }

  @Test func relativeClausesAndDescriptions() {
    #expect(
      events("Rivals, including Harbor Group, which sued Northwind Motors in March, declined to comment.")
        .contains("Harbor Group sue Northwind Motors 2024-03"))
    #expect(
      events("Lumina AI grew fast. The company hired former Google executive Tom Alvarez last month.")
        .contains("Lumina AI hire Tom Alvarez 2024-02"))
  }

  @Test func anAcronymSubjectIsNotAPronoun() {
    #expect(
      events("The World Health Organization (WHO) met. The WHO praised Argentina.")
        .contains("World Health Organization praise Argentina"))
  }

  @Test func whereItHappenedIsNotTheObject() {
    #expect(events("Ron DeSantis told a news conference in Tallahassee that the state was safe.").isEmpty)
    #expect(events("Joe Biden met Xi Jinping in Lima.").contains("Joe Biden meet Xi Jinping"))
  }
}
