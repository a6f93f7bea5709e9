import QuarryCore
import Testing

@testable import QuarryHTML

@Suite struct PageMetadataTests {
  func metadata(_ html: String) -> PageMetadata { PageMetadata(tree: HTMLTree(html: html)) }

  @Test func readsJSONLDFirst() {
    let page = """
      <html lang="en"><head><title>Other | Site</title><meta property="og:title" content="OG title">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"The Site"},
        {"@type":["NewsArticle"],"headline":"Talks resume in Cairo","datePublished":"2024-05-30T08:00:00Z",
         "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Li"}],
         "publisher":{"@type":"Organization","name":"Daily News"}}]}</script></head><body></body></html>
      """
    let found = metadata(page)
    #expect(found.title == "Talks resume in Cairo")
    #expect(found.date == CalendarDate(year: 2024, month: 5, day: 30))
    #expect(found.authors == ["Ana Ruiz", "Tom Li"])
    #expect(found.site == "Daily News")
    #expect(found.language == "en")
  }

  @Test func fallsBackToMetaTagsAndMarkup() {
    let page = """
      <html><head><title>Rates rise again this spring | The Courier</title>
      <meta property="article:published_time" content="2023-03-01T10:00:00+01:00">
      <meta name="author" content="By Ana Ruiz and Tom Li"><meta property="og:site_name" content="The Courier">
      <meta property="og:locale" content="en_GB"><link rel="canonical" href="https://courier.example/rates">
      </head><body><p>x</p></body></html>
      """
    let found = metadata(page)
    #expect(found.title == "Rates rise again this spring")
    #expect(found.date == CalendarDate(year: 2023, month: 3, day: 1))
    #expect(found.authors == ["Ana Ruiz", "Tom Li"])
    #expect(found.site == "The Courier")
    #expect(found.url == "https://courier.example/rates")
    #expect(found.language == "en-gb")
  }

  @Test func takesTheDateFromTimeOrTheAddress() {
    #expect(
      metadata("<time datetime=\"2021-01-02T10:00\">Jan 2</time>").date
        == CalendarDate(year: 2021, month: 1, day: 2))
    #expect(
      metadata("<link rel=canonical href=\"https://x.example/news/2019/11/19/story\">").date
        == CalendarDate(year: 2019, month: 11, day: 19))
    #expect(metadata("<link rel=canonical href=\"https://x.example/story-1234\">").date == nil)
  }

  @Test func readsTheDateReadersSeeInTheByline() {
    let page = """
      <div class="article-meta"><span class="byline">By Ana Ruiz</span>
      <span class="published-date">Published Nov. 19, 2019 at 8:00 am</span></div><p>x</p>
      """
    #expect(metadata(page).date == CalendarDate(year: 2019, month: 11, day: 19))
    #expect(
      PageMetadata.dateInText("Updated 3 March 2024, 10:02") == CalendarDate(year: 2024, month: 3, day: 3))
    #expect(PageMetadata.dateInText("Posted 2021-06-07T10:00") == CalendarDate(year: 2021, month: 6, day: 7))
    #expect(PageMetadata.dateInText("May contain 31 words in 2024") == nil)
  }

  @Test func toleratesBrokenJSONLD() {
    let found = metadata("<script type=\"application/ld+json\">{\"headline\": </script><h1>Fallback</h1>")
    #expect(found.title == "Fallback")
  }
}
