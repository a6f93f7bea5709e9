import QuarryCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct OpenCommandTests {
  func path(_ name: String) -> String {
    "/tmp/quarry-open-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
  }

  @Test func readsByExtension() throws {
    let json = path("a.json")
    try FilePaths.write("[{\"n\": 1}]", to: json)
    expectValue("open \(json) | get n", .list([.int(1)]))
    let csv = path("a.csv")
    try FilePaths.write("n\n2\n", to: csv)
    expectValue("open \(csv) | get n", .list([.int(2)]))
  }

  @Test func otherFilesAreText() throws {
    let text = path("a.txt")
    try FilePaths.write("hello", to: text)
    expectValue("open \(text)", .string("hello"))
  }

  @Test func missingFileIsAClearError() {
    #expect(
      errorMessage("open /nonexistent/x.json")
        == "cannot open '/nonexistent/x.json': No such file or directory")
  }
}
