import QuarryCore

/// What a page says about its article: headline, publication date, authors, site, canonical
/// address and language. Each is read from the most reliable place that has it: the
/// page's JSON-LD (schema.org `NewsArticle` and kin), then Open Graph and other `<meta>`
/// tags, then the markup (`<time datetime>`, `<h1>`, `<title>`, `<html lang>`), and for
/// the date last of all the address (`/2019/11/19/`).
public struct PageMetadata: Sendable, Equatable {
  public var title: String?
  public var date: CalendarDate?
  public var authors: [String] = []
  public var site: String?
  public var url: String?
  public var language: String?

  public init(
    title: String? = nil, date: CalendarDate? = nil, authors: [String] = [], site: String? = nil,
    url: String? = nil, language: String? = nil
  ) {
    self.title = title
    self.date = date
    self.authors = authors
    self.site = site
    self.url = url
    self.language = language
  }

  /// The schema.org types of an article's JSON-LD object.
  static let articleTypes: Set<String> = [
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle",
    "TechArticle", "SocialMediaPosting", "WebPage", "ReviewNewsArticle",
  ]

  /// The `<meta>` names and properties read.
  static let metaNames: Set<String> = [
    "og:title", "twitter:title", "article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "citation_publication_date", "parsely-pub-date", "sailthru.date", "article:modified_time", "og:url",
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "og:site_name",
    "application-name", "content-language", "og:locale",
  ]

