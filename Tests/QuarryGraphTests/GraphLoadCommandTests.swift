import QuarryCore
import QuarryModel
import Testing

@testable import QuarryGraph

@Suite struct GraphLoadCommandTests {
  func load(_ name: String, _ text: String, _ flags: String = "") -> Evaluation {
    let path = temporaryFile(name, text)
    return graphSession().evaluate("graph load '\(path)' \(flags)")
  }

  @Test func anEdgeListWithoutAHeader() throws {
    let result = load("e.tsv", "# a comment\na\tb\t2.5\tmeet\nb\tc\n\nc\ta\t1\r\n", "--undirected")
    let graph = try #require(result.lastGraph)
    #expect(result.errors.isEmpty)
    #expect(!graph.isDirected)
    #expect(graph.nodeNames == ["a", "b", "c"])
    #expect(graph.edgeWeights == [2.5, 1, 1])
    #expect(graph.edgeType(0) == "meet" && graph.edgeType(1) == "edge")
  }

  @Test func aCSVHeaderNamesItsColumns() throws {
    let text =
      "weight,Source,Target,since,note\n2,\"Smith, J.\",Acme,2020,\"said \"\"hi\"\"\"\n1,Acme,Beta,,\n"
    let graph = try #require(load("e.csv", text).lastGraph)
    #expect(graph.nodeNames == ["Smith, J.", "Acme", "Beta"])
    #expect(graph.edgeWeights == [2, 1])
    #expect(graph.edgeProperties.names == ["since", "note"])
    #expect(graph.edgeProperties.value("since", at: 0).intValue == 2020)
    #expect(graph.edgeProperties.value("note", at: 0).stringValue == "said \"hi\"")
    #expect(graph.edgeProperties.value("since", at: 1).isNull)
  }

  /// Fields are split on bytes: names with accents, combining marks and emoji come
  /// through whole, runs of blanks separate, and an indented `#` line is a comment.
  @Test func blankSeparatedNamesKeepEveryCharacter() throws {
    let text = "  # indented comment\nZoe\u{301}   Ren\u{E9}e 3\n\u{1F1EB}\u{1F1F7}\t Zoe\u{301}\n  a   b  \n"
    let graph = try #require(load("e.txt", text).lastGraph)
    #expect(graph.nodeNames == ["Zoe\u{301}", "Ren\u{E9}e", "\u{1F1EB}\u{1F1F7}", "a", "b"])
    #expect(graph.edgeWeights == [3, 1, 1])
  }

