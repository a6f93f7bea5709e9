import QuarryCore
import Testing

@Suite struct JoinCommandTests {
  @Test func rowsWithTheSameKeySideBySide() {
    let left = "[{name: a, n: 1}, {name: b, n: 2}, {name: c, n: 3}]"
    let right = "[{name: c, n: 30, r: x}, {name: a, n: 10, r: y}, {name: a, n: 11, r: z}]"
    expectValue("\(left) | join \(right) name | get name", .list([.string("a"), .string("a"), .string("c")]))
    // A shared column other than the key comes back with _2.
    expectValue("\(left) | join \(right) name | get n_2", .list([.int(10), .int(11), .int(30)]))
    expectValue(
      "\(left) | join \(right) name --left | get r", .list([.string("y"), .string("z"), .null, .string("x")]))
  }

  @Test func keysCompareAsValues() {
    expectValue("[{k: 1}] | join [{key: 1.0, v: ok}] k --right-on key | get v", .list([.string("ok")]))
    expectValue("[{k: 1}] | join [] k --left | length", .int(1))
  }

  @Test func mistakesAreClear() {
    #expect(errorMessage("[{k: 1}] | join [{j: 1}] k") == "no column 'k' to join on in the other table")
    #expect(errorMessage("[{k: 1}] | join [{k: 1}] x") == "no column 'x' to join on")
    #expect(errorMessage("[{k: 1}] | join 5 k") == "'join' needs a table to join with, but got int")
  }
}
