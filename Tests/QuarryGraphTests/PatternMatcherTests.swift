import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct PatternMatcherTests {
  /// Austin (PERSON) meets Li (PERSON); Li is member_of China (GPE); Austin member_of US;
  /// US urges China; China urges US.
  func news() -> PropertyGraph {
    var builder = PropertyGraph.Builder()
    let austin = builder.node("Austin", label: "PERSON")
    let li = builder.node("Li", label: "PERSON")
    let china = builder.node("China", label: "GPE")
    let us = builder.node("US", label: "GPE")
    builder.edge(austin, li, type: "meet", date: "2023-05")
    builder.edge(li, china, type: "member_of")
    builder.edge(austin, us, type: "member_of")
    builder.edge(us, china, type: "urge", weight: 2)
    builder.edge(china, us, type: "urge")
    builder.nodeProperties.set("rank", at: 2, .int(1))
    return builder.build(kind: "news")
  }

  func names(_ text: String, _ graph: PropertyGraph? = nil, limit: Int = 1000) throws -> [[String]] {
    let graph = graph ?? news()
    let pattern = try PatternParser.parse(text)
    return try PatternMatcher(graph: graph, pattern: pattern).matches(limit: limit).matches.map { match in
      match.nodes.map { graph.nodeNames[Int($0)] }
    }
  }

  @Test func labelsTypesAndDirections() throws {
    #expect(try names("(p:PERSON)-[:meet]->(q:PERSON)") == [["Austin", "Li"]])
    #expect(try names("(q:PERSON)<-[:meet]-(p)") == [["Li", "Austin"]])
    #expect(try names("(p:PERSON)-[:meet]-(q)").count == 2)
    #expect(try Set(names("(a:GPE)-[:urge]->(b:GPE)")) == [["US", "China"], ["China", "US"]])
    #expect(try names("(p:PERSON)-[:member_of|meet]->(x:GPE)").map { $0[1] }.sorted() == ["China", "US"])
  }

  @Test func propertiesOnNodesAndEdges() throws {
    #expect(try names("({name: 'Li'})-->(c)") == [["Li", "China"]])
    #expect(try names("(a)-[{weight: 2}]->(b)") == [["US", "China"]])
    #expect(try names("(a)-[{date: '2023-05'}]->(b)") == [["Austin", "Li"]])
    #expect(try names("(x {rank: 1})") == [["China"]])
    #expect(try names("(x {name: 'Nobody'})").isEmpty)
  }

  @Test func variableLengthUsesEachEdgeOnce() throws {
    // Austin to China: via Li (2 hops) and via US (2 hops); 3 hops via US-China-US? no: ends at China.
    let paths = try names("(a {name: 'Austin'})-[*1..3]->(c {name: 'China'})")
    #expect(paths.count == 2)
    // Unbounded, either way, from China back to China: a cycle may close, an edge is never reused.
    let cycles = try names("(c {name: 'China'})-[*]-(d {name: 'China'})")
    #expect(!cycles.isEmpty)
    #expect(try names("(c {name: 'China'})-[*0]-(d)") == [["China", "China"]])
  }

  @Test func aVariableNamedTwiceIsOneNode() throws {
    #expect(
      try Set(names("(a)-[:urge]->(b)-[:urge]->(a)")) == [["US", "China", "US"], ["China", "US", "China"]])
  }

  @Test func theSelectiveEndIsSearchedFirstWithTheSameAnswer() throws {
    // The named node is at the end: the search runs backwards, the rows read forwards.
    #expect(try names("(p:PERSON)-[:member_of]->(c {name: 'China'})") == [["Li", "China"]])
  }

  @Test func theLimitStopsTheSearch() throws {
    var builder = PropertyGraph.Builder()
    let hub = builder.node("hub", label: "N")
    for leaf in 0..<100 { builder.edge(hub, builder.node("n\(leaf)", label: "N"), type: "e") }
    let graph = builder.build(kind: "star")
    let result = try PatternMatcher(graph: graph, pattern: try PatternParser.parse("(a)-->(b)")).matches(
      limit: 10)
    #expect(result.matches.count == 10 && result.truncated)
  }
}
