import QuarryCore
import QuarryModel

/// Reads node-link JSON, as networkx's `node_link_data` and d3 write it:
/// `{"directed": true, "nodes": [{"id": ...}], "edges" (or "links"): [{"source": ...,
/// "target": ...}]}`. Node ids may be strings or numbers; `source`/`target` name them (or,
/// as d3 allows, give a node's index). A node's `label` or `type` becomes its label, an
/// edge's `type`, `predicate` or `label` its type, `weight` its weight; every other field is
/// a property.
struct NodeLinkReader {
  var defaultLabel = "NODE"

  /// Whether the file says its graph is directed (nil when it does not say).
  func read(_ bytes: [UInt8], into builder: inout PropertyGraph.Builder) throws(GraphFileError) -> Bool? {
    let document: Value
    do {
      document = try JSON.decode(String(decoding: bytes, as: UTF8.self))
    } catch {
      let (line, column) = Self.position(of: error.offset, in: bytes)
      throw GraphFileError(line: line, column: column, message: error.message)
    }
    guard case .record(let top) = document else {
      throw GraphFileError(line: 1, message: "expected a JSON object with nodes and edges")
    }
    guard case .list(let nodes)? = top["nodes"] else {
      throw GraphFileError(line: 1, message: "there is no \"nodes\" list")
    }
    var ids: [String] = []
    for (index, item) in nodes.enumerated() {
      guard case .record(let node) = item, let id = node["id"], !id.isNull else {
        throw GraphFileError(line: 1, message: "node \(index + 1) has no \"id\"")
      }
      let label = (node["label"] ?? node["type"])?.stringValue ?? defaultLabel
      let number = builder.node(id.plainText, label: label)
      ids.append(id.plainText)
      for (key, value) in zip(node.keys, node.values) where !["id", "label", "type"].contains(key) {
        builder.nodeProperties.set(key, at: Int(number), value)
      }
    }
    let links = top["edges"] ?? top["links"]
    guard case .list(let edges)? = links else {
      if links == nil || links!.isNull { return top["directed"]?.boolValue }
      throw GraphFileError(line: 1, message: "\"edges\" is not a list")
    }
    func endpoint(_ value: Value?, _ what: String, _ index: Int) throws(GraphFileError) -> Int32 {
      guard let value, !value.isNull else {
        throw GraphFileError(line: 1, message: "edge \(index + 1) has no \"\(what)\"")
      }
      if let node = builder.existingNode(value.plainText) { return node }
      // d3 and networkx's older files give the node's position in the list.
      if case .int(let position) = value, ids.indices.contains(position) {
        return builder.existingNode(ids[position])!
      }
      return builder.node(value.plainText, label: defaultLabel)
    }
    for (index, item) in edges.enumerated() {
      guard case .record(let edge) = item else {
        throw GraphFileError(line: 1, message: "edge \(index + 1) is not an object")
      }
      let source = try endpoint(edge["source"], "source", index)
      let target = try endpoint(edge["target"], "target", index)
      var weight = 1.0
      if let value = edge["weight"], !value.isNull {
        guard let number = value.doubleValue else {
          throw GraphFileError(line: 1, message: "edge \(index + 1)'s weight is not a number")
        }
        weight = number
      }
      let type = (edge["type"] ?? edge["predicate"] ?? edge["label"])?.stringValue ?? "edge"
      let number = builder.edgeCount
      builder.edge(source, target, type: type, weight: weight)
      for (key, value) in zip(edge.keys, edge.values)
      where !["source", "target", "weight", "type", "predicate", "label", "key"].contains(key) {
        builder.edgeProperties.set(key, at: number, value)
      }
    }
    return top["directed"]?.boolValue
  }

  /// The line and column (both from 1, the column in characters) of a byte offset.
  static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var column = 1
    for byte in bytes.prefix(offset) {
      if byte == 10 {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
