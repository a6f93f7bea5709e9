import QuarryCore
import Testing

@Suite struct RendererTests {
  func render(_ value: Value, _ format: OutputFormat, width: Int? = nil, rows: Int = 50) -> String {
    var settings = Settings()
    settings.format = format
    settings.width = width
    settings.rows = rows
    return Renderer(settings: settings).render(value)
  }

  let table = Value.table(
    Table(columns: ["name", "n"], rows: [[.string("Lloyd Austin"), .int(3)], [.string("李尚福"), .int(12)]]))

  @Test func tableAlignsWideCharactersAndNumbers() {
    let text = render(table, .table)
    let lines = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }
    #expect(Set(lines).count == 1, "every line has the same display width")
    #expect(text.contains("│  3 │"))
    #expect(text.contains("│ 李尚福       │"))
  }

  @Test func tableTruncatesToTheWidth() {
    let text = render(table, .table, width: 20)
    #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 20 })
    #expect(text.contains("…"))
  }

  @Test func tableSaysHowManyRowsItHides() {
    #expect(render(table, .table, rows: 1).hasSuffix("… 1 more row (set rows N to show more)\n"))
  }

  @Test func plainEscapesTabsAndNewlines() {
    #expect(render(.list([.string("a\tb\nc")]), .plain) == "a\\tb\\nc\n")
  }

  @Test func csvOfAListOfScalars() {
    #expect(render(.list([.int(1), .string("x,y")]), .csv) == "value\n1\n\"x,y\"\n")
  }

  @Test func jsonlOfAScalar() {
    #expect(render(.string("x"), .jsonl) == "\"x\"\n")
  }

  @Test func nullPrintsNothing() {
    for format in OutputFormat.allCases { #expect(render(.null, format) == "") }
  }
}
