import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct RoleFinderTests {
  func facts(_ text: String) -> [String] {
    Annotator().annotate(text: text).relations.map { "\($0.subject) | \($0.predicate) | \($0.object)" }
  }

  @Test func titlesBeforeNames() {
    let found = facts("U.S. Defense Secretary Lloyd Austin met Chinese Defense Minister Li Shangfu.")
    #expect(found.contains("Lloyd Austin | role | Defense Secretary"))
    #expect(found.contains("Lloyd Austin | member_of | United States"))
    #expect(found.contains("Li Shangfu | role | Defense Minister"))
    #expect(found.contains("Li Shangfu | member_of | China"))
  }

  @Test func titlesInApposition() {
    let found = facts("Liu Pengyu, the Chinese embassy spokesman, said the talks were over.")
    #expect(found.contains("Liu Pengyu | role | embassy spokesman"))
    #expect(found.contains("Liu Pengyu | member_of | China"))
    let possessive = facts("Anne Lee, Germany's foreign minister, left early.")
    #expect(possessive.contains("Anne Lee | role | foreign minister"))
    #expect(possessive.contains("Anne Lee | member_of | Germany"))
  }

  @Test func partyAndStateTags() {
    let found = facts("House Speaker Kevin McCarthy, R-Calif., met Sen. Chuck Schumer (D-N.Y.) on Friday.")
    #expect(found.contains("Kevin McCarthy | role | House Speaker"))
    #expect(found.contains("Kevin McCarthy | member_of | Republican Party"))
    #expect(found.contains("Kevin McCarthy | represents | California"))
    #expect(found.contains("Chuck Schumer | member_of | Democratic Party"))
    #expect(found.contains("Chuck Schumer | represents | New York"))
    // The tag is not a place.
    #expect(
      !Annotator().annotate(text: "Kevin McCarthy, R-Calif., spoke.").mentions.contains {
        $0.text == "R-Calif."
      })
  }

  @Test func coordinatedTitlesBeforeANameAreAllItsRoles() {
    let found = facts("Harbor Freight chairman, CEO and president Lena Cho said sales rose.")
    let roles = Set(found.filter { $0.hasPrefix("Lena Cho | role | ") })
    #expect(roles == ["Lena Cho | role | chairman", "Lena Cho | role | CEO", "Lena Cho | role | president"])
    let former = Set(facts("Its founder and former CEO Adam Reyes stepped down."))
    #expect(former.isSuperset(of: ["Adam Reyes | role | founder", "Adam Reyes | role | CEO"]))
  }

  @Test func aPartyLetterAloneInBracketsIsMembership() {
    let found = facts("Ohio Gov. Jane Doyle (R) defended the plan on Monday.")
    #expect(found.contains("Jane Doyle | member_of | Republican Party"))
    #expect(!found.contains { $0.hasPrefix("Jane Doyle | represents") })
  }

  @Test func worksOfNewsPeopleAndTheirOrganisationsPastAFewWords() {
    let found = facts(
      "\"It will pass,\" said Tom Reid, an equity strategist with the research firm Caldera Partners.")
    #expect(found.contains("Tom Reid | role | strategist"))
    #expect(found.contains("Tom Reid | member_of | Caldera Partners"))
  }

  @Test func aShortTitleRepeatingALongerOneIsDropped() {
    let found = facts("Defense Secretary Lloyd Austin arrived. Secretary Austin spoke.")
    #expect(found.contains("Lloyd Austin | role | Defense Secretary"))
    #expect(!found.contains("Lloyd Austin | role | Secretary"))
  }

  @Test func noNameNoRole() {
    #expect(facts("The defense minister declined to comment.").isEmpty)
  }

  @Test func titlesAfterTheNameAndMembershipsByApposition() {
    let hired = facts("The bank hired Tom Alvarez as chief technology officer.")
    #expect(hired.contains("Tom Alvarez | role | chief technology officer"))
    let lawyer = facts("Delaney's lawyer, Samuel Brooks, said his client would appeal.")
    #expect(lawyer.contains("Samuel Brooks | role | lawyer"))
    let analyst = facts("\"It is a risk,\" said Priya Raman, an analyst at Bellweather Securities.")
    #expect(analyst.contains("Priya Raman | role | analyst"))
    #expect(analyst.contains("Priya Raman | member_of | Bellweather Securities"))
    let party = facts("Georgia Gov. Brian Kemp, a Republican, did not attend.")
    #expect(party.contains("Brian Kemp | role | Gov."))
    #expect(party.contains("Brian Kemp | member_of | Republican Party"))
  }
}
