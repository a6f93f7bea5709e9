import Foundation
import Testing

@testable import QuarryExport

@Suite struct GraphvizTests {
  @Test(.enabled(if: Readers.available(Readers.dot)))
  func aBrokenInputIsReportedWithWhatGraphvizSaid() throws {
    let folder = temporaryFolder()
    try "digraph { a -> }".write(toFile: folder + "/bad.dot", atomically: true, encoding: .utf8)
    #expect {
      try Graphviz.run(
        try #require(Graphviz.find("dot")), format: "svg", input: folder + "/bad.dot",
        output: folder + "/out.svg")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("dot failed with status 1") && text.contains("syntax error")
    }
  }

  @Test func aProgramNotOnThePathIsNotFound() {
    #expect(Graphviz.find("quarry-no-such-layout-program") == nil)
    #expect(Graphviz.installHelp.contains("apt-get install graphviz"))
  }
}
