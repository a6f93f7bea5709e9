import Foundation
import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExport

/// Mermaid's own parser (mermaid 11, bundled by the PyPI package mermaid-parser-py and
/// run by node, since npm's registry is out of reach) reads the hostile names; the
/// output is also held to the grammar of the statements written, and the entity codes
/// decode back to the names.
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
    let expected = graph.nodeNames.map { $0.isEmpty ? "\u{200B}" : xmlSafe($0) }
    #expect(names == expected)
    #expect(types.sorted() == (0..<graph.edgeCount).map { graph.edgeType($0) }.sorted())
  }

  @Test(.enabled(if: Readers.available(Readers.python, Readers.node)))
  func mermaidsParserReadsEveryNameAndEdge() throws {
    let graph = hostileGraph()
    let path = try exported("graph.mmd") { try MermaidWriter(graph: graph).write(to: $0) }
    let back = try Readers.readBack("mermaid", path)
    #expect(back["type"] as? String == "flowchart-v2")
    let nodes = try #require(back["nodes"] as? [[String: Any]])
    let texts = Dictionary(
      uniqueKeysWithValues: nodes.map { ($0["id"] as? String ?? "?", $0["text"] as? String ?? "") })
    for (index, name) in graph.nodeNames.enumerated() {
      #expect(texts["n\(index)"] == (name.isEmpty ? "\u{200B}" : xmlSafe(name)), "\(name.debugDescription)")
    }
    let edges = try #require(back["edges"] as? [[String: Any]])
    #expect(
      edges.map { "\($0["source"] ?? "")|\($0["text"] as? String ?? "")|\($0["target"] ?? "")" }
        .sorted()
        == (0..<graph.edgeCount).map {
          "n\(graph.edgeSources[$0])|\(graph.edgeType($0))|n\(graph.edgeTargets[$0])"
        }.sorted())
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
