import QuarryCore

/// A property graph: nodes with a label (an entity type, or DOCUMENT) and a name;
/// typed, directed edges with a weight and provenance; multi-edges allowed. Nodes and
/// edges are numbered from 0 and stored column by column, with adjacency in compressed
/// sparse rows (CSR) both ways, so analytics walk flat integer arrays. Immutable once
/// built (see `PropertyGraph.Builder`), so it is safe to share between threads.
public final class PropertyGraph: CustomValue, @unchecked Sendable {
  public let nodeNames: [String]
  public let nodeLabels: [String]
  public let edgeSources: [Int32]
  public let edgeTargets: [Int32]
  public let edgeTypes: [String]
  public let edgeWeights: [Double]
  /// Where each edge was read: document id, sentence and date, where known.
  public let edgeDocuments: [String?]
  public let edgeSentences: [Int32]
  public let edgeDates: [String?]
  /// Outgoing edges of node `n` are `outEdges[outOffsets[n]..<outOffsets[n + 1]]`.
  public let outOffsets: [Int32]
  public let outEdges: [Int32]
  public let inOffsets: [Int32]
  public let inEdges: [Int32]
  /// What the graph was built from, for `graph stats`.
  public let kind: String
  /// Whether edges have a direction; an undirected edge is stored once, from its first
  /// node to its second, and walks and analytics follow it both ways.
  public let isDirected: Bool
  private let index: [String: Int32]

  public var nodeCount: Int { nodeNames.count }
  public var edgeCount: Int { edgeSources.count }

  /// Builds a graph node by node and edge by edge.
  public struct Builder {
    var names: [String] = []
    var labels: [String] = []
    var index: [String: Int32] = [:]
    var sources: [Int32] = []
    var targets: [Int32] = []
    var types: [String] = []
    var weights: [Double] = []
    var documents: [String?] = []
    var sentences: [Int32] = []
    var dates: [String?] = []

    public init() {}

    /// The node named `name`, added with `label` if it is new.
    @discardableResult
    public mutating func node(_ name: String, label: String) -> Int32 {
      if let existing = index[name] { return existing }
      let id = Int32(names.count)
      names.append(name)
      labels.append(label)
      index[name] = id
      return id
    }

    public mutating func edge(
      _ source: Int32, _ target: Int32, type: String, weight: Double = 1, document: String? = nil,
      sentence: Int = -1, date: String? = nil
    ) {
      sources.append(source)
      targets.append(target)
      types.append(type)
      weights.append(weight)
      documents.append(document)
      sentences.append(Int32(clamping: sentence))
      dates.append(date)
    }

    public func build(kind: String, directed: Bool = true) -> PropertyGraph {
      PropertyGraph(builder: self, kind: kind, directed: directed)
    }
  }

  private init(builder: Builder, kind: String, directed: Bool) {
    isDirected = directed
    nodeNames = builder.names
    nodeLabels = builder.labels
    edgeSources = builder.sources
    edgeTargets = builder.targets
    edgeTypes = builder.types
    edgeWeights = builder.weights
    edgeDocuments = builder.documents
    edgeSentences = builder.sentences
    edgeDates = builder.dates
    index = builder.index
    self.kind = kind
    (outOffsets, outEdges) = Self.compress(builder.sources, nodes: builder.names.count)
    (inOffsets, inEdges) = Self.compress(builder.targets, nodes: builder.names.count)
  }

  /// Counting sort of edge ids by their endpoint: offsets and the sorted edge ids.
  private static func compress(_ endpoints: [Int32], nodes: Int) -> ([Int32], [Int32]) {
    var offsets = [Int32](repeating: 0, count: nodes + 1)
    for endpoint in endpoints { offsets[Int(endpoint) + 1] += 1 }
    for node in 0..<nodes { offsets[node + 1] += offsets[node] }
    var next = offsets
    var edges = [Int32](repeating: 0, count: endpoints.count)
    for (edge, endpoint) in endpoints.enumerated() {
      edges[Int(next[Int(endpoint)])] = Int32(edge)
      next[Int(endpoint)] += 1
    }
    return (offsets, edges)
  }

  /// The node named `name`, if there is one.
  public func node(named name: String) -> Int32? { index[name] }

  /// Edge ids leaving or entering `node`.
  public func outgoing(_ node: Int32) -> ArraySlice<Int32> {
    outEdges[Int(outOffsets[Int(node)])..<Int(outOffsets[Int(node) + 1])]
  }
  public func incoming(_ node: Int32) -> ArraySlice<Int32> {
    inEdges[Int(inOffsets[Int(node)])..<Int(inOffsets[Int(node) + 1])]
  }

  // MARK: CustomValue

  public var typeName: String { "graph" }
  public var summary: String {
    "\(kind) graph\(isDirected ? "" : " (undirected)"): \(nodeCount) nodes, \(edgeCount) edges"
  }

  /// Shown as its summary, not as a table: a graph may have a million nodes, and
  /// `graph nodes` and `graph edges` give the tables.
  public func asTable() -> Table? { nil }

  /// For JSON output: the graph's size.
  public func asPlainValue() -> Value? {
    .record(Record(["kind": .string(kind), "nodes": .int(nodeCount), "edges": .int(edgeCount)]))
  }

  public func nodesTable() -> Table {
    var rows: [[Value]] = []
    rows.reserveCapacity(nodeCount)
    for node in 0..<nodeCount {
      let id = Int32(node)
      rows.append([
        .int(node), .string(nodeNames[node]), .string(nodeLabels[node]), .int(outgoing(id).count),
        .int(incoming(id).count),
      ])
    }
    return Table(columns: ["id", "name", "label", "out", "in"], rows: rows)
  }

  public func edgesTable() -> Table {
    var rows: [[Value]] = []
    rows.reserveCapacity(edgeCount)
    for edge in 0..<edgeCount {
      rows.append([
        .string(nodeNames[Int(edgeSources[edge])]), .string(edgeTypes[edge]),
        .string(nodeNames[Int(edgeTargets[edge])]), .float(edgeWeights[edge]),
        edgeDates[edge].map(Value.string) ?? .null, edgeDocuments[edge].map(Value.string) ?? .null,
        edgeSentences[edge] >= 0 ? .int(Int(edgeSentences[edge])) : .null,
      ])
    }
    return Table(columns: ["source", "type", "target", "weight", "date", "doc", "sentence"], rows: rows)
  }
}
