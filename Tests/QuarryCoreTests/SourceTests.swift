import QuarryCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SourceTests {
  @Test func pathsAreRelativeToTheSourcingFile() throws {
    let directory = "/tmp/quarry-source-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    mkdir(directory, 0o755)
    mkdir(directory + "/lib", 0o755)
    try FilePaths.write(
      "source lib/helpers.quarry\nlet answer = (double 21)\n", to: directory + "/main.quarry")
    try FilePaths.write("def double [n: int] { $n * 2 }\n", to: directory + "/lib/helpers.quarry")
    let session = makeSession()
    evaluate("source \(directory)/main.quarry", in: session)
    #expect(session.variable("answer")?.isEqual(to: .int(42)) == true)
    #expect(session.definitionNames.contains("double"))
  }

  @Test func missingFileIsAnError() {
    #expect(
      errorMessage("source /nonexistent/x.quarry")?.hasPrefix("cannot read '/nonexistent/x.quarry'") == true)
  }
}
