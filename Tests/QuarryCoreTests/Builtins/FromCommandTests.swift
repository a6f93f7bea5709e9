import QuarryCore
import Testing

@Suite struct FromCommandTests {
  @Test func readsJSONArraysOfObjectsAsTables() {
    guard case .table(let table)? = value("'[{\"a\": 1}, {\"b\": 2}]' | from json") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["a", "b"])
    #expect(table.rows[1][0].isNull)
  }

  @Test func readsJSONLines() {
    expectValue("\"{\\\"a\\\": 1}\\n\\n{\\\"a\\\": 2}\\n\" | from jsonl | get a", .list([.int(1), .int(2)]))
  }

  @Test func readsQuotedCSVFields() {
    expectValue("\"t,n\\n\\\"a, \\\"\\\"b\\\"\\\"\\\",1\\n\" | from csv | get t.0", .string("a, \"b\""))
  }

  @Test func malformedInputNamesTheProblem() {
    #expect(errorMessage("'{\"a\": }' | from json")?.hasPrefix("the input is not valid JSON") == true)
    #expect(errorMessage("\"a,b\\n1\\n\" | from csv")?.contains("expected 2 fields") == true)
  }
}
