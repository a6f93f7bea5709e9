import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct OrganizationCuesTests {
  func types(_ text: String) -> [String: EntityType] { ExtractorTestSupport.entityTypes(text) }

  @Test func aNameRightAfterAnOrganisationNounIsAnOrganisation() {
    let found = types("He spoke to the fact-checking website Clear Record about the claim.")
    #expect(found["Clear Record"] == .organization)
  }

  @Test func aNameAfterAJobAndAtIsAnOrganisation() {
    let found = types("\"Prices will fall,\" said Ana Ruiz, a senior strategist at Holloway Brandt.")
    #expect(found["Holloway Brandt"] == .organization)
    #expect(found["Ana Ruiz"] == .person)
  }

  @Test func aNameBetweenCommasAfterTheOrganisationTheSentenceOpensWith() {
    let found = types("The label that owns her first albums, Silver Anchor, says it never blocked her.")
    #expect(found["Silver Anchor"] == .organization)
    // A person named after an organisation's title is still a person.
    let person = types("The company's chief executive, Tim Cook, said sales rose.")
    #expect(person["Tim Cook"] == .person)
  }

  @Test func knownPlacesKeepTheirType() {
    let found = types("Officials from the group Ohio gave no figures.")
    #expect(found["Ohio"] == .geopolitical)
  }
}
