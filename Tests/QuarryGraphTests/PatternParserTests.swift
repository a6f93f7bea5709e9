import QuarryCore
import Testing

@testable import QuarryGraph

@Suite struct PatternParserTests {
  @Test func nodesRelationshipsAndHops() throws {
    let pattern = try PatternParser.parse(
      "(p:PERSON|ORG {name: 'Li', age: 3})-[r:meet|:visit*1..3 {weight: 2.5}]->(q)<--(:GPE)--()")
    #expect(pattern.nodes.count == 4 && pattern.relationships.count == 3)
    #expect(pattern.nodes[0].variable == "p" && pattern.nodes[0].labels == ["PERSON", "ORG"])
    #expect(pattern.nodes[0].properties.map(\.0) == ["name", "age"])
    #expect(pattern.nodes[0].properties[1].1.intValue == 3)
    let first = pattern.relationships[0]
    #expect(first.variable == "r" && first.types == ["meet", "visit"] && first.direction == .out)
    #expect(first.minimumHops == 1 && first.maximumHops == 3)
    #expect(first.properties[0].1.doubleValue == 2.5)
    #expect(pattern.relationships[1].direction == .in && pattern.relationships[1].isSingleHop)
    #expect(pattern.relationships[2].direction == .either)
    #expect(pattern.nodes[2].labels == ["GPE"] && pattern.nodes[3].variable == nil)
  }

  @Test(
    arguments: [
      ("*", 1, nil), ("*3", 3, 3), ("*..4", 1, 4), ("*2..", 2, nil), ("*0..1", 0, 1),
    ] as [(String, Int, Int?)])
  func hopRanges(_ hops: String, _ low: Int, _ high: Int?) throws {
    let relationship = try PatternParser.parse("(a)-[\(hops)]-(b)").relationships[0]
    #expect(relationship.minimumHops == low && relationship.maximumHops == high)
  }

  @Test func backquotedNamesAndEscapedStrings() throws {
    let pattern = try PatternParser.parse(#"(`the node`)-[:`not meet`]->({name: "O\"Neil"})"#)
    #expect(pattern.nodes[0].variable == "the node")
    #expect(pattern.relationships[0].types == ["not meet"])
    #expect(pattern.nodes[1].properties[0].1.stringValue == "O\"Neil")
  }

  /// Each mistake is found at its column (the caret marks it in the pattern).
  @Test(arguments: [
    ("(p:PERSON", "expected ')' to close the node started at column 1", "         ^"),
    ("(p)-[:meet->(q)", "expected ']' to close the relationship started at column 4", "          ^"),
    ("(p)-[:meet]>(q)", "expected '-' to end the relationship (as in -[:meet]-> or -->)", "           ^"),
    ("(p)<-[:meet]->(q)", "a relationship points one way: use <-[...]- or -[...]->", "   ^"),
    ("(p)-[*3..1]-(q)", "the hop range 3..1 is empty", "     ^"),
    ("(p {name: China})", "'China' is not a value: quote a string", "          ^"),
    ("(p {name: 'China})", "the string is not closed", "          ^"),
    ("(p:)", "expected a label after ':' or '|'", "   ^"),
    ("(p) (q)", "unexpected '(' after the pattern: a relationship starts with '-' or '<-'", "    ^"),
    ("(p)-->", "the pattern ends where a node '(' should be", "      ^"),
    ("", "the pattern ends where a node '(' should be", "^"),
  ])
  func mistakesAtTheirColumn(_ text: String, _ message: String, _ caret: String) {
    do {
      _ = try PatternParser.parse(text)
      Issue.record("no error for \(text)")
    } catch {
      #expect(error.message == message)
      #expect(error.position == caret.count - 1, "\(text)")
    }
  }
}
