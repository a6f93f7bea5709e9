import Testing

@testable import QuarryHTML

@Suite struct HTMLEntitiesTests {
  func decode(_ text: String, inAttribute: Bool = false) -> String {
    var output: [UInt8] = []
    Array(text.utf8).withUnsafeBufferPointer {
      HTMLEntities.appendDecoded($0, 0..<$0.count, inAttribute: inAttribute, to: &output)
    }
    return String(decoding: output, as: UTF8.self)
  }

  @Test func decodesNamedReferencesOfTheWholeTable() {
    #expect(decode("Tom &amp; Jerry &mdash; &eacute;t&eacute; &hellip;") == "Tom & Jerry — été …")
    #expect(decode("&CounterClockwiseContourIntegral; &NotSquareSubsetEqual; &fjlig;") == "∳ ⋢ fj")
    #expect(HTMLEntities.names.count == 2231)
  }

  @Test func decodesNumericReferencesWithTheStandardsRepairs() {
    #expect(decode("&#8217;&#x2019;&#X2019;&#65") == "’’’A")
    #expect(decode("&#0;&#xD800;&#x110000;&#99999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    #expect(decode("&#150;&#x80;") == "–€")
  }

  @Test func decodesLegacyReferencesWithoutASemicolonOutsideAttributes() {
    #expect(decode("&copy 2024 &ampx") == "© 2024 &x")
    #expect(decode("?a=1&copy=2", inAttribute: true) == "?a=1&copy=2")
    #expect(decode("&copy 2024", inAttribute: true) == "© 2024")
  }

  @Test func leavesWhatIsNotAReferenceAsWritten() {
    #expect(decode("AT&T & co &unknown; &#; &#x;") == "AT&T & co &unknown; &#; &#x;")
  }
}
