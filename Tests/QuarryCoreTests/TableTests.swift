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

  /// Numbers held unboxed read as the values they stand for, through every operation,
  /// and keep their kind when sliced or gathered.
  @Test func numberColumnsReadAsValues() {
    let typed = Table(
      columns: ["name", "rank", "score"],
      typedColumns: [
        .values([.string("a"), .string("b"), .string("c")]), .ints([3, 1, 2]), .floats([0.5, 1.5, 2.5]),
      ])
    #expect(text(typed) == "a,3,0.5;b,1,1.5;c,2,2.5")
    #expect(typed.values(ofColumn: 1).map(\.intValue) == [3, 1, 2])
    #expect(typed.values(ofColumn: 2).map(\.typeName) == ["float", "float", "float"])
    #expect(typed.record(at: 2)["score"]?.doubleValue == 2.5 && typed.record(at: 2)["rank"]?.intValue == 2)
    #expect(text(typed.slice(1..<2)) == "b,1,1.5")
    #expect(text(typed.gathering([2, 0])) == "c,2,2.5;a,3,0.5")
    #expect(text(typed.selecting([2, 1])) == "0.5,3;1.5,1;2.5,2")
    let session = makeSession()
    session.setVariable("t", .table(typed))
    let result = session.evaluate("$t | where rank > 1 | sort score --desc | get name")
    #expect(result.values.last.map(JSON.encode) == #"["c","a"]"#)
  }
}
