/// The formats `export` writes, with the file extensions that imply them.
enum ExportFormat: String, CaseIterable {
  case dot, graphml, gexf, json, csv, cypher, mermaid, jsonl

  /// Formats for a graph; `csv` means Neo4j's import files.
  static let graphFormats: [ExportFormat] = [.dot, .graphml, .gexf, .json, .csv, .cypher, .mermaid]
  /// Formats for a table.
  static let tableFormats: [ExportFormat] = [.csv, .jsonl, .json]

  init?(name: String) {
    switch name.lowercased() {
    case "gv": self = .dot
    case "mmd": self = .mermaid
    case "cql": self = .cypher
    case "ndjson": self = .jsonl
    default:
      guard let format = ExportFormat(rawValue: name.lowercased()) else { return nil }
      self = format
    }
  }

  /// The format a path's extension names: `graph.gexf`, `page.mmd`.
  init?(path: String) {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    self.init(name: String(name[name.index(after: dot)...]))
  }
}
