import Foundation
import QuarryCore
import QuarryExtractor
import QuarryGraph
import QuarryModel
import Testing

@testable import QuarryExport

/// The package's root folder, from this file's path.
let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

/// A session with the core, extractor, graph and export commands.
func exportSession() -> Session {
  let registry = CommandRegistry()
  try! registry.register(CorePlugin.plugin)
  try! registry.register(ExtractorPlugin.plugin)
  try! registry.register(GraphPlugin.plugin)
  try! registry.register(ExportPlugin.plugin)
  return Session(registry: registry, output: .memory(), errors: .memory())
}

/// A session with the sample article's relation graph.
func sampleSession() -> Session {
  let session = exportSession()
  #expect(session.evaluate("ingest \(packageRoot)/Scripts/corpus; extract; graph build").errors.isEmpty)
  return session
}

/// Names from untrusted text: every character that breaks a format somewhere.
let hostileNames = [
  "Lloyd Austin", "quote \" inside", "back\\slash", "ends in a backslash\\", "line\nbreak",
  "carriage\rreturn",
  "tab\there", "<b>bold</b> & &amp; entity", "arrow --> here", "closing } brace", "{ opening",
  "\u{0}NUL inside",
  "right\u{200F}-to-left \u{202E}override", "\"}) DETACH DELETE n //", "'}) MATCH (n) DETACH DELETE n //",
  "=1+2", "+SUM(A1)", "-2", "@cmd", "%% not a comment", "#35; not an entity", "pipe | semicolon ; comma ,",
  "`backquoted`", "]]> cdata end", "emoji \u{1F600}", "中文名字", " leading space", "trailing space ",
  "\u{FFFE}nonchar",
  "", "\\N graphviz name", "a\u{2028}line separator",
]

/// A graph whose every name, type, property name and value is hostile, with a property
/// of each kind.
func hostileGraph() -> PropertyGraph {
  var builder = PropertyGraph.Builder()
  let labels = ["PERSON", "ORG;X|Y", "PER`SON", "GPE"]
  for (index, name) in hostileNames.enumerated() {
    _ = builder.node(name, label: labels[index % labels.count])
  }
  let types = ["meet", "shoot down", "a`b", "x\"y -->", "'}) DETACH DELETE n //"]
  for index in hostileNames.indices {
    let next = (index * 7 + 3) % hostileNames.count
    builder.edge(
      Int32(index), Int32(next), type: types[index % types.count], weight: Double(index) / 4,
      document: "doc \"\(index)\"", sentence: index,
      date: index % 3 == 0 ? "2023-05" : "2023-05-\(10 + index % 18)")
  }
  let count = hostileNames.count
  builder.nodeProperties.set("mentions", (0..<count).map { .int($0 * 3 - 5) })
  builder.nodeProperties.set("pagerank", (0..<count).map { .float(1 / Double($0 + 3)) })
  builder.nodeProperties.set("verified", (0..<count).map { .bool($0 % 2 == 0) })
  builder.nodeProperties.set(
    "aliases", (0..<count).map { .list([.string(hostileNames[($0 + 1) % count]), .string("alias;\($0)")]) })
  builder.nodeProperties.set("we`ird:key,\"x\"", (0..<count).map { .string(hostileNames[($0 + 5) % count]) })
  builder.nodeProperties.set("label", (0..<count).map { $0 % 4 == 0 ? .null : .string("kept as label_2") })
  builder.nodeProperties.set(
    "first_seen",
    (0..<count).map { .date(CalendarDate(year: 2023, month: 5, day: $0 % 2 == 0 ? nil : 1 + $0 % 28)) })
  return builder.build(kind: "hostile")
}

/// The text an XML or DOT reader gets back: U+0000, the other C0 controls but tab and
/// line breaks, and U+FFFE/U+FFFF become U+FFFD.
func xmlSafe(_ text: String, keepControls: Set<UInt32> = [0x09, 0x0A, 0x0D]) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.map { scalar in
        let value = scalar.value
        return (value < 0x20 && !keepControls.contains(value)) || value == 0xFFFE || value == 0xFFFF
          ? "\u{FFFD}" : scalar
      }))
}

/// Writes with `body` to a new file in a fresh folder; its path.
func exported(_ name: String, _ body: (AtomicFile) throws -> Void) throws -> String {
  let path = temporaryFolder() + "/" + name
  let file = try AtomicFile(path: path, replacing: false)
  try body(file)
  try file.commit()
  return path
}

func temporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "quarry-export-\(UUID().uuidString)"
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

/// The real readers the tests check exports with: networkx, graphglot and Mermaid's
/// parser (run by node) from a Python's packages, Graphviz's `dot`, `xmllint`. CI installs them all and sets QUARRY_REQUIRE_READERS=1,
/// so that there a missing reader fails the test instead of skipping it.
enum Readers {
  static let required = ProcessInfo.processInfo.environment["QUARRY_REQUIRE_READERS"] == "1"

