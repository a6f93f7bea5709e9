import Testing

@testable import QuarryHTML

@Suite struct ArticleExtractorTests {
  func paragraphs(_ body: String) -> [String] {
    ArticleExtractor.paragraphs(of: HTMLTree(html: "<html><body>\(body)</body></html>"))
  }

  let story = """
    <p>The central bank raised its main rate on Thursday, the third rise this year, to slow prices.</p>
    <p>Economists had expected the move, which follows a jump in food and fuel costs, analysts said.</p>
    <p>The bank will meet again in June, when it may pause, according to its governor, Ana Silva.</p>
    """

  @Test func keepsTheArticleAndDropsThePageAroundIt() {
    let page = """
      <header><a href="/">News</a><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></header>
      <nav><a href="/a">Politics</a> <a href="/b">Sport</a></nav>
      <div class="layout"><main><h1>Bank raises rates</h1>
      <div class="social-share"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
      <div class="article-body">\(story)</div>
      <div class="related-stories"><h3>More stories</h3><ul><li><a href="/1">Markets fall as banks raise rates across the world</a></li>
      <li><a href="/2">What the rise means for your mortgage payments this year</a></li></ul></div>
      <section id="comments"><p>Great article, thanks, very clear, I agree with everything said here!</p></section>
      </main><aside><p>Most read: a story about something else entirely, long enough to score.</p></aside></div>
      <footer><p>Copyright 2024, The Daily, all rights reserved, in every country of the world.</p></footer>
      """
    #expect(
      paragraphs(page) == [
        "The central bank raised its main rate on Thursday, the third rise this year, to slow prices.",
        "Economists had expected the move, which follows a jump in food and fuel costs, analysts said.",
        "The bank will meet again in June, when it may pause, according to its governor, Ana Silva.",
      ])
  }

  @Test func dropsLinkLinesAndTheLabelsOverThem() {
    let page = """
      <div class="story">\(story)
      <p>You may also like...</p>
      <p><a href="/x">Rates: what comes next for savers</a></p>
      <p><a href="/y">READ MORE ON THE ECONOMY</a></p>
      <p>Advertisement</p>
      <p>The bank's statement is published on its website, with the votes of each member, in full.</p></div>
      """
    let result = paragraphs(page)
    #expect(result.count == 4)
    #expect(
      !result.contains {
        $0.contains("You may also like") || $0.contains("READ MORE") || $0 == "Advertisement"
      })
  }

  @Test func keepsEmbeddedPostsThatAreLinkHeavy() {
    let page = """
      <div class="entry-content">\(story)
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Rates up again, mortgages next.
      <a href="https://t.co/x">https://t.co/xyz</a></p>— A Reader (@reader) <a href="https://twitter.com/r/1">May 2, 2024</a></blockquote></div></div>
      """
    #expect(paragraphs(page).contains { $0.hasPrefix("Rates up again, mortgages next.") })
  }

  @Test func keepsAnArticleInsideAWrapperNamedLikeFurniture() {
    // A wrapper holding most of the page is the page, whatever its class says.
    let page = "<div class=\"content-with-sidebar\"><div class=\"field-label-hidden\">\(story)</div></div>"
    #expect(paragraphs(page).count == 3)
  }

  @Test func dropsHiddenElementsCaptionsAndPopups() {
    let page = """
      <article>\(story)
      <div style="display: none"><p>Hidden text that should never be read by anyone, hidden away.</p></div>
      <p hidden>Also hidden, though long enough to be a paragraph of the article itself.</p>
      <figure><img src="a.jpg"><figcaption>The bank's headquarters, in a photo from May, by a photographer.</figcaption></figure>
      <p>Silva <span class="rollover-people">Ana Silva: all her stories and her biography</span>spoke on Thursday.</p>
      </article>
      """
    let result = paragraphs(page)
    #expect(
      !result.contains { $0.contains("hidden") || $0.contains("headquarters") || $0.contains("biography") })
    #expect(result.last == "Silva spoke on Thursday.")
  }

  @Test func findsNoArticleInAPageOfLinks() {
    let page =
      "<nav><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li></ul></nav><footer>© 2024</footer>"
    #expect(paragraphs(page).isEmpty)
  }

  @Test func keepsHeadingsAndListItemsOfTheBodyButNotItsHeadline() {
    let page = """
      <article><h1>Headline</h1>\(story)<h2>What happens next</h2>
      <ul><li>Prices should slow by the autumn, the bank forecasts, in its report.</li>
      <li>Wages are rising too, by four percent a year, the statistics office says.</li></ul></article>
      """
    let result = paragraphs(page)
    #expect(!result.contains("Headline"))
    #expect(result.contains("What happens next"))
    #expect(result.last == "Wages are rising too, by four percent a year, the statistics office says.")
  }

  @Test func collapsesWhiteSpaceAndDecodesReferences() {
    var block = ArticleExtractor.Block(owner: 0)
    ArticleExtractor.appendCollapsingSpace(
      Array("  a \n\t b\u{A0}\u{A0}c, d".utf8), to: &block, linked: false)
    #expect(String(decoding: block.text, as: UTF8.self) == "a b c, d")
    #expect(block.characters == 8)
    #expect(block.commas == 1)
  }
}
