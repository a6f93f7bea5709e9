import Foundation
import QuarryCore
import QuarryExtractor
import QuarryGraph
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct RenderCommandTests {
  func sample() -> Session { sampleSession() }

  func message(_ evaluation: Evaluation) -> String? { (evaluation.errors.first as? Diagnostic)?.message }

  @Test(.enabled(if: Readers.available(Readers.dot)))
  func theSampleRendersAsSVGPNGAndPDF() throws {
    let folder = temporaryFolder()
    let session = sample()
    for name in ["g.svg", "g.png", "g.pdf"] {
      let result = session.evaluate("render \(folder)/\(name)")
      #expect(result.errors.isEmpty, "\(name): \(message(result) ?? "")")
    }
    let svg = contents(folder + "/g.svg")
    #expect(svg.contains("<svg"))
    #expect(svg.contains("Lloyd Austin"))
    // The legend names each type.
    for type in ["PERSON", "TITLE", "GPE", "ORG"] { #expect(svg.contains(">\(type)</text>"), "\(type)") }
    let png = try #require(FileManager.default.contents(atPath: folder + "/g.png"))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(
      contents(folder + "/g.pdf").hasPrefix("%PDF")
        || FileManager.default.contents(atPath: folder + "/g.pdf")?.starts(with: Array("%PDF".utf8)) == true)
  }

  @Test(.enabled(if: Readers.available(Readers.dot)))
  func maxNodesKeepsTheMostCentral() throws {
    let folder = temporaryFolder()
    let session = sample()
    let result = session.evaluate(
      "graph pagerank --write; render \(folder)/g.svg --max-nodes 5 --layout sfdp")
    #expect(result.errors.isEmpty, "\(message(result) ?? "")")
    let svg = contents(folder + "/g.svg")
    #expect(svg.contains("China"))
    #expect(!svg.contains("Gina Raimondo"))
    #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 5)
  }

  /// The picture's labels come from hostile names through DOT; the SVG must stay XML.
  @Test(.enabled(if: Readers.available(Readers.dot, Readers.xmllint)))
  func hostileNamesDrawAsWellFormedSVG() throws {
    let registry = CommandRegistry()
    try registry.register(CorePlugin.plugin)
    try registry.register(ExportPlugin.plugin)
    let session = Session(registry: registry, output: .memory(), errors: .memory())
    session.setVariable("g", .custom(hostileGraph()))
    let folder = temporaryFolder()
    let result = session.evaluate("$g | render \(folder)/h.svg --size pagerank")
    #expect(result.errors.isEmpty, "\(message(result) ?? "")")
    let check = try Readers.run(try #require(Readers.xmllint), ["--nonet", "--noout", folder + "/h.svg"])
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func mistakesAreSaid() throws {
    let session = sample()
    let folder = temporaryFolder()
    #expect(
      message(session.evaluate("render \(folder)/g.gif"))
        == "cannot tell the picture's format from '\(folder)/g.gif'")
    #expect(message(session.evaluate("render \(folder)/g.svg --layout spring")) == "unknown layout 'spring'")
    #expect(
      message(session.evaluate("render \(folder)/g.svg --size pagerank"))
        == "the graph has no property 'pagerank' to size nodes by")
    #expect(
      message(session.evaluate("render \(folder)/g.svg --max-nodes 0")) == "--max-nodes must be at least 1")
  }

  @Test func theMostCentralAreKeptInNodeOrder() {
    let graph = hostileGraph()
    let measure = (0..<graph.nodeCount).map { Double($0 % 5) }
    let kept = RenderCommand.mostCentral(graph, measure: measure, limit: 3)
    #expect(kept == [4, 9, 14])
    #expect(RenderCommand.mostCentral(graph, measure: measure, limit: 1000).count == graph.nodeCount)
  }
}
