import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct HTMLTextTests {
  let page = """
    <!DOCTYPE html><html><head><title>China declines  &amp; rebuffs</title>
    <meta property="article:published_time" content="2023-05-30T14:02:00Z">
    <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
    <body><!-- a comment <p>hidden</p> --><h1>China declines meeting</h1>
    <p>U.S. Defense Secretary Lloyd&nbsp;Austin&#8217;s offer was <b>rejected</b>.</p>
    <p>&ldquo;Is there any sincerity?&rdquo; Pengyu added &#x2014; AT&T &unknown; stays.</p></body></html>
    """

  @Test func keepsTheReadableTextInParagraphs() {
    let extracted = HTMLText(html: page)
    #expect(
      extracted.text == """
        China declines meeting

        U.S. Defense Secretary Lloyd Austin’s offer was rejected.

        “Is there any sincerity?” Pengyu added — AT&T &unknown; stays.
        """)
  }

  @Test func keepsTheTitleAndPublicationDate() {
    let extracted = HTMLText(html: page)
    #expect(extracted.title == "China declines & rebuffs")
    #expect(extracted.date == CalendarDate(year: 2023, month: 5, day: 30))
  }

  @Test func readsTimeElements() {
    #expect(
      HTMLText(html: "<time datetime=\"2021-01-02\">Jan 2</time><p>x</p>").date
        == CalendarDate(year: 2021, month: 1, day: 2))
  }

  @Test func survivesBrokenMarkup() {
    #expect(HTMLText(html: "<p>open <b>never closed <i").text == "open never closed")
    #expect(HTMLText(html: "").text.isEmpty)
  }
}
