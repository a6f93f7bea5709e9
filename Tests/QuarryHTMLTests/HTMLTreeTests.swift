import Testing

@testable import QuarryHTML

@Suite struct HTMLTreeTests {
  /// The element names with their parents' names, in document order.
  func shape(_ html: String) -> [String] {
    let tree = HTMLTree(html: html)
    return tree.elements.map { element in
      element.parent < 0 ? element.name : "\(tree.elements[Int(element.parent)].name)>\(element.name)"
    }
  }

  func texts(_ html: String) -> [String] {
    let tree = HTMLTree(html: html)
    return tree.items.compactMap { item in
      guard case .text(let start, let end, _) = item else { return nil }
      return tree.decodedString(start..<end)
    }
  }

  @Test func nestsElements() {
    #expect(shape("<div><p>a<b>b</b></p></div>") == ["div", "div>p", "p>b"])
  }

  @Test func closesWhatTheNextStartTagCloses() {
    #expect(shape("<p>one<p>two<div>three</div>") == ["p", "p", "div"])
    #expect(shape("<ul><li>a<li>b<ul><li>c</ul></ul>") == ["ul", "ul>li", "ul>li", "li>ul", "ul>li"])
    #expect(shape("<dl><dt>a<dd>b<dt>c</dl>") == ["dl", "dl>dt", "dl>dd", "dl>dt"])
    #expect(
      shape("<table><tr><td>a<td>b<tr><td>c</table>") == [
        "table", "table>tr", "tr>td", "tr>td", "table>tr", "tr>td",
      ])
    #expect(shape("<h1>a<h2>b</h2>") == ["h1", "h2"])
    #expect(shape("<a href=1>a<a href=2>b</a>") == ["a", "a"])
  }

  @Test func ignoresStrayAndMisnestedEndTags() {
    #expect(shape("<div></span><p>a</b></p></div>") == ["div", "div>p"])
    // An inline end tag does not close a block opened inside it.
    #expect(shape("<span><div>a</span>b</div>") == ["span", "span>div"])
    #expect(texts("<span><div>a</span>b</div>") == ["a", "b"])
    // `</br>` is a line break; text after `</body>` still counts.
    #expect(shape("a</br>b") == ["br"])
    #expect(texts("<body><p>a</p></body>b") == ["a", "b"])
  }

  @Test func keepsVoidElementsEmpty() {
    #expect(shape("<p>a<br>b<img src=x>c<hr>d") == ["p", "p>br", "p>img", "hr"])
  }

  @Test func readsRawTextUpToItsOwnEndTag() {
    let tree = HTMLTree(html: "<script>if (a < b) { x = '</div>'; }</script ><p>after</p>")
    #expect(tree.elements.map(\.name) == ["script", "p"])
    #expect(tree.rawText(of: 0) == "if (a < b) { x = '</div>'; }")
    #expect(texts("<title>A &amp; B</title>") == ["A & B"])
    #expect(texts("<style>p { color: red }</style>x") == ["x"])
    #expect(texts("<script>never closed <p>no") == [])
  }

  @Test func skipsCommentsDoctypesCDATAAndInstructions() {
    #expect(
      texts("<!DOCTYPE html><!-- a <p>comment</p> --><?xml x?><![CDATA[raw]]><!-->a<!--->b")
        == ["a", "b"])
    #expect(texts("x <3 y < z") == ["x <3 y < z"])
  }

  @Test func readsAttributesQuotedOrNot() {
    let tree = HTMLTree(html: "<div CLASS=\"a b\" id=main data-x='q\"' class=second hidden>t</div>")
    #expect(tree.attribute("class", of: 0) == "a b")
    #expect(tree.attribute("id", of: 0) == "main")
    #expect(tree.attribute("data-x", of: 0) == "q\"")
    #expect(tree.hasAttribute("hidden", of: 0))
    #expect(tree.attribute("title", of: 0) == nil)
    #expect(HTMLTree(html: "<a href=\"?a=1&copy=2&amp;b\">").attribute("href", of: 0) == "?a=1&copy=2&b")
  }

  @Test func endsTheHeadWhereTheBodyBegins() {
    #expect(shape("<head><title>t</title><div>body</div>") == ["head", "head>title", "div"])
  }

  @Test func flattensNestingPastTheLimit() {
    let depth = 20_000
    let tree = HTMLTree(
      html: String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth))
    #expect(tree.elements.count == depth)
    #expect(tree.elements.map(\.depth).max() == Int32(HTMLTree.maximumDepth))
    #expect(tree.items.contains { if case .text = $0 { return true } else { return false } })
  }

  @Test func survivesTruncatedMarkup() {
    for html in [
      "<", "<div", "<div class=\"open", "</", "<!--", "<a href='x", "&", "&#", "<p>open <b>never closed <i",
    ] {
      _ = HTMLTree(html: html)
    }
    #expect(texts("<p>open <b>never closed <i") == ["open ", "never closed "])
  }
}
