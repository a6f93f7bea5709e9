import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct ClauseRolesTests {
  func roles(_ text: String) -> [String] {
    Annotator().annotate(text: text).relations.filter { $0.eventClass == nil }.map {
      "\($0.subject) \($0.predicate) \($0.object)"
    }
  }

  @Test func copulasAndAppositionsWithWho() {
    #expect(
      roles("Kevin McCarthy is the speaker of the House.") == [
        "Kevin McCarthy role speaker", "Kevin McCarthy member_of House",
      ])
    #expect(
      roles("Satya Nadella, who is chief executive of Microsoft, spoke.").contains(
        "Satya Nadella role chief executive"))
  }

  @Test func becomingAndBeingAppointed() {
    #expect(
      roles("Mary Barra became chief executive of General Motors in 2014.").contains(
        "Mary Barra role chief executive"))
    #expect(roles("John Smith was named chairman of Barclays.").contains("John Smith role chairman"))
    #expect(roles("Barclays named John Smith chairman.").contains("John Smith role chairman"))
  }
}