  /// A Python that can import networkx and graphglot: $QUARRY_PYTHON, or python3.
  static let python: String? = {
    let candidates = [ProcessInfo.processInfo.environment["QUARRY_PYTHON"], "/usr/bin/env"].compactMap { $0 }
    for candidate in candidates {
      let prefix = candidate == "/usr/bin/env" ? ["python3"] : []
      if let result = try? run(candidate, prefix + ["-c", "import networkx, graphglot"]), result.status == 0 {
        return candidate == "/usr/bin/env" ? "python3" : candidate
      }
    }
    return nil
  }()

  static let dot: String? = program("dot")
  static let xmllint: String? = program("xmllint")
  static let node: String? = program("node")

  /// The GEXF 1.2 schema, in ../shared/data/schemas beside the clone (never copied in).
  static let gexfSchema: String? = {
    let path = packageRoot + "/../shared/data/schemas/gexf-1.2/gexf.xsd"
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  static func program(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let path = folder + "/" + name
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Whether a test needing these readers runs: always where they are required.
  static func available(_ readers: String?...) -> Bool { required || readers.allSatisfy { $0 != nil } }

  /// What `read_back.py` prints for these files, parsed.
  static func readBack(_ format: String, _ paths: String...) throws -> [String: Any] {
    let python = try #require(python, "no Python with networkx and graphglot: pip install networkx graphglot")
    let arguments =
      (python == "python3" ? ["python3"] : []) + [
        packageRoot + "/Tests/QuarryExportTests/Readers/read_back.py", format,
      ] + paths
    let result = try run(python == "python3" ? "/usr/bin/env" : python, arguments)
    try #require(result.status == 0, "read_back.py \(format) failed: \(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a program to its end, with its output and error read in full.
  static func run(_ program: String, _ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let folder = temporaryFolder()
    let outPath = folder + "/out"
    let errPath = folder + "/err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return Result(status: process.terminationStatus, stdout: contents(outPath), stderr: contents(errPath))
  }
}

/// The nodes and edges a reader gave back, by name.
struct ReadBack {
  var nodes: [String: [String: Any]] = [:]
  var nodeCount = 0
  var edges: [[String: Any]] = []

  init(_ object: [String: Any]) {
    for node in object["nodes"] as? [[String: Any]] ?? [] {
      nodes[node["name"] as? String ?? "?"] = node
      nodeCount += 1
    }
    edges = object["edges"] as? [[String: Any]] ?? []
  }

  func property(_ node: String, _ name: String) -> Any? {
    (nodes[node]?["properties"] as? [String: Any])?[name]
  }

  /// Edges as "source|type|target" strings, sorted, for comparing multisets.
  var edgeKeys: [String] {
    edges.map { "\($0["source"] ?? "")|\($0["type"] ?? "")|\($0["target"] ?? "")" }.sorted()
  }
}

/// The graph's edges as "source|type|target", through `transform`.
func edgeKeys(_ graph: PropertyGraph, _ transform: (String) -> String = { $0 }) -> [String] {
  (0..<graph.edgeCount).map {
    transform(graph.nodeNames[Int(graph.edgeSources[$0])]) + "|" + transform(graph.edgeType($0)) + "|"
      + transform(graph.nodeNames[Int(graph.edgeTargets[$0])])
  }.sorted()
}

/// Whether a number read back is the one written. Foundation's JSON parser on Linux can
/// miss the last bit of a double that Python printed exactly, so allow that.
func close(_ value: Any?, _ expected: Double) -> Bool {
  guard let value = value as? Double else { return false }
  return abs(value - expected) <= 4 * expected.ulp
}

/// Expects every node of `graph` back from a reader: its name (through `names`, what the
/// format can hold), its type, and the typed properties of `hostileGraph()`.
func expectHostileNodes(
  _ back: ReadBack, _ graph: PropertyGraph, names: (String) -> String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  #expect(back.nodeCount == graph.nodeCount, sourceLocation: sourceLocation)
  for (index, original) in graph.nodeNames.enumerated() {
    let name = names(original)
    let node = try #require(
      back.nodes[name], "missing \(original.debugDescription)", sourceLocation: sourceLocation)
    #expect(node["type"] as? String == graph.nodeLabels[index], sourceLocation: sourceLocation)
    #expect(back.property(name, "mentions") as? Int == index * 3 - 5, sourceLocation: sourceLocation)
    #expect(close(back.property(name, "pagerank"), 1 / Double(index + 3)), sourceLocation: sourceLocation)
    #expect(back.property(name, "verified") as? Bool == (index % 2 == 0), sourceLocation: sourceLocation)
    #expect(
      back.property(name, "we`ird:key,\"x\"") as? String
        == names(hostileNames[(index + 5) % hostileNames.count]),
      sourceLocation: sourceLocation)
  }
}