  init(tree: HTMLTree) {
    var meta: [String: String] = [:]
    var jsonLD: [Record] = []
    var timeDate: String?
    var firstHeading: String?
    var titleText: String?
    var canonical: String?
    for (index, element) in tree.elements.enumerated() where element.tag.contains(.metadata) {
      let id = Int32(index)
      switch element.name {
      case "meta":
        for key in ["property", "name", "itemprop", "http-equiv"] {
          guard let name = tree.attribute(key, of: id)?.lowercased(), PageMetadata.metaNames.contains(name),
            meta[name] == nil, let content = tree.attribute("content", of: id)?.trimmed, !content.isEmpty
          else { continue }
          meta[name] = content
        }
      case "script":
        guard let type = tree.attribute("type", of: id)?.lowercased(), type.hasSuffix("ld+json"),
          let text = tree.rawText(of: id)
        else { continue }
        if let value = try? JSON.decode(text) { PageMetadata.collectObjects(value, into: &jsonLD) }
      case "time" where timeDate == nil:
        timeDate = tree.attribute("datetime", of: id)
      case "link" where canonical == nil:
        if tree.attribute("rel", of: id)?.lowercased() == "canonical" {
          canonical = tree.attribute("href", of: id)
        }
      case "title" where titleText == nil:
        titleText = tree.rawContent[id].map { tree.decodedString($0).collapsedSpace }
      case "h1" where firstHeading == nil:
        firstHeading = PageMetadata.text(of: id, in: tree)
      case "html" where language == nil:
        language = tree.attribute("lang", of: id)?.trimmed
      default: break
      }
    }
    let article =
      jsonLD.first {
        PageMetadata.types($0).contains { PageMetadata.articleTypes.contains($0) && $0 != "WebPage" }
      }
      ?? jsonLD.first { PageMetadata.types($0).contains("WebPage") }

    title =
      [article?["headline"]?.stringValue, meta["og:title"], meta["twitter:title"], firstHeading, titleText]
      .lazy.compactMap { $0?.collapsedSpace }.first { !$0.isEmpty }
    if title == titleText, let full = title { title = PageMetadata.withoutSiteName(full) }

    let dateTexts: [String?] = [
      article?["datePublished"]?.stringValue, meta["article:published_time"], meta["datepublished"],
      meta["og:published_time"], meta["pubdate"], meta["publishdate"], meta["publish-date"],
      meta["date"], meta["dc.date"], meta["dc.date.issued"], meta["dcterms.created"],
      meta["citation_publication_date"], meta["parsely-pub-date"], meta["sailthru.date"],
      article?["dateCreated"]?.stringValue, timeDate, article?["dateModified"]?.stringValue,
      meta["article:modified_time"],
    ]
    date = dateTexts.lazy.compactMap { $0.flatMap(PageMetadata.parseDate) }.first
    url =
      [canonical, meta["og:url"], article?["url"]?.stringValue].lazy.compactMap { $0?.trimmed }
      .first { $0.hasPrefix("http") }
    if date == nil, let url { date = PageMetadata.dateInAddress(url) }
    if date == nil { date = PageMetadata.bylineDate(in: tree) }

    var authors: [String] = []
    if let value = article?["author"] { PageMetadata.names(in: value, into: &authors) }
    if authors.isEmpty {
      for key in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"] {
        if let text = meta[key], !text.hasPrefix("http") {
          authors = PageMetadata.splitNames(text)
          break
        }
      }
    }
    self.authors = authors
    var publisher: String?
    if let value = article?["publisher"] {
      if case .record(let record) = value {
        publisher = record["name"]?.stringValue
      } else {
        publisher = value.stringValue
      }
    }
    site = [meta["og:site_name"], publisher, meta["application-name"]].lazy.compactMap { $0?.collapsedSpace }
      .first { !$0.isEmpty }
    if language == nil || language!.isEmpty {
      language = article?["inLanguage"]?.stringValue ?? meta["content-language"] ?? meta["og:locale"]
    }
    if let code = language { language = code.replacingUnderscores.lowercased() }
  }

  static func types(_ record: Record) -> [String] {
    switch record["@type"] {
    case .string(let type)?: return [type]
    case .list(let list)?: return list.compactMap(\.stringValue)
    default: return []
    }
  }

  /// Every object in a JSON-LD value: top-level arrays and `@graph` lists opened.
  static func collectObjects(_ value: Value, into objects: inout [Record], depth: Int = 0) {
    guard depth < 8 else { return }
    switch value {
    case .list(let list): for item in list { collectObjects(item, into: &objects, depth: depth + 1) }
    case .record(let record):
      objects.append(record)
      if let graph = record["@graph"] { collectObjects(graph, into: &objects, depth: depth + 1) }
    default: break
    }
  }

  /// The names in a JSON-LD `author`: a string, a `Person`, or a list of them.
  static func names(in value: Value, into names: inout [String]) {
    switch value {
    case .string(let text): names += splitNames(text)
    case .record(let record):
      if let name = record["name"] { PageMetadata.names(in: name, into: &names) }
    case .list(let list): for item in list { PageMetadata.names(in: item, into: &names) }
    default: break
    }
  }

  /// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
  static func splitNames(_ text: String) -> [String] {
    var rest = text.collapsedSpace
    if rest.lowercased().hasPrefix("by ") { rest = String(rest.dropFirst(3)) }
    return rest.replacing(" and ", with: ",").split(separator: ",").map { String($0).trimmed }
      .filter { !$0.isEmpty && !$0.hasPrefix("http") }
  }

  /// A date from ISO 8601 text (`2019-11-19T08:00:00Z`), or from the digits of
  /// `20191119`; nil for anything else.
  static func parseDate(_ text: String) -> CalendarDate? {
    let trimmed = text.trimmed
    if let date = CalendarDate(iso: trimmed.prefix(10)), date.day != nil { return date }
    if trimmed.count >= 8, trimmed.prefix(8).allSatisfy(\.isNumber),
      let date = CalendarDate(
        iso: "\(trimmed.prefix(4))-\(trimmed.dropFirst(4).prefix(2))-\(trimmed.dropFirst(6).prefix(2))")
    {
      return date
    }
    return nil
  }

  /// A date written in an address's path: `/2019/11/19/` or `/2019-11-19`.
  static func dateInAddress(_ url: String) -> CalendarDate? {
    let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." })
    for (index, part) in parts.enumerated() where part.count == 4 && part.allSatisfy(\.isNumber) {
      guard index + 2 < parts.count, let year = Int(part), (1990...2100).contains(year),
        let month = Int(parts[index + 1]), let day = Int(parts[index + 2]), parts[index + 1].count <= 2,
        parts[index + 2].count <= 2, (1...12).contains(month), (1...31).contains(day)
      else { continue }
      return CalendarDate(year: year, month: month, day: day)
    }
    return nil
  }

  /// Class and id words of the elements that show an article's date to readers.
  static let bylineWords = ClassNames.byFirstByte(
    ClassNames.bytes(["byline", "dateline", "date", "time", "published", "posted", "meta"]))

  /// The date written in a byline or date line a reader sees ("Published November 19,
  /// 2019"), for pages that give it nowhere else: the first of at most ten elements whose
  /// class or id names one.
  static func bylineDate(in tree: HTMLTree) -> CalendarDate? {
    var looked = 0
    var names: [UInt8] = []
    for index in tree.elements.indices where !tree.elements[index].attributes.isEmpty {
      let id = Int32(index)
      names.removeAll(keepingCapacity: true)
      for code in ArticleExtractor.classAndID {
        _ = tree.appendLowercasedAttribute(code: code, of: id, to: &names)
        names.append(0x20)
      }
      guard ClassNames.containsAny(names[...], bylineWords) else { continue }
      if let date = dateInText(text(of: id, in: tree)) { return date }
      looked += 1
      if looked == 10 { return nil }
    }
    return nil
  }

  static let monthNames: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
    ]
    var table: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      table[name] = index + 1
      table[String(name.prefix(3))] = index + 1
    }
    table["sept"] = 9
    return table
  }()

  /// The first date in text written as "November 19, 2019", "Nov. 19 2019",
  /// "19 November 2019" or "2019-11-19".
  static func dateInText(_ text: String) -> CalendarDate? {
    let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(80)
      .map(String.init)
    func year(_ index: Int) -> Int? {
      guard index >= 0, index < words.count, words[index].count == 4, let value = Int(words[index]),
        (1990...2100).contains(value)
      else { return nil }
      return value
    }
    func day(_ index: Int) -> Int? {
      // "19", "19th", and the "07" of "07T10" in an ISO date and time.
      guard index >= 0, index < words.count else { return nil }
      let digits = words[index].prefix(while: \.isNumber)
      guard (1...2).contains(digits.count), let value = Int(digits), (1...31).contains(value) else {
        return nil
      }
      return value
    }
    for index in words.indices {
      if let month = monthNames[words[index]] {
        if let day = day(index + 1), let year = year(index + 2) {
          return CalendarDate(year: year, month: month, day: day)
        }
        if let day = day(index - 1), let year = year(index + 1) {
          return CalendarDate(year: year, month: month, day: day)
        }
      }
      if let year = year(index), index + 2 < words.count, words[index + 1].count <= 2,
        let month = Int(words[index + 1]), (1...12).contains(month), let day = day(index + 2)
      {
        return CalendarDate(year: year, month: month, day: day)
      }
    }
    return nil
  }

  /// `<title>` text without its site name: "Headline | Site" → "Headline".
  static func withoutSiteName(_ title: String) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
      if let range = title.ranges(of: separator).last {
        let head = String(title[..<range.lowerBound])
        if head.count >= 15 { return head }
      }
    }
    return title
  }

  static func text(of element: Int32, in tree: HTMLTree) -> String {
    var bytes: [UInt8] = []
    var open = false
    for item in tree.items {
      switch item {
      case .open(let id) where id == element: open = true
      case .close(let id) where id == element: return String(decoding: bytes, as: UTF8.self).collapsedSpace
      case .text(let start, let end, let id) where open && tree.isInside(id, element):
        tree.appendDecoded(start..<end, to: &bytes)
        bytes.append(0x20)
      default: break
      }
    }
    return String(decoding: bytes, as: UTF8.self).collapsedSpace
  }
}

extension String {
  var trimmed: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }

  /// Runs of white space made one space, and none at the ends.
  var collapsedSpace: String {
    split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  var replacingUnderscores: String { replacing("_", with: "-") }
}