  @Test func csvFieldsMayBeEmpty() throws {
    let graph = try #require(
      load("e.csv", "source,target,weight,note\nS\u{E9}oul,Busan,,\nBusan,Incheon,2,x\n").lastGraph)
    #expect(graph.nodeNames == ["S\u{E9}oul", "Busan", "Incheon"])
    #expect(graph.edgeWeights == [1, 2])
    #expect(graph.edgeProperties.value("note", at: 0).isNull)
    #expect(graph.edgeProperties.value("note", at: 1).stringValue == "x")
  }

  @Test func aQuotedFieldMayHoldALineBreak() throws {
    let graph = try #require(load("e.csv", "source,target\n\"Phil\nMickelson\",Nick Faldo\na,b\n").lastGraph)
    #expect(graph.nodeNames == ["Phil\nMickelson", "Nick Faldo", "a", "b"])
  }

  @Test func aNodeFileAddsLabelsPropertiesAndIsolatedNodes() throws {
    let nodes = temporaryFile("n.csv", "id,label,party\nSmith,PERSON,R\nLonely,PERSON,\n")
    let edges = temporaryFile("e.csv", "Smith,Acme\n")
    let graph = try #require(graphSession().evaluate("graph load '\(edges)' --nodes '\(nodes)'").lastGraph)
    #expect(graph.nodeNames == ["Smith", "Lonely", "Acme"])
    #expect(graph.nodeLabels == ["PERSON", "PERSON", "NODE"])
    #expect(graph.nodeProperties.value("party", at: 0).stringValue == "R")
  }

  @Test func nodeLinkJSONAsNetworkxWritesIt() throws {
    let text = """
      {"directed": false, "multigraph": false, "graph": {},
       "nodes": [{"id": 1, "club": "Mr. Hi"}, {"id": "two", "label": "ORG"}],
       "edges": [{"source": 1, "target": "two", "weight": 4, "since": 2001}]}
      """
    let graph = try #require(load("g.json", text).lastGraph)
    #expect(!graph.isDirected)
    #expect(graph.nodeNames == ["1", "two"])
    #expect(graph.nodeLabels == ["NODE", "ORG"])
    #expect(graph.nodeProperties.value("club", at: 0).stringValue == "Mr. Hi")
    #expect(graph.edgeWeights == [4])
    #expect(graph.edgeProperties.value("since", at: 0).intValue == 2001)
    // d3's older form: "links" and node positions.
    let d3 = try #require(
      load("d3.json", #"{"nodes": [{"id": "x"}, {"id": "y"}], "links": [{"source": 0, "target": 1}]}"#)
        .lastGraph)
    #expect(d3.isDirected && d3.edgeCount == 1 && d3.nodeNames == ["x", "y"])
  }

  @Test func graphMLWithTypedKeysDefaultsAndEntities() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- written by hand -->
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d0" for="node" attr.name="type" attr.type="string"/>
        <key id="d1" for="node" attr.name="rank" attr.type="double"><default>0.5</default></key>
        <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
        <key id="d3" for="edge" attr.name="predicate" attr.type="string"/>
        <key id="d4" for="node" attr.name="graphics"/>
        <graph id="G" edgedefault="undirected">
          <node id="AT&amp;T"><data key="d0">ORG</data><data key="d1">2</data></node>
          <node id="Bell &lt;Labs&gt;"><data key="d4"><y:ShapeNode><y:Fill color="#FF"/></y:ShapeNode></data></node>
          <edge source="AT&amp;T" target="Bell &lt;Labs&gt;"><data key="d2">3.5</data><data key="d3"><![CDATA[owns <all>]]></data></edge>
          <edge source="Bell &lt;Labs&gt;" target="&#x4E2D;&#22269;"/>
        </graph>
      </graphml>
      """
    let graph = try #require(load("g.graphml", text).lastGraph)
    #expect(!graph.isDirected)
    #expect(graph.nodeNames == ["AT&T", "Bell <Labs>", "中国"])
    #expect(graph.nodeLabels == ["ORG", "NODE", "NODE"])
    #expect(graph.nodeProperties.value("rank", at: 0).doubleValue == 2)
    #expect(graph.nodeProperties.value("rank", at: 1).doubleValue == 0.5)
    #expect(graph.edgeWeights == [3.5, 1])
    #expect(graph.edgeType(0) == "owns <all>")
  }

  @Test func badFilesAreErrorsWithTheirLine() {
    #expect(
      load("e.csv", "source,target,weight\na,b,heavy\n").firstMessage?.hasSuffix(
        "line 2: the weight 'heavy' is not a number") == true)
    #expect(
      load("e.csv", "a\n").firstMessage?.hasSuffix("line 1: expected a source and a target, found 1 field(s)")
        == true)
    #expect(load("g.json", "{\"nodes\": [1,\n").firstMessage?.contains("line 2") == true)
    #expect(
      load("g.graphml", "<graphml>\n<node>\n</graphml>").firstMessage?.hasSuffix(
        "line 2: a <node> without an id") == true)
    #expect(load("g.graphml", "<graphml><graph><node id='a'>").firstMessage == nil)
    #expect(load("g.xml", "<other/>").firstMessage?.contains("not GraphML") == true)
    #expect(load("g.dat", "a b").firstMessage?.hasPrefix("cannot tell the format") == true)
    #expect(
      graphSession().evaluate("graph load /no/such/file.csv").firstMessage?.hasPrefix("cannot read") == true)
  }

  @Test func anEmptyFileGivesAnEmptyGraphThatAnalyticsAccept() throws {
    let session = graphSession()
    let path = temporaryFile("empty.tsv", "")
    let result = session.evaluate(
      "graph load '\(path)'; graph pagerank; graph betweenness; graph communities --summary")
    #expect(result.errors.isEmpty)
    #expect(CurrentGraph.of(session).graph?.nodeCount == 0)
  }
}
