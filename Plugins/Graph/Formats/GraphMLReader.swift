import QuarryCore
import QuarryModel

/// Reads GraphML, as networkx, igraph, yEd and Gephi write it: `<key>` declarations with
/// their `attr.name`, `attr.type` and defaults, then one `<graph>` of `<node>` and
/// `<edge>` elements with `<data>` values. A node's `label` or `type` key becomes its
/// label, an edge's `type`, `label` or `predicate` key its type, `weight` its weight; the
/// other keys are properties, typed as declared. Nested graphs are read flat.
struct GraphMLReader {
  var defaultLabel = "NODE"

  private struct Key {
    var name: String
    var type: String
    var domain: String
    var defaultValue: String?
  }

  /// Whether the file says its graph is directed (nil when it does not say).
  func read(_ bytes: [UInt8], into builder: inout PropertyGraph.Builder) throws(GraphFileError) -> Bool? {
    var scanner = XMLScanner(String(decoding: bytes, as: UTF8.self))
    var keys: [String: Key] = [:]
    var directed: Bool?
    var sawGraphML = false
    // What the reader is inside of: a key (for its default), a node, an edge, a data.
    var currentKey: String?
    var currentNode: Int32?
    var currentEdge: Int?
    var currentData: (key: String, line: Int)?
    var dataText = ""
    var depthInData = 0
    var seenData = Set<String>()

    func value(_ text: String, of key: Key) -> Value {
      switch key.type {
      case "int", "long": return Int(text.trimmingSpaces).map(Value.int) ?? .string(text)
      case "float", "double": return Double(text.trimmingSpaces).map(Value.float) ?? .string(text)
      case "boolean": return .bool(text.trimmingSpaces.lowercased() == "true" || text.trimmingSpaces == "1")
      default: return .string(text)
      }
    }
    func applyDefaults(domain: String, index: Int) {
      for (id, key) in keys where key.domain == domain || key.domain == "all" {
        guard !seenData.contains(id), let text = key.defaultValue else { continue }
        store(id, text, index: index, domain: domain)
      }
    }
    func store(_ id: String, _ text: String, index: Int, domain: String) {
      guard let key = keys[id] else { return }
      if domain == "node" {
        if ["label", "type"].contains(key.name) {
          builder.relabel(Int32(index), text)
        } else {
          builder.nodeProperties.set(key.name, at: index, value(text, of: key))
        }
      } else if key.name == "weight", let weight = Double(text.trimmingSpaces) {
        builder.setWeight(index, weight)
      } else if ["type", "label", "predicate"].contains(key.name) {
        builder.setType(index, text)
      } else {
        builder.edgeProperties.set(key.name, at: index, value(text, of: key))
      }
    }

    while let event = try scanner.next() {
      switch event {
      case .start(let name, let attributes, let selfClosing):
        func attribute(_ wanted: String) -> String? { attributes.first { $0.0 == wanted }?.1 }
        if currentData != nil {
          depthInData += selfClosing ? 0 : 1  // yEd's graphics inside a data element: text only
          continue
        }
        switch name {
        case "graphml": sawGraphML = true
        case "key":
          guard let id = attribute("id") else {
            throw GraphFileError(line: scanner.line, message: "a <key> without an id")
          }
          keys[id] = Key(
            name: attribute("attr.name") ?? attribute("yfiles.type") ?? id,
            type: attribute("attr.type") ?? "string",
            domain: attribute("for") ?? "all")
          if !selfClosing { currentKey = id }
        case "default":
          if currentKey != nil && !selfClosing { currentData = ("default", scanner.line) }
          dataText = ""
        case "graph":
          if directed == nil, let edges = attribute("edgedefault") { directed = edges != "undirected" }
        case "node":
          guard let id = attribute("id") else {
            throw GraphFileError(line: scanner.line, message: "a <node> without an id")
          }
          let node = builder.node(id, label: defaultLabel)
          seenData = []
          if selfClosing { applyDefaults(domain: "node", index: Int(node)) } else { currentNode = node }
        case "edge":
          guard let source = attribute("source"), let target = attribute("target") else {
            throw GraphFileError(line: scanner.line, message: "an <edge> without a source and a target")
          }
          let edge = builder.edgeCount
          builder.edge(
            builder.node(source, label: defaultLabel), builder.node(target, label: defaultLabel), type: "edge"
          )
          seenData = []
          if selfClosing { applyDefaults(domain: "edge", index: edge) } else { currentEdge = edge }
        case "data":
          guard let key = attribute("key") else {
            throw GraphFileError(line: scanner.line, message: "a <data> without a key")
          }
          guard keys[key] != nil else {
            throw GraphFileError(line: scanner.line, message: "<data> names the undeclared key '\(key)'")
          }
          if !selfClosing {
            currentData = (key, scanner.line)
            dataText = ""
          }
        default: break
        }
      case .text(let text):
        if currentData != nil { dataText += text }
      case .end(let name):
        if currentData != nil && depthInData > 0 {
          depthInData -= 1
          continue
        }
        switch name {
        case "default":
          if let id = currentKey { keys[id]?.defaultValue = dataText }
          currentData = nil
        case "key": currentKey = nil
        case "data":
          guard let (key, _) = currentData else { break }
          currentData = nil
          seenData.insert(key)
          if let node = currentNode {
            store(key, dataText, index: Int(node), domain: "node")
          } else if let edge = currentEdge {
            store(key, dataText, index: edge, domain: "edge")
          }
        case "node":
          if let node = currentNode { applyDefaults(domain: "node", index: Int(node)) }
          currentNode = nil
        case "edge":
          if let edge = currentEdge { applyDefaults(domain: "edge", index: edge) }
          currentEdge = nil
        default: break
        }
      }
    }
    guard sawGraphML else {
      throw GraphFileError(line: 1, message: "this is not GraphML: no <graphml> element")
    }
    return directed
  }
}

extension String {
  var trimmingSpaces: Substring {
    var text = self[...]
    while text.first?.isWhitespace == true { text = text.dropFirst() }
    while text.last?.isWhitespace == true { text = text.dropLast() }
    return text
  }
}
