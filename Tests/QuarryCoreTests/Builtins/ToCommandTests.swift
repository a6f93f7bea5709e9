import QuarryCore
import Testing

@Suite struct ToCommandTests {
  @Test func escapesJSONStrings() {
    expectValue("'a\"b\\c' | to json", .string("\"a\\\"b\\\\c\""))
    expectValue("\"line\\nnext\" | to json", .string("\"line\\nnext\""))
  }

  @Test func writesDatesAsISOStrings() {
    expectValue("{d: 2023-05-29} | to json", .string("{\"d\":\"2023-05-29\"}"))
  }

  @Test func unknownFormatListsTheValidOnes() {
    let result = evaluate("1 | to yaml")
    #expect(result.diagnostics.first?.help == "the formats are json and csv")
  }
}
