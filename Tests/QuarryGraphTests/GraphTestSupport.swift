import Foundation
import QuarryCore
import QuarryModel

@testable import QuarryGraph

/// A session with the core and graph commands, for driving commands as a script would.
func graphSession() -> Session {
  let registry = CommandRegistry()
  try! registry.register(CorePlugin.plugin)
  try! registry.register(GraphPlugin.plugin)
  return Session(registry: registry, output: .memory(), errors: .memory())
}

/// Writes `text` to a new file with this name in a fresh folder; its path.
func temporaryFile(_ name: String, _ text: String) -> String {
  let folder = NSTemporaryDirectory() + "quarry-graph-\(UUID().uuidString)"
  try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let path = folder + "/" + name
  try! text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

extension Evaluation {
  var lastTable: Table? {
    if case .table(let table)? = values.last { return table }
    return nil
  }
  var lastGraph: PropertyGraph? {
    if case .custom(let value)? = values.last { return value as? PropertyGraph }
    return nil
  }
  var firstMessage: String? { (errors.first as? Diagnostic)?.message }
}

/// Two triangles joined by one edge: a-b-c and d-e-f, with c-d between them.
func twoTriangles(directed: Bool = false) -> PropertyGraph {
  var builder = PropertyGraph.Builder()
  for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")] {
    builder.edge(builder.node(a, label: "N"), builder.node(b, label: "N"), type: "knows")
  }
  return builder.build(kind: "test", directed: directed)
}
