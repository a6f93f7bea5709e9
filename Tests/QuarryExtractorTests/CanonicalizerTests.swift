import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct CanonicalizerTests {
  /// Each mention's text and the entity it refers to.
  func entities(_ text: String) -> [(String, String, EntityType)] {
    Annotator().annotate(text: text).mentions.compactMap { mention in
      mention.entityKey.map { (mention.text, $0.name, $0.type) }
    }
  }

  @Test func countriesGoByOneName() {
    let found = entities("The U.S. and the PRC agreed. America and China will meet again.")
    #expect(found.contains { $0 == ("U.S.", "United States", .geopolitical) })
    #expect(found.contains { $0 == ("PRC", "China", .geopolitical) })
    #expect(found.contains { $0 == ("America", "United States", .geopolitical) })
  }

  @Test func demonymsReferToTheirCountry() {
    let found = entities("Chinese officials met Israeli diplomats in Geneva.")
    #expect(found.contains { $0 == ("Chinese", "China", .geopolitical) })
    #expect(found.contains { $0 == ("Israeli", "Israel", .geopolitical) })
  }

  @Test func capitalsStandForTheirCountryOnlyWhenTheyAct() {
    let acting = entities("Talks between Washington and Beijing resumed. Moscow said it would not attend.")
    #expect(acting.contains { $0 == ("Washington", "United States", .geopolitical) })
    #expect(acting.contains { $0 == ("Beijing", "China", .geopolitical) })
    #expect(acting.contains { $0 == ("Moscow", "Russia", .geopolitical) })
    let place = entities("The delegation landed in Beijing on Monday.")
    #expect(place.contains { $0 == ("Beijing", "Beijing", .geopolitical) })
  }

  @Test func surnamesAndAcronymsTakeTheFullName() {
    let found = entities(
      "Angela Merkel spoke to the World Health Organization (WHO) on Monday. Merkel praised the WHO.")
    #expect(found.contains { $0.0 == "Merkel" && $0.1 == "Angela Merkel" })
    let who = found.filter { $0.0 == "WHO" }
    #expect(!who.isEmpty && who.allSatisfy { $0.1 == "World Health Organization" })
  }

  @Test func aSurnameSharedByTwoPeopleStaysAlone() {
    let found = entities("George Bush and Laura Bush arrived. Bush waved.")
    #expect(found.contains { $0 == ("Bush", "Bush", .person) })
  }

  @Test func acronymsTheTaggerMissedBecomeMentions() {
    let found = entities("The World Health Organization (WHO) met in Geneva. WHO officials left.")
    let who = found.filter { $0.0 == "WHO" }
    #expect(who.count == 2)
    #expect(who.allSatisfy { $0.1 == "World Health Organization" })
  }

  @Test func organisationDesignatorsAndShortNames() {
    let found = entities("Lumina AI raised money from Sequoia Capital. Lumina will hire.")
    #expect(found.contains { $0 == ("Lumina AI", "Lumina AI", .organization) })
    #expect(found.contains { $0.0 == "Sequoia Capital" && $0.2 == .organization })
    #expect(found.contains { $0 == ("Lumina", "Lumina AI", .organization) })
  }

  @Test func namesInCapitalsTakeTheirUsualForm() {
    var mentions = [
      Mention(start: 0, end: 8, text: "BRUSSELS", type: .organization, canonical: "BRUSSELS"),
      Mention(start: 20, end: 27, text: "NATO", type: .organization, canonical: "NATO"),
    ]
    Canonicalizer.standard.titleCaseCapitals(&mentions)
    #expect(mentions[0].canonical == "Brussels")
    #expect(mentions[0].type == .geopolitical)  // a dateline opens with a place
    #expect(mentions[1].canonical == "NATO")
  }

  @Test func nameParticlesJoinOnePerson() {
    let lower = ["ursula", "von", "der", "leyen", "met", "angela", "and", "merkel"]
    let spans: [(range: Range<Int>, type: CoarseType)] = [
      (0..<1, .person), (3..<4, .person), (5..<6, .person), (7..<8, .person),
    ]
    let joined = Annotator.joinNameParticles(spans, lower: lower)
    #expect(joined.map(\.range) == [0..<4, 5..<6, 7..<8])
    // The surname the tagger left out is still part of the name.
    let untagged = Annotator.joinNameParticles(
      [(0..<1, .person)], lower: lower,
      capitalized: { [true, false, false, true, false, true, false, true][$0] })
    #expect(untagged.map(\.range) == [0..<4])
    let otherType = Annotator.joinNameParticles([(0..<1, .person), (3..<4, .miscellaneous)], lower: lower)
    #expect(otherType.map(\.range) == [0..<4] && otherType[0].type == .person)
    let lowerCase = Annotator.joinNameParticles(
      [(0..<1, .person)], lower: ["ursula", "von", "der", "see"], capitalized: { _ in false })
    #expect(lowerCase.map(\.range) == [0..<1])
  }

  @Test func initialsWithoutBracketsAndCapitalsAsObjects() {
    let found = entities("The European Central Bank cut rates. ECB President Christine Lagarde spoke.")
    #expect(found.contains { $0 == ("ECB", "European Central Bank", .organization) })
    let urged = entities("Joe Biden urged Beijing to act.")
    #expect(urged.contains { $0 == ("Beijing", "China", .geopolitical) })
  }

  @Test func aGenerationalSuffixOrMiddleInitialIsStillTheSamePerson() {
    let found = entities(
      "Robert Hale Jr., 48, pleaded guilty. Robert T. Hale wrote to the judge, and Hale apologized.")
    #expect(found.contains { $0 == ("Robert Hale Jr.", "Robert Hale Jr.", .person) })
    #expect(found.contains { $0 == ("Robert T. Hale", "Robert Hale Jr.", .person) })
    #expect(found.contains { $0 == ("Hale", "Robert Hale Jr.", .person) })
  }

  @Test func aCountryAtTheStartOfAnOrganisationsNameStillNamesTheCountry() {
    let found = entities("The U.S. Treasury Department blocked the sale. The U.S. said it would appeal.")
    #expect(found.contains { $0 == ("U.S.", "United States", .geopolitical) })
  }

  @Test func aRegionsDemonymIsTheRegion() {
    let found = entities("Asian markets fell on Tuesday.")
    #expect(found.contains { $0 == ("Asian", "Asia", .location) })
  }
}
