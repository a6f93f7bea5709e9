import Foundation
import Testing

/// `export` and `render` through the real binary: what a script sees.
@Suite struct ExportTests {
  /// A node-link file whose names hold what breaks formats, NUL included (JSON can say it).
  static let hostile = #"""
    {"directed": true, "multigraph": true, "graph": {},
     "nodes": [{"id": "\"}) DETACH DELETE n //", "kind": "=1+2"}, {"id": "a\u0000b\nc<&>"}, {"id": "back\\"}],
     "edges": [{"source": "\"}) DETACH DELETE n //", "target": "a\u0000b\nc<&>", "type": "x`y"},
               {"source": "a\u0000b\nc<&>", "target": "back\\"}]}
    """#

  @Test func hostileNamesExportToEveryFormat() throws {
    let folder = temporaryDirectory()
    try write(Self.hostile, to: folder + "/hostile.json")
    let script = """
      graph load hostile.json
      for file in [g.dot g.graphml g.gexf out.json g.cypher g.mmd] { export $file | get path }
      export csv neo | get path
      """
    let result = try runQuarry(["-c", script], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    for name in [
      "g.dot", "g.graphml", "g.gexf", "out.json", "g.cypher", "g.mmd", "neo.nodes.csv",
      "neo.relationships.csv",
    ] {
      #expect(FileManager.default.fileExists(atPath: folder + "/" + name), "\(name)")
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func aFileThatExistsStopsTheScriptWithItsLocation() throws {
    let folder = temporaryDirectory()
    try write(Self.hostile, to: folder + "/hostile.json")
    try write("keep", to: folder + "/g.dot")
    let result = try runQuarry(["-c", "graph load hostile.json; export g.dot"], directory: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("<command line>:1:33: error: g.dot already exists"))
    #expect(result.stderr.contains("help: add --force to replace it"))
    #expect(try String(contentsOfFile: folder + "/g.dot", encoding: .utf8) == "keep")
  }

  @Test func renderWithoutGraphvizSaysHowToInstallIt() throws {
    let folder = temporaryDirectory()
    try write(Self.hostile, to: folder + "/hostile.json")
    let result = try runQuarry(
      ["-c", "graph load hostile.json; render g.svg"], environment: ["PATH": folder + "/no-graphviz-here"],
      directory: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: Graphviz's dot is not installed"))
    #expect(result.stderr.contains("sudo apt-get install graphviz"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/g.svg"))
  }
}
