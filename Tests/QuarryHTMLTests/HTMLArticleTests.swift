import Testing

@testable import QuarryHTML

@Suite struct HTMLArticleTests {
  @Test func readsAPageFromItsBytes() {
    let page =
      "<meta charset=windows-1252><title>Caf\u{E9}s close</title><article><h1>Caf\u{E9}s close</h1>"
      + "<p>Three caf\u{E9}s closed on Monday, the owners said, after rents rose again this year.</p></article>"
    let bytes = page.unicodeScalars.map { UInt8($0.value) }
    let article = HTMLArticle(bytes: bytes)
    #expect(article.encoding == "windows-1252")
    #expect(article.metadata.title == "Cafés close")
    #expect(
      article.text == "Three cafés closed on Monday, the owners said, after rents rose again this year.")
    #expect(article.warnings.isEmpty)
  }

  @Test func tellsBinaryFromPages() {
    #expect(HTMLArticle.looksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]))
    #expect(!HTMLArticle.looksBinary(Array("<html><body>text</body></html>".utf8)))
    #expect(!HTMLArticle.looksBinary([]))
  }

  @Test func survivesHostilePages() {
    let entities = "<p>" + String(repeating: "&amp;", count: 200_000) + "</p>"
    #expect(HTMLArticle(html: entities).text.count == 200_000)
    let deep = String(repeating: "<div>", count: 5_000) + "<p>Deep, deep, deep text that is long.</p>"
    #expect(HTMLArticle(html: deep).text == "Deep, deep, deep text that is long.")
    #expect(HTMLArticle(html: "").paragraphs.isEmpty)
  }
}
