import Foundation
import QuarryCore
import Testing

@testable import QuarryExport

@Suite struct TableWriterTests {
  let table = Table(
    columns: ["name", "aliases", "mentions"],
    rows: [
      [.string("=1+2, \"quoted\"\nline"), .list([.string("a"), .string("b")]), .int(3)],
      [.string("\u{0}"), .list([]), .null],
    ])

  @Test func csvReadsBackAsTheTable() throws {
    let path = try exported("t.csv") { try TableWriter(table: table).writeCSV(to: $0) }
    let back = try CSV.decode(contents(path))
    #expect(back.columns == table.columns)
    #expect(back.rows[0][0].stringValue == "=1+2, \"quoted\"\nline")
    #expect(back.rows[0][1].stringValue == "a;b")
    #expect(back.rows[0][2].intValue == 3)
  }

  @Test func jsonLinesHoldARecordALine() throws {
    let path = try exported("t.jsonl") { try TableWriter(table: table).writeJSONLines(to: $0) }
    let lines = contents(path).split(separator: "\n")
    #expect(lines.count == 2)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(first?["name"] as? String == "=1+2, \"quoted\"\nline")
    #expect(first?["aliases"] as? [String] == ["a", "b"])
    let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
    #expect(second?["name"] as? String == "\u{0}")
  }

  @Test func jsonIsOneArray() throws {
    let path = try exported("t.json") { try TableWriter(table: table).writeJSON(to: $0) }
    let rows = try JSONSerialization.jsonObject(with: Data(contents(path).utf8)) as? [[String: Any]]
    #expect(rows?.count == 2)
    let empty = try exported("e.json") { try TableWriter(table: Table(columns: ["a"])).writeJSON(to: $0) }
    #expect(contents(empty) == "[]\n")
  }
}
