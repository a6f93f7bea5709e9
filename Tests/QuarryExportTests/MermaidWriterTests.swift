import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

/// No Mermaid parser installs offline (it is a JavaScript package and npm's registry is
/// out of reach), so these tests hold the output to the grammar of the statements
/// written, and decode the entity codes back to the names.
@Suite struct MermaidWriterTests {
  func write(_ graph: PropertyGraph, nodes: [Int32]? = nil) throws -> String {
    contents(try exported("graph.mmd") { try MermaidWriter(graph: graph, nodes: nodes).write(to: $0) })
  }

  let node = try! Regex(#"^  n(\d+)\["([^"\n]*)"\]:::t\d+$"#)
  let edge = try! Regex(#"^  n\d+ -->\|"([^"\n|]*)"\| n\d+$"#)
  let classDefinition = try! Regex(#"^  classDef t\d+ fill:#[0-9a-f]{6},stroke:#555555$"#)

  /// Mermaid's `#NNN;` codes back to characters.
  func decoded(_ text: String) -> String {
    var output = ""
    var rest = Substring(text)
    while let hash = rest.firstIndex(of: "#") {
      output += rest[..<hash]
      let after = rest[rest.index(after: hash)...]
      guard let semicolon = after.firstIndex(of: ";"), let code = UInt32(after[..<semicolon]),
        let scalar = Unicode.Scalar(code)
      else {
        output.append("#")
        rest = after
        continue
      }
      output.unicodeScalars.append(scalar)
      rest = after[after.index(after: semicolon)...]
    }
    return output + rest
  }

  @Test func everyLineIsAStatementAndEveryNameDecodes() throws {
    let graph = hostileGraph()
    let lines = try write(graph).split(separator: "\n").map(String.init)
    #expect(lines.first == "flowchart LR")
    var names: [String] = []
    var types: [String] = []
    for line in lines.dropFirst() {
      if let match = line.wholeMatch(of: node) {
        names.append(decoded(String(match.output[2].substring ?? "")))
      } else if let match = line.wholeMatch(of: edge) {
        types.append(decoded(String(match.output[1].substring ?? "")))
      } else {
        #expect(line.wholeMatch(of: classDefinition) != nil, "not a statement: \(line.debugDescription)")
      }
    }
    let expected = graph.nodeNames.map { xmlSafe($0) }
    #expect(names == expected)
    #expect(types.sorted() == (0..<graph.edgeCount).map { graph.edgeType($0) }.sorted())
  }

  @Test func onlyPlainCharactersStayAsTheyAre() throws {
    let text = try write(hostileGraph())
    #expect(text.contains(#"n8["arrow #45;#45;#62; here"]"#) == false)
    #expect(text.contains(#"n8["arrow --#62; here"]"#))
    #expect(text.contains(#"n1["quote #34; inside"]"#))
    #expect(!text.contains("<b>"))
  }

  @Test func aSubsetKeepsEdgesBetweenItsNodes() throws {
    let graph = hostileGraph()
    let text = try write(graph, nodes: [0, 3])
    #expect(
      text.split(separator: "\n").filter { $0.contains("-->") }.count
        == (0..<graph.edgeCount).filter {
          [0, 3].contains(graph.edgeSources[$0]) && [0, 3].contains(graph.edgeTargets[$0])
        }.count)
  }
}
