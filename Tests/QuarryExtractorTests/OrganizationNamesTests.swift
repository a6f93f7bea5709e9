import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct OrganizationNamesTests {
  let names = OrganizationNames(rows: [
    ("Harbor Freight", .company), ("Harbor", .company), ("Xbox", .product), ("Tidewater News", .media),
  ])

  @Test func namesMatchTokenForTokenWithCase() {
    let tokens = Tokenizer.tokenize("Harbor Freight sells an Xbox and a harbor view.")
    #expect(names.kind(of: 0..<2, in: tokens) == .company)
    #expect(names.kind(of: 0..<1, in: tokens) == .company)
    #expect(names.kind(of: 4..<5, in: tokens) == .product)
    #expect(names.kind(of: 8..<9, in: tokens) == nil)
    #expect(names.longest(at: 0, in: tokens, limit: tokens.count)?.range == 0..<2)
    #expect(names.longest(at: 0, in: tokens, limit: 1)?.range == 0..<1)
  }

  @Test func theStandardListHoldsIndexCompaniesAndTheHandKeptOnes() {
    let tokens = Tokenizer.tokenize("Boeing Netflix Tencent Xbox")
    #expect(OrganizationNames.standard.kind(of: 0..<1, in: tokens) == .company)
    #expect(OrganizationNames.standard.kind(of: 1..<2, in: tokens) == .platform)
    #expect(OrganizationNames.standard.kind(of: 2..<3, in: tokens) == .company)
    #expect(OrganizationNames.standard.kind(of: 3..<4, in: tokens) == .product)
  }

  func entities(_ text: String) -> [String: EntityType] { ExtractorTestSupport.entityTypes(text) }

  @Test func aCompanyIsAnOrganisationWhateverTheTaggerThought() {
    let found = entities("Shares of Boeing fell after Netflix said it would stream the games.")
    #expect(found["Boeing"] == .organization)
    #expect(found["Netflix"] == .organization)
  }

  @Test func namesTheTaggerMissedAreFoundInTheMiddleOfASentence() {
    let found = entities("The studio ranks third, behind Tencent and Sony, in game revenue.")
    #expect(found["Tencent"] == .organization)
    #expect(found["Sony"] == .organization)
  }

  @Test func aSurnameAloneStaysWithItsPerson() {
    let found = entities("Michael Bloomberg spoke on Monday. Bloomberg said the plan would work.")
    #expect(found["Michael Bloomberg"] == .person)
    #expect(found["Bloomberg"] == nil)
  }
}
