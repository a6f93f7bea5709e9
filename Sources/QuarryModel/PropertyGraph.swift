import QuarryCore
import Synchronization

/// A property graph: nodes with a label (an entity type, or DOCUMENT), a name and
/// properties; typed, directed edges with a weight, provenance and properties; multi-edges
/// allowed. Nodes and edges are numbered from 0 and stored column by column — edge types,
/// documents and dates as codes into small string pools — with adjacency in compressed
/// sparse rows (CSR) both ways, so analytics walk flat integer arrays. A million nodes and
/// ten million edges take about 0.5 GB.
///
/// The structure is immutable once built (see `PropertyGraph.Builder`), so analytics may
/// read it from several threads. Properties can be written later (`graph pagerank --write`)
/// from the session's thread.
public final class PropertyGraph: CustomValue, @unchecked Sendable {
  public let nodeNames: [String]
  public let nodeLabels: [String]
  public let edgeSources: [Int32]
  public let edgeTargets: [Int32]
  public let edgeWeights: [Double]
  /// Each edge's type as a code into `typeNames`.
  public let edgeTypeCodes: [Int32]
  public let typeNames: [String]
  /// Where each edge was read, as codes into `documentNames` and `dateNames` (-1: not
  /// known), and the sentence number (-1: not known).
  let edgeDocumentCodes: [Int32]
  let documentNames: [String]
  public let edgeSentences: [Int32]
  let edgeDateCodes: [Int32]
  let dateNames: [String]
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
  /// Properties beyond name and label: read from a file, or written by analytics.
  public let nodeProperties: PropertyColumns
  public let edgeProperties: PropertyColumns
  private let index: [String: Int32]
  private let views = Mutex<[Adjacency.Shape: Adjacency]>([:])
  private let nameAndLabelValues = Mutex<(names: [Value], labels: [Value])?>(nil)

  /// The nodes' names and labels as values, made once: every table of nodes starts with
  /// these two columns, and sharing them makes a measure's table a single new column.
  public var nodeNameAndLabelValues: (names: [Value], labels: [Value]) {
    nameAndLabelValues.withLock { made in
      if let made { return made }
      let values = (nodeNames.map(Value.string), nodeLabels.map(Value.string))
      made = values
      return values
    }
  }

  public var nodeCount: Int { nodeNames.count }
  public var edgeCount: Int { edgeSources.count }

  public func edgeType(_ edge: Int) -> String { typeNames[Int(edgeTypeCodes[edge])] }
  public func edgeDocument(_ edge: Int) -> String? {
    let code = edgeDocumentCodes[edge]
    return code < 0 ? nil : documentNames[Int(code)]
  }
  public func edgeDate(_ edge: Int) -> String? {
    let code = edgeDateCodes[edge]
    return code < 0 ? nil : dateNames[Int(code)]
  }
  public func edgeSentence(_ edge: Int) -> Int? {
    edgeSentences[edge] < 0 ? nil : Int(edgeSentences[edge])
  }

  /// Builds a graph node by node and edge by edge.
  public struct Builder {
    var names: [String] = []
    var labels: [String] = []
    var index: [String: Int32] = [:]
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var types = StringPool()
    var typeCodes: [Int32] = []
    var documents = StringPool()
    var documentCodes: [Int32] = []
    var sentences: [Int32] = []
    var dates = StringPool()
    var dateCodes: [Int32] = []
    public var nodeProperties = PropertyColumns()
    public var edgeProperties = PropertyColumns()

    public init() {}

    /// Room for this many nodes and edges, so loading a large file does not regrow arrays.
    public mutating func reserve(nodes: Int, edges: Int) {
      names.reserveCapacity(nodes)
      labels.reserveCapacity(nodes)
      index.reserveCapacity(nodes)
      for column in [\Builder.sources, \.targets, \.typeCodes, \.documentCodes, \.sentences, \.dateCodes] {
        self[keyPath: column].reserveCapacity(edges)
      }
      weights.reserveCapacity(edges)
    }

    public var nodeCount: Int { names.count }
    public var edgeCount: Int { sources.count }

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

    /// The node named `name`, if it was added.
    public func existingNode(_ name: String) -> Int32? { index[name] }

