import QuarryModel

/// In-, out- and total degree, as networkx counts them.
enum Degree {
  /// Per node, counting parallel edges, or summing their weights with `weighted`. A
  /// self-loop counts once in and once out; in an undirected graph each end counts every
  /// edge, so a self-loop counts twice.
  static func compute(_ graph: PropertyGraph, weighted: Bool) -> (in: [Double], out: [Double]) {
    var incoming = [Double](repeating: 0, count: graph.nodeCount)
    var outgoing = [Double](repeating: 0, count: graph.nodeCount)
    for edge in 0..<graph.edgeCount {
      let weight = weighted ? graph.edgeWeights[edge] : 1
      outgoing[Int(graph.edgeSources[edge])] += weight
      incoming[Int(graph.edgeTargets[edge])] += weight
    }
    if !graph.isDirected {
      for node in 0..<graph.nodeCount {
        let degree = incoming[node] + outgoing[node]
        incoming[node] = degree
        outgoing[node] = degree
      }
    }
    return (incoming, outgoing)
  }
}
