import QuarryCore
import Testing

@Suite struct TableTests {
  let byColumns = Table(
    columns: ["name", "rank"],
    columnValues: [[.string("a"), .string("b"), .string("c")], [.int(3), .int(1), .int(2)]])

  func text(_ table: Table) -> String {
    table.rows.map { $0.map(\.plainText).joined(separator: ",") }.joined(separator: ";")
  }

  @Test func aTableOfColumnsReadsAsRows() {
    #expect(byColumns.count == 3)
    #expect(text(byColumns) == "a,3;b,1;c,2")
    #expect(byColumns.record(at: 1)["rank"]?.intValue == 1)
  }

  @Test func columnsSlicesAndOrdersNeedNoRows() {
    #expect(byColumns.values(ofColumn: 1).map(\.plainText) == ["3", "1", "2"])
    #expect(text(byColumns.slice(1..<3)) == "b,1;c,2")
    #expect(text(byColumns.gathering([2, 0])) == "c,2;a,3")
    #expect(text(byColumns.selecting([1])) == "3;1;2")
    #expect(byColumns.selecting([1]).columns == ["rank"])
  }

  @Test func bothFormsAnswerAlike() {
    let byRows = Table(columns: byColumns.columns, rows: byColumns.rows)
    #expect(text(byRows.slice(0..<1)) == text(byColumns.slice(0..<1)))
    #expect(text(byRows.gathering([1, 2])) == text(byColumns.gathering([1, 2])))
    #expect(byRows.values(ofColumn: 0).map(\.plainText) == byColumns.values(ofColumn: 0).map(\.plainText))
  }

  @Test func changingRowsChangesTheTable() {
    var table = byColumns
    table.rows.append([.string("d"), .int(4)])
    table.rows[0][1] = .int(9)
    #expect(text(table) == "a,9;b,1;c,2;d,4")
    #expect(table.count == 4)
    // The table it was copied from is as it was.
    #expect(text(byColumns) == "a,3;b,1;c,2")
  }

  @Test func pipelinesOverATableOfColumns() {
    let session = makeSession()
    session.setVariable("t", .table(byColumns))
    let result = session.evaluate("$t | sort rank --desc | first 2 | get name")
    #expect(result.values.last.map(JSON.encode) == #"["a","c"]"#)
    #expect(session.evaluate("$t | length").values.last?.intValue == 3)
  }
}
