import QuarryCore
import Testing

@Suite struct LengthCommandTests {
  @Test func countsCharactersNotBytes() {
    expectValue("'李尚福' | length", .int(3))
    expectValue("'' | length", .int(0))
  }

  @Test func rejectsNumbers() {
    #expect(errorMessage("5 | length")?.contains("needs a string, list, table or record") == true)
  }
}
