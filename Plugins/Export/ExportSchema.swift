import QuarryCore
import QuarryModel

/// The kind every value of a property fits, so that typed formats (GraphML keys, GEXF
/// attributes, Neo4j headers) can declare it once.
enum PropertyKind: Equatable, Sendable {
  case bool, int, double, string, date, list

  /// The narrowest kind holding every value given; nulls fit any kind.
  static func of(_ values: [Value]) -> PropertyKind {
    var kind: PropertyKind?
    for value in values {
      let next: PropertyKind
      switch value {
      case .null: continue
      case .bool: next = .bool
      case .int: next = .int
      case .float: next = .double
      case .date: next = .date
      case .list: next = .list
      default: next = .string
      }
      switch (kind, next) {
      case (nil, _): kind = next
      case (let same?, _) where same == next: break
      case (.int?, .double), (.double?, .int): kind = .double
      default: return .string
      }
    }
    return kind ?? .string
  }
}

/// One property as an export writes it: its name, kind and a value per node or edge.
struct ExportColumn: Sendable {
  let name: String
  let kind: PropertyKind
  let values: [Value]

  func value(_ index: Int) -> Value { index < values.count ? values[index] : .null }

  /// The value as text, for formats without types: lists as JSON arrays, so that an
  /// element holding the separator survives.
  static func text(_ value: Value) -> String {
    switch value {
    case .list, .record, .table: JSON.encode(value)
    case .float(let number) where number.isFinite: number.description
    default: value.plainText
    }
  }
}

/// What an export writes of a graph beyond each node's name and type and each edge's
/// ends, type and weight: the chosen node and edge properties, each with its kind.
/// Edge provenance (date, doc, sentence) counts as edge properties, present when any
/// edge has it.
struct ExportSchema: Sendable {
  var nodeColumns: [ExportColumn]
  var edgeColumns: [ExportColumn]

  /// Names every format reserves for the node's name and type and the edge's ends, type
  /// and weight; a property of the same name goes out with `_2` after it.
  static let reservedNodeNames: Set<String> = ["id", "name", "label", "type"]
  static let reservedEdgeNames: Set<String> = ["id", "source", "target", "label", "type", "weight", "key"]

  /// - Parameter only: property names to keep (nil: all); a name neither nodes nor edges
  ///   have is an error naming the ones they do.
  init(_ graph: PropertyGraph, only: [String]? = nil) throws(ExportError) {
    var nodeColumns: [ExportColumn] = []
    for name in graph.nodeProperties.names {
      let values = graph.nodeProperties.column(name) ?? []
      nodeColumns.append(ExportColumn(name: name, kind: PropertyKind.of(values), values: values))
    }
    var edgeColumns: [ExportColumn] = []
    let count = graph.edgeCount
    if (0..<count).contains(where: { graph.edgeDate($0) != nil }) {
      edgeColumns.append(
        ExportColumn(
          name: "date", kind: .string,
          values: (0..<count).map { graph.edgeDate($0).map(Value.string) ?? .null }))
    }
    if (0..<count).contains(where: { graph.edgeDocument($0) != nil }) {
      edgeColumns.append(
        ExportColumn(
          name: "doc", kind: .string,
          values: (0..<count).map { graph.edgeDocument($0).map(Value.string) ?? .null }))
    }
    if graph.edgeSentences.contains(where: { $0 >= 0 }) {
      edgeColumns.append(
        ExportColumn(
          name: "sentence", kind: .int, values: graph.edgeSentences.map { $0 < 0 ? .null : .int(Int($0)) }))
    }
    for name in graph.edgeProperties.names where !["date", "doc", "sentence"].contains(name) {
      let values = graph.edgeProperties.column(name) ?? []
      edgeColumns.append(ExportColumn(name: name, kind: PropertyKind.of(values), values: values))
    }
    if let only {
      let known = Set(nodeColumns.map(\.name) + edgeColumns.map(\.name))
      for name in only where !known.contains(name) {
        let names = known.sorted()
        let nearest = Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
        throw ExportError(
          "the graph has no property '\(name)'",
          help: names.isEmpty
            ? "this graph has no properties" : nearest + "its properties: " + names.joined(separator: ", "))
      }
      let kept = Set(only)
      nodeColumns.removeAll { !kept.contains($0.name) }
      edgeColumns.removeAll { !kept.contains($0.name) }
    }
    self.nodeColumns = Self.renamed(nodeColumns, reserved: Self.reservedNodeNames)
    self.edgeColumns = Self.renamed(edgeColumns, reserved: Self.reservedEdgeNames)
  }

  private static func renamed(_ columns: [ExportColumn], reserved: Set<String>) -> [ExportColumn] {
    var taken = reserved
    return columns.map { column in
      var name = column.name
      var counter = 2
      while taken.contains(name) {
        name = column.name + "_\(counter)"
        counter += 1
      }
      taken.insert(name)
      return ExportColumn(name: name, kind: column.kind, values: column.values)
    }
  }

}
