import QuarryCore
import Testing

@Suite struct CSVTests {
  @Test func quotesOnlyWhatNeedsIt() {
    let table = Table(
      columns: ["a", "b"], rows: [[.string("plain"), .string("with \"quote\", comma\nline")]])
    #expect(CSV.encode(table) == "a,b\nplain,\"with \"\"quote\"\", comma\nline\"\n")
  }

  @Test func roundTrips() throws {
    let table = Table(
      columns: ["a", "b"], rows: [[.string("x,y"), .int(2)], [.string("q\"r"), .float(1.5)]])
    let decoded = try CSV.decode(CSV.encode(table))
    #expect(Value.table(decoded).isEqual(to: .table(table)))
  }

  @Test func unclosedQuoteIsAnError() {
    #expect(throws: CSV.ParseError.self) { try CSV.decode("a\n\"open\n") }
  }
}
