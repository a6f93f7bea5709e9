import QuarryCore
import Testing

@Suite struct WhereCommandTests {
  let rows =
    "[{n: 'Li Shangfu', t: PERSON, m: 3}, {n: China, t: GPE, m: 9}, {n: 'Lloyd Austin', t: PERSON, m: 1}]"

  @Test func comparesColumns() {
    expectValue("\(rows) | where m > 2 | get n", .list([.string("Li Shangfu"), .string("China")]))
  }

  @Test func combinesWithAndOrNot() {
    expectValue("\(rows) | where t == PERSON and not (m > 2) | get n", .list([.string("Lloyd Austin")]))
    expectValue("\(rows) | where m == 1 or t == GPE | length", .int(2))
  }

  @Test func regexMembershipAndPrefixes() {
    expectValue("\(rows) | where n =~ '^L' | length", .int(2))
    expectValue("\(rows) | where t in [GPE LOC] | get n", .list([.string("China")]))
    expectValue("\(rows) | where n contains 'Austin' | get m", .list([.int(1)]))
    expectValue("\(rows) | where n starts-with Li | get m", .list([.int(3)]))
  }

  @Test func acceptsAClosure() {
    expectValue("\(rows) | where { |r| $r.m > 5 } | get n", .list([.string("China")]))
  }

  @Test func keepsTheTableColumnsWhenNothingMatches() {
    guard case .table(let table)? = value("\(rows) | where m > 100") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns == ["n", "t", "m"])
    #expect(table.rows.isEmpty)
  }

  @Test func aConditionThatIsNotABoolIsAnError() {
    #expect(errorMessage("\(rows) | where m + 1")?.contains("must give a bool") == true)
  }

  @Test func invalidRegexIsAnError() {
    #expect(errorMessage("\(rows) | where n =~ '('")?.hasPrefix("invalid regular expression") == true)
  }
}
