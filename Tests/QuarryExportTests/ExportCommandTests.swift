import Foundation
import QuarryCore
import QuarryExtractor
import QuarryGraph
import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct ExportCommandTests {
  func session() -> Session { exportSession() }
  func sample() -> Session { sampleSession() }

  func record(_ evaluation: Evaluation) -> Record? {
    if case .record(let record)? = evaluation.values.last { return record }
    return nil
  }

  func message(_ evaluation: Evaluation) -> String? { (evaluation.errors.first as? Diagnostic)?.message }
  func help(_ evaluation: Evaluation) -> String? { (evaluation.errors.first as? Diagnostic)?.help }

  @Test func theExtensionPicksTheFormat() throws {
    let session = sample()
    let folder = temporaryFolder()
    for (name, format) in [
      ("g.gexf", "gexf"), ("g.graphml", "graphml"), ("g.json", "json"), ("g.dot", "dot"),
      ("g.cypher", "cypher"), ("g.mmd", "mermaid"),
    ] {
      let result = session.evaluate("export \(folder)/\(name)")
      #expect(result.errors.isEmpty, "\(name): \(message(result) ?? "")")
      #expect(record(result)?["format"]?.stringValue == format)
      #expect(record(result)?["nodes"]?.intValue == 26)
      #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
    }
  }

  @Test func aFormatNamedFirstWinsOverTheExtension() throws {
    let folder = temporaryFolder()
    let result = sample().evaluate("export gexf \(folder)/graph.xml")
    #expect(result.errors.isEmpty)
    #expect(contents(folder + "/graph.xml").contains("<gexf xmlns=\"http://www.gexf.net/1.2\""))
  }

  @Test func neo4jFilesComeInPairsWithTheImportCommand() throws {
    let folder = temporaryFolder()
    let result = sample().evaluate("export csv \(folder)/graph")
    #expect(result.errors.isEmpty)
    #expect(FileManager.default.fileExists(atPath: folder + "/graph.nodes.csv"))
    #expect(FileManager.default.fileExists(atPath: folder + "/graph.relationships.csv"))
    let command = record(result)?["import"]?.stringValue ?? ""
    #expect(command.hasPrefix("neo4j-admin database import full --nodes=\(folder)/graph.nodes.csv"))
    #expect(command.contains("--multiline-fields=true"))
  }

  @Test func entityPropertiesAndComputedMetricsGoOut() throws {
    let folder = temporaryFolder()
    let result = sample().evaluate("export \(folder)/g.graphml --metrics [pagerank communities]")
    #expect(result.errors.isEmpty, "\(message(result) ?? "")")
    let text = contents(folder + "/g.graphml")
    for name in ["aliases", "mentions", "docs", "first_seen", "last_seen", "pagerank", "community"] {
      #expect(text.contains("attr.name=\"\(name)\""), "\(name)")
    }
  }

  @Test func propertiesCanBeLeftOut() throws {
    let folder = temporaryFolder()
    let result = sample().evaluate("export \(folder)/g.graphml --properties [mentions]")
    #expect(result.errors.isEmpty)
    let text = contents(folder + "/g.graphml")
    #expect(text.contains("attr.name=\"mentions\""))
    #expect(!text.contains("attr.name=\"aliases\""))
  }

  @Test func aPipedGraphIsExported() throws {
    let folder = temporaryFolder()
    let session = sample()
    let result = session.evaluate("graph ego 'Lloyd Austin' --radius 1 | export \(folder)/ego.json")
    #expect(result.errors.isEmpty, "\(message(result) ?? "")")
    #expect(record(result)?["nodes"]?.intValue ?? 99 < 26)
  }

  @Test func tablesExportAsCSVJSONLinesOrJSON() throws {
    let folder = temporaryFolder()
    let session = sample()
    for name in ["entities.csv", "entities.jsonl", "entities.json"] {
      let result = session.evaluate("entities | export \(folder)/\(name)")
      #expect(result.errors.isEmpty, "\(message(result) ?? "")")
      #expect(record(result)?["rows"]?.intValue == 28)
    }
    #expect(contents(folder + "/entities.csv").hasPrefix("id,name,type,aliases,mentions,docs"))
    let wrong = session.evaluate("entities | export \(folder)/entities.gexf")
    #expect(message(wrong) == "a table exports as csv, jsonl or json, not gexf")
  }

  @Test func anExistingFileNeedsForce() throws {
    let folder = temporaryFolder()
    let session = sample()
    #expect(session.evaluate("export \(folder)/g.dot").errors.isEmpty)
    let again = session.evaluate("export \(folder)/g.dot")
    #expect(message(again) == "\(folder)/g.dot already exists")
    #expect(help(again) == "add --force to replace it")
    #expect(session.evaluate("export \(folder)/g.dot --force").errors.isEmpty)
  }

  @Test func mistakesAreSaid() throws {
    let session = sample()
    let folder = temporaryFolder()
    #expect(
      message(session.evaluate("export \(folder)/graph")) == "cannot tell the format from '\(folder)/graph'")
    #expect(message(session.evaluate("export svg \(folder)/g.svg")) == "unknown format 'svg'")
    #expect(message(session.evaluate("export gexf")) == "'export gexf' needs a file to write")
    #expect(
      message(session.evaluate("export \(folder)/g.gexf --metrics [pagerenk]")) == "unknown metric 'pagerenk'"
    )
    #expect(
      message(session.evaluate("export \(folder)/x/g.gexf"))
        == "cannot write \(folder)/x/g.gexf: there is no folder \(folder)/x")
    #expect(message(self.session().evaluate("export \(folder)/g.gexf")) == "there is no graph yet")
  }

  @Test func onlyGraphsAndTablesExport() throws {
    let folder = temporaryFolder()
    #expect(
      message(sample().evaluate("'text' | export \(folder)/g.gexf"))
        == "'export' writes a graph or a table, not a string")
  }

  /// An empty graph is still a file each reader opens.
  @Test func anEmptyGraphExportsToEveryFormat() throws {
    let session = exportSession()
    let folder = temporaryFolder()
    #expect(session.evaluate("graph build").errors.isEmpty)
    for name in ["g.dot", "g.graphml", "g.gexf", "g.json", "g.cypher", "g.mmd", "g.csv"] {
      let result = session.evaluate("export \(folder)/\(name)")
      #expect(result.errors.isEmpty, "\(name): \(message(result) ?? "")")
    }
    if Readers.gexfSchema != nil, let xmllint = Readers.xmllint {
      let check = try Readers.run(
        xmllint, ["--nonet", "--noout", "--schema", Readers.gexfSchema!, folder + "/g.gexf"])
      #expect(check.status == 0, "\(check.stderr)")
    }
    if Readers.python != nil {
      #expect(ReadBack(try Readers.readBack("graphml", folder + "/g.graphml")).nodeCount == 0)
      #expect(ReadBack(try Readers.readBack("json", folder + "/g.json")).nodeCount == 0)
    }
    if let dot = Readers.dot { #expect(try Readers.run(dot, ["-Tsvg", folder + "/g.dot"]).status == 0) }
  }

  @Test func theSessionKeepsItsGraphAfterAFailedExport() throws {
    let session = sample()
    _ = session.evaluate("export /nonexistent/folder/g.gexf")
    #expect(CurrentGraph.of(session).graph?.nodeCount == 26)
  }
}