    /// Gives an added node another label.
    public mutating func relabel(_ node: Int32, _ label: String) { labels[Int(node)] = label }

    public mutating func edge(
      _ source: Int32, _ target: Int32, type: String, weight: Double = 1, document: String? = nil,
      sentence: Int = -1, date: String? = nil
    ) {
      sources.append(source)
      targets.append(target)
      typeCodes.append(types.code(type))
      weights.append(weight)
      documentCodes.append(document.map { documents.code($0) } ?? -1)
      sentences.append(Int32(clamping: sentence))
      dateCodes.append(date.map { dates.code($0) } ?? -1)
    }

    /// Changes an added edge's weight or type, for readers that learn them after the edge.
    public mutating func setWeight(_ edge: Int, _ weight: Double) { weights[edge] = weight }
    public mutating func setType(_ edge: Int, _ type: String) { typeCodes[edge] = types.code(type) }

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
    edgeWeights = builder.weights
    edgeTypeCodes = builder.typeCodes
    typeNames = builder.types.strings
    edgeDocumentCodes = builder.documentCodes
    documentNames = builder.documents.strings
    edgeSentences = builder.sentences
    edgeDateCodes = builder.dateCodes
    dateNames = builder.dates.strings
    index = builder.index
    nodeProperties = builder.nodeProperties
    edgeProperties = builder.edgeProperties
    nodeProperties.pad(to: builder.names.count)
    edgeProperties.pad(to: builder.sources.count)
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
    let edges = [Int32](unsafeUninitializedCapacity: endpoints.count) { buffer, initialized in
      for (edge, endpoint) in endpoints.enumerated() {
        buffer[Int(next[Int(endpoint)])] = Int32(edge)
        next[Int(endpoint)] += 1
      }
      initialized = endpoints.count
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

  /// Neighbour lists of one shape, made on first use and kept: walks and analytics
  /// read these instead of the edge lists.
  public func adjacency(_ shape: Adjacency.Shape) -> Adjacency {
    var shape = shape
    if !isDirected { shape.direction = .both }
    if let made = views.withLock({ $0[shape] }) { return made }
    let made = Adjacency(self, shape: shape)
    views.withLock { $0[shape] = made }
    return made
  }

  /// A new graph of the nodes in `keep` (in their order here) and the edges between them
  /// that `keepEdge` accepts, with their properties.
  public func subgraph(nodes keep: [Int32], kind: String, keepEdge: (Int) -> Bool = { _ in true })
    -> PropertyGraph
  {
    var builder = Builder()
    var newID = [Int32](repeating: -1, count: nodeCount)
    for node in keep where newID[Int(node)] < 0 {
      newID[Int(node)] = builder.node(nodeNames[Int(node)], label: nodeLabels[Int(node)])
    }
    let kept = keep.filter { newID[Int($0)] >= 0 }
    var edges: [Int] = []
    for node in kept {
      for edge in outgoing(node) where newID[Int(edgeTargets[Int(edge)])] >= 0 && keepEdge(Int(edge)) {
        edges.append(Int(edge))
      }
    }
    edges.sort()
    for edge in edges {
      builder.edge(
        newID[Int(edgeSources[edge])], newID[Int(edgeTargets[edge])], type: edgeType(edge),
        weight: edgeWeights[edge], document: edgeDocument(edge), sentence: edgeSentence(edge) ?? -1,
        date: edgeDate(edge))
    }
    var seen = Set<Int32>()
    builder.nodeProperties = nodeProperties.selecting(kept.filter { seen.insert($0).inserted }.map(Int.init))
    builder.edgeProperties = edgeProperties.selecting(edges)
    return builder.build(kind: kind, directed: isDirected)
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

  /// One row per node: id, name, label, out and in degree (in an undirected graph, one
  /// degree column), then each node property. Held as columns.
  public func nodesTable() -> Table {
    let (names, labels) = nodeNameAndLabelValues
    var values: [TableColumn] = [.ints(Array(0..<nodeCount)), .values(names), .values(labels)]
    let (outOffsets, inOffsets) = (self.outOffsets, self.inOffsets)
    let outDegrees = (0..<nodeCount).map { Int(outOffsets[$0 + 1] - outOffsets[$0]) }
    let inDegrees = (0..<nodeCount).map { Int(inOffsets[$0 + 1] - inOffsets[$0]) }
    values += isDirected ? [.ints(outDegrees), .ints(inDegrees)] : [.ints(zip(outDegrees, inDegrees).map(+))]
    for name in nodeProperties.names {
      let column = nodeProperties.column(name)!
      values.append(.values((0..<nodeCount).map { $0 < column.count ? column[$0] : .null }))
    }
    let degrees = isDirected ? ["out", "in"] : ["degree"]
    return Table(columns: ["id", "name", "label"] + degrees + nodeProperties.names, typedColumns: values)
  }

  /// One row per edge: source, type, target, weight, evidence, then each edge property.
  /// Held as columns.
  public func edgesTable() -> Table {
    var values = edgeColumns(Array(0..<edgeCount))
    for name in edgeProperties.names {
      let column = edgeProperties.column(name)!
      values.append(.values((0..<edgeCount).map { $0 < column.count ? column[$0] : .null }))
    }
    return Table(columns: Self.edgeColumnNames + edgeProperties.names, typedColumns: values)
  }

  /// The names of `edgeColumns`' columns.
  public static let edgeColumnNames = ["source", "type", "target", "weight", "date", "doc", "sentence"]

  /// For each of `edges`, in order: its source's name, its type, its target's name, its
  /// weight, and its evidence (date, document, sentence), as a column each.
  public func edgeColumns(_ edges: [Int]) -> [TableColumn] {
    (0..<Self.edgeColumnCount).map { edgeColumn($0, of: edges) }
  }

  /// `edgeColumns`, a column to a core, for the hops of a large batch of paths.
  /// - Throws: `Interrupted` when Ctrl-C stopped it.
  public func edgeColumnsInParallel(_ edges: [Int]) throws(Interrupted) -> [TableColumn] {
    let columns = SharedBuffer<TableColumn>(repeating: .values([]), count: Self.edgeColumnCount)
    try ParallelWork.run(Self.edgeColumnCount) { _, column in
      columns[column] = self.edgeColumn(column, of: edges)
    }
    return columns.array
  }

  private static let edgeColumnCount = 7

  /// Column `column` of `edgeColumns`. Each is a loop of its own: a value made by a
  /// closure called per edge costs several times more.
  private func edgeColumn(_ column: Int, of edges: [Int]) -> TableColumn {
    // The arrays once, not once an element: a class's array read in a loop may be
    // retained and released at every step.
    switch column {
    case 0:
      let (names, sources) = (nodeNames, edgeSources)
      return .values(edges.map { .string(names[Int(sources[$0])]) })
    case 1:
      let (types, codes) = (typeNames.map(Value.string), edgeTypeCodes)
      return .values(edges.map { types[Int(codes[$0])] })
    case 2:
      let (names, targets) = (nodeNames, edgeTargets)
      return .values(edges.map { .string(names[Int(targets[$0])]) })
    case 3:
      let weights = edgeWeights
      return .floats(edges.map { weights[$0] })
    case 4:
      let (dates, codes) = (dateNames, edgeDateCodes)
      return .values(edges.map { codes[$0] < 0 ? .null : .string(dates[Int(codes[$0])]) })
    case 5:
      let (documents, codes) = (documentNames, edgeDocumentCodes)
      return .values(edges.map { codes[$0] < 0 ? .null : .string(documents[Int(codes[$0])]) })
    default:
      let sentences = edgeSentences
      return .values(edges.map { sentences[$0] < 0 ? .null : .int(Int(sentences[$0])) })
    }
  }
}

/// Strings stored once each and referred to by code.
struct StringPool {
  private(set) var strings: [String] = []
  private var codes: [String: Int32] = [:]
  /// The last string coded: edges usually come in runs of one type or one document, and
  /// comparing with it costs less than hashing.
  private var last: (string: String, code: Int32)?

  mutating func code(_ string: String) -> Int32 {
    if let last, last.string == string { return last.code }
    let code = lookUp(string)
    last = (string, code)
    return code
  }

  private mutating func lookUp(_ string: String) -> Int32 {
    if let code = codes[string] { return code }
    let code = Int32(strings.count)
    strings.append(string)
    codes[string] = code
    return code
  }
}
