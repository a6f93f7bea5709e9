import Testing

@Suite struct OutputFormatTests {
  let table = "[{name: 'Lloyd Austin', mentions: 3}, {name: '李尚福', mentions: 12}]"

  @Test func plainIsTabSeparatedWithoutHeader() throws {
    let result = try runQuarry(["-c", table])
    #expect(result.stdout == "Lloyd Austin\t3\n李尚福\t12\n")
  }

  @Test func jsonLinesHasOneObjectPerRow() throws {
    let result = try runQuarry(["--format", "jsonl", "-c", table])
    #expect(
      result.stdout == "{\"name\":\"Lloyd Austin\",\"mentions\":3}\n{\"name\":\"李尚福\",\"mentions\":12}\n")
  }

  @Test func jsonIsOneDocument() throws {
    let result = try runQuarry(["--format", "json", "-c", "{a: [1, 2], b: null}"])
    #expect(result.stdout == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": null\n}\n")
  }

  @Test func csvQuotesWhereRFC4180Says() throws {
    let result = try runQuarry(["--format", "csv", "-c", "[{text: 'a, \"b\"', n: 1}]"])
    #expect(result.stdout == "text,n\n\"a, \"\"b\"\"\",1\n")
  }

  @Test func tableFitsTheWidthAndRightAlignsNumbers() throws {
    let result = try runQuarry(["--format", "table", "-c", "set width 30; \(table)"])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 6)
    #expect(lines.allSatisfy { $0.count <= 30 })
    #expect(result.stdout.contains("…"))
    #expect(
      result.stdout.contains("│  3 │") || result.stdout.contains("│        3 │")
        || result.stdout.contains(" 3 │"))
  }

  @Test func tableShowsHowManyRowsAreHidden() throws {
    let result = try runQuarry(["--format", "table", "-c", "set rows 3; 1..10"])
    #expect(result.stdout.contains("… 7 more rows"))
  }

  @Test func setFormatChangesLaterOutput() throws {
    let result = try runQuarry(["-c", "set format jsonl; [1, 'a']"])
    #expect(result.stdout == "1\n\"a\"\n")
  }

  @Test func noColourWhenPiped() throws {
    let result = try runQuarry(["--format", "table", "-c", table])
    #expect(!result.stdout.contains("\u{1B}["))
  }
}
