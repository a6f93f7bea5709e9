import QuarryCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SaveCommandTests {
  func path(_ name: String) -> String {
    "/tmp/quarry-save-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
  }

  @Test func roundTripsThroughEachFormat() {
    for name in ["t.json", "t.jsonl", "t.csv"] {
      let file = path(name)
      expectValue("[{a: 1, b: 'x,y'}] | save \(file); open \(file) | get b", .list([.string("x,y")]))
    }
  }

  @Test func replacesAFileOnlyWithForce() throws {
    let file = path("kept.json")
    try FilePaths.write("[]", to: file)
    #expect(errorMessage("[1] | save \(file)") == "'\(file)' exists")
    expectValue("[1] | save \(file) --force; open \(file)", .list([.int(1)]))
  }
}
