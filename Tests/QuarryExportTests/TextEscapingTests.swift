import Testing

@testable import QuarryExport

@Suite struct TextEscapingTests {
  func escaped(_ text: String, _ escape: (String, inout [UInt8]) -> Void) -> String {
    String(decoding: TextEscaping.bytes(text, escape), as: UTF8.self)
  }

  @Test func xmlEscapesMarkupAndKeepsLineBreaksAsReferences() {
    #expect(escaped("a<b>&\"c\"", TextEscaping.xml) == "a&lt;b&gt;&amp;&quot;c&quot;")
    #expect(escaped("1\n2\r3\t4", TextEscaping.xml) == "1&#10;2&#13;3&#9;4")
    #expect(escaped("\u{0}x\u{1B}", TextEscaping.xml) == "\u{FFFD}x\u{FFFD}")
    #expect(escaped("\u{FFFE}\u{FFFF}\u{FFFD}é", TextEscaping.xml) == "\u{FFFD}\u{FFFD}\u{FFFD}é")
  }

  @Test func jsonEscapesQuotesBackslashesAndControls() {
    #expect(escaped("a\"b\\c", TextEscaping.json) == #""a\"b\\c""#)
    #expect(escaped("\u{0}\n\u{1F}", TextEscaping.json) == #""\u0000\n\u001f""#)
    #expect(escaped("x\u{2028}y\u{2029}", TextEscaping.json) == #""x\u2028y\u2029""#)
  }

  @Test func dotKeepsAFinalBackslashFromEscapingTheQuote() {
    #expect(escaped("a\\", { TextEscaping.dot($0, label: false, into: &$1) }) == #""a\\""#)
    #expect(escaped("say \"hi\"\n", { TextEscaping.dot($0, label: false, into: &$1) }) == #""say \"hi\"\n""#)
    #expect(escaped("&amp;", { TextEscaping.dot($0, label: true, into: &$1) }) == #""&amp;amp;""#)
    #expect(escaped("\u{0}\t", { TextEscaping.dot($0, label: false, into: &$1) }) == "\"\u{FFFD}\t\"")
  }

  @Test func cypherStringsEndOnlyAtTheirQuote() {
    #expect(escaped("\"}) DETACH DELETE n //", TextEscaping.cypher) == #"'"}) DETACH DELETE n //'"#)
    #expect(escaped("it's \\", TextEscaping.cypher) == #"'it\'s \\'"#)
    #expect(escaped("\u{0}\r", TextEscaping.cypher) == #"'\u0000\r'"#)
  }

  @Test func csvDoublesQuotes() {
    #expect(escaped("a \"b\",\nc", TextEscaping.csv) == "\"a \"\"b\"\",\nc\"")
  }

  @Test func mermaidCodesAllButPlainCharacters() {
    #expect(escaped("a-b (c).", TextEscaping.mermaid) == #""a-b (c).""#)
    #expect(escaped("\"#;<>|`", TextEscaping.mermaid) == ##""#34;#35;#59;#60;#62;#124;#96;""##)
    #expect(escaped("Zürich 中\u{200F}", TextEscaping.mermaid) == "\"Zürich 中#8207;\"")
    #expect(escaped("\u{0}\n", TextEscaping.mermaid) == "\"\u{FFFD}#10;\"")
  }
}
