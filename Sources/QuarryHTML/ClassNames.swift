/// What an element's class, id and itemprop say about it: a container of the article's
/// text, page furniture (sharing, comments, related links, advertising, navigation), or
/// neither. The word lists follow the ones Readability and trafilatura have refined on
/// many sites; they are words of page layout, not of any one site.
///
/// Matching works on the attribute's bytes: the standard library's `String.contains`
/// builds a searcher per call, which made it most of the time spent on a page.
enum ClassNames {
  struct Kind {
    /// Some name has an article word.
    var article = false
    /// Some name has a furniture word.
    var furniture = false
    /// Set aside before scoring: a name with a furniture word that is not a body's name.
    var isFurniture = false

    /// +25 for article words, −25 for furniture words, 0 for both or neither.
    var weight: Int8 { (article ? 25 : 0) - (furniture ? 25 : 0) }

    /// The kind of an element whose class, id and itemprop have these kinds.
    func union(_ other: Kind) -> Kind {
      Kind(
        article: article || other.article, furniture: furniture || other.furniture,
        isFurniture: isFurniture || other.isFurniture)
    }
  }

  /// Words that mark a container of text.
  static let articleWords = bytes([
    "article", "body", "content", "entry", "main", "post", "text", "story", "blog", "hentry", "prose",
    "paragraph",
  ])

  /// Words that mark page furniture; a name containing one is furniture.
  static let furnitureWords = bytes([
    "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscribe", "signup",
    "sign-up", "promo", "sponsor", "advert", "banner", "breadcrumb", "cookie", "consent", "gdpr", "popup",
    "modal", "sidebar", "footer", "masthead", "navbar", "menu", "pagination", "pager", "disqus", "outbrain",
    "taboola", "trending", "popular", "widget", "toolbar", "byline", "author", "caption", "credit", "tags",
    "keyword", "shoutbox", "skyscraper", "combx", "rss", "print", "login", "more-from", "read-more",
    "readmore", "most-read", "mostread", "jump", "hidden", "sr-only", "visually-hidden", "screen-reader",
    "offscreen", "teaser", "nav", "dateline", "timestamp", "meta", "headline", "kicker", "breaking",
    "alert", "cta", "paywall", "overlay", "video", "player", "gallery", "slideshow", "carousel",
    "rollover", "tooltip", "popover", "hovercard",
  ])

  /// Whole words (between `-`, `_` and spaces) that mark furniture but are too short to
  /// look for inside other words.
  static let furnitureTokens = byFirstByte(
    bytes([
      "ad", "ads", "adv", "advertisement", "adslot", "dfp", "gpt", "tag", "share", "hide", "hid", "date",
      "time", "foot", "aside", "extra", "tool", "tools", "links", "follow", "bio",
    ]))

  static func isFurnitureToken(_ token: ArraySlice<UInt8>) -> Bool {
    furnitureTokens[Int(token[token.startIndex])].contains {
      $0.count == token.count && $0.elementsEqual(token)
    }
  }

  /// Names only an article's body takes, never furniture even with a furniture word in
  /// them, and those of the posts a story quotes (an embedded tweet is part of the story);
  /// compared with `-` and `_` left out.
  static let bodyNames = bytes([
    "articlebody", "storybody", "entrycontent", "postcontent", "articlecontent", "storycontent", "postbody",
    "articletext", "storytext", "bodytext", "tweet", "twitter", "instagram", "socialmediaembed",
    "socialembed", "embedsocial",
  ])

  static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

  /// The words of a list by their first byte, so that a name is read once, not once per word.
  static func byFirstByte(_ words: [[UInt8]]) -> [[[UInt8]]] {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for word in words { table[Int(word[0])].append(word) }
    return table
  }

  static let articleTable = byFirstByte(articleWords)
  static let furnitureTable = byFirstByte(furnitureWords)
  static let bodyTable = byFirstByte(bodyNames)

  /// Whether any word of `table` occurs in `name`.
  static func containsAny(_ name: ArraySlice<UInt8>, _ table: [[[UInt8]]]) -> Bool {
    var start = name.startIndex
    while start < name.endIndex {
      for word in table[Int(name[start])] where start + word.count <= name.endIndex {
        var offset = 1
        while offset < word.count && name[start + offset] == word[offset] { offset += 1 }
        if offset == word.count { return true }
      }
      start += 1
    }
    return false
  }

  /// Classifies lowercased class, id and itemprop values separated by spaces.
  static func classify(_ names: [UInt8]) -> Kind {
    var article = false
    var furniture = false
    var furnitureName = false
    for name in names.split(separator: 0x20) where !name.isEmpty {
      let nameHasArticle = containsAny(name, articleTable)
      var nameHasFurniture = containsAny(name, furnitureTable)
      if !nameHasFurniture {
        var start = name.startIndex
        while start < name.endIndex && !nameHasFurniture {
          var end = start
          while end < name.endIndex && name[end] != UInt8(ascii: "-") && name[end] != UInt8(ascii: "_") {
            end += 1
          }
          if end > start && isFurnitureToken(name[start..<end]) { nameHasFurniture = true }
          start = end + 1
        }
      }
      if nameHasArticle { article = true }
      if nameHasFurniture {
        let compact = name.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") }
        if containsAny(compact[...], bodyTable) {
          article = true
        } else {
          furniture = true
          furnitureName = true
        }
      }
    }
    return Kind(article: article, furniture: furniture, isFurniture: furnitureName)
  }

}
