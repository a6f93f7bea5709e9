import QuarryModel
import Testing

@testable import QuarryExport

@Suite struct PictureStyleTests {
  @Test func eachTypeHasItsOwnColourMostFrequentFirst() {
    let graph = hostileGraph()
    let nodes = (0..<Int32(graph.nodeCount)).map { $0 }
    let style = PictureStyle(
      graph: graph, nodes: nodes, measure: graph.nodeNames.indices.map(Double.init), measureName: "rank",
      layout: "dot")
    #expect(style.colours.count == 4)
    #expect(Set(style.colours.map(\.colour)).count == 4)
    #expect(style.colour(of: "PERSON") == "#8dd3c7")
    // Four types of eight nodes each: the tie goes by name.
    #expect(style.colours.map(\.type) == ["GPE", "ORG;X|Y", "PERSON", "PER`SON"])
  }

  @Test func sizesRunFromTheSmallestToTheLargest() {
    let graph = hostileGraph()
    let nodes = (0..<Int32(graph.nodeCount)).map { $0 }
    let measure = graph.nodeNames.indices.map(Double.init)
    let style = PictureStyle(
      graph: graph, nodes: nodes, measure: measure, measureName: "rank", layout: "sfdp")
    #expect(style.scales.first == 0)
    #expect(style.scales.last == 1)
    #expect(style.title == "hostile graph: \(graph.nodeCount) of \(graph.nodeCount) nodes, sized by rank")
  }
}
