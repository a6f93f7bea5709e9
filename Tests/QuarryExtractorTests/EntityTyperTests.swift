import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct EntityTyperTests {
  func refine(_ type: CoarseType, _ text: String, followedByNoun: Bool = false) -> EntityType {
    let words = Tokenizer.tokenize(text).map(\.text)
    var buffer: [UInt8] = []
    let lowers = words.map { WordFeatures($0, buffer: &buffer).lower }
    let match = Gazetteer.standard.matches(lowerHashes: lowers, in: 0..<words.count).first
    let kinds = match?.range == 0..<words.count ? match!.kinds : []
    return EntityTyper.refine(
      type, words: words, kinds: kinds, gazetteer: .standard, followedByNoun: followedByNoun)
  }

  @Test func placesAreGPEOrLOC() {
    #expect(refine(.location, "China") == .geopolitical)
    #expect(refine(.location, "California") == .geopolitical)
    #expect(refine(.location, "Singapore") == .geopolitical)
    #expect(refine(.location, "Europe") == .location)
    #expect(refine(.location, "Middle East") == .location)
    #expect(refine(.location, "Yangtze River") == .location)
  }

  @Test func miscellaneousNamesGetFinerTypes() {
    #expect(refine(.miscellaneous, "Chinese", followedByNoun: true) == .nationality)
    #expect(refine(.miscellaneous, "Israelis") == .nationality)
    #expect(refine(.miscellaneous, "English") == .language)
    #expect(refine(.miscellaneous, "World Cup") == .event)
    #expect(refine(.miscellaneous, "Clean Air Act") == .law)
    #expect(refine(.miscellaneous, "Tamagotchi") == .miscellaneous)
  }

  @Test func facilitiesAndOrganisations() {
    #expect(refine(.organization, "Heathrow Airport") == .facility)
    #expect(refine(.organization, "Reuters") == .organization)
    #expect(refine(.person, "Lloyd Austin") == .person)
  }

  @Test func aPersonThatIsACountryOrANamedPlaceIsAPlace() {
    #expect(refine(.person, "Hong Kong") == .geopolitical)
    #expect(refine(.person, "Jordan") == .geopolitical)
    #expect(refine(.person, "Paris Hilton") == .person)
    // A place of one word whose name is also a surname stays a person.
    #expect(refine(.person, "Houston") == .person)
  }
}
