/// What the parser and the article extractor need to know about an element by its name.
struct HTMLTag: OptionSet, Sendable, Hashable {
  let rawValue: UInt32

  /// An element of HTML (others, such as SVG's, may close themselves with `/>`).
  static let known = HTMLTag(rawValue: 1 << 0)
  /// Starts a new block of text: a paragraph, heading, list item, cell, division…
  static let block = HTMLTag(rawValue: 1 << 1)
  /// Has no content and no end tag (`<br>`, `<img>`, `<meta>`…).
  static let void = HTMLTag(rawValue: 1 << 2)
  /// Its content is text up to its own end tag (`<script>`, `<style>`, `<title>`…).
  static let rawText = HTMLTag(rawValue: 1 << 3)
  /// Raw text in which character references count (`<title>`, `<textarea>`).
  static let escapable = HTMLTag(rawValue: 1 << 4)
  static let heading = HTMLTag(rawValue: 1 << 5)
  /// Closes an open `<p>` when it starts.
  static let closesParagraph = HTMLTag(rawValue: 1 << 6)
  /// An end tag of a block element does not look for its element past one of these.
  static let scopeBoundary = HTMLTag(rawValue: 1 << 7)
  /// Table parts do not look for their open siblings past one of these.
  static let tableBoundary = HTMLTag(rawValue: 1 << 8)
  /// Never article text: code, media, controls and the like.
  static let dropped = HTMLTag(rawValue: 1 << 9)
  /// Page furniture by its very element: navigation, asides, page footers and headers.
  static let furniture = HTMLTag(rawValue: 1 << 10)
  static let link = HTMLTag(rawValue: 1 << 11)
  static let listItem = HTMLTag(rawValue: 1 << 12)
  /// A paragraph-like block whose text is scored as a unit (`<p>`, `<pre>`, `<td>`…).
  static let paragraph = HTMLTag(rawValue: 1 << 13)

  /// `<dd>` and `<dt>`, which close each other.
  static let definition = HTMLTag(rawValue: 1 << 14)
  static let option = HTMLTag(rawValue: 1 << 15)
  /// `<td>` and `<th>`.
  static let tableCell = HTMLTag(rawValue: 1 << 16)
  static let tableRow = HTMLTag(rawValue: 1 << 17)
  /// `<tbody>`, `<thead>` and `<tfoot>`.
  static let tableSection = HTMLTag(rawValue: 1 << 18)
  /// May stand in `<head>` without ending it.
  static let headContent = HTMLTag(rawValue: 1 << 19)
  /// The page's own frame (`<html>`, `<body>`, `<main>`, `<article>`), never furniture by class.
  static let frame = HTMLTag(rawValue: 1 << 20)
  static let head = HTMLTag(rawValue: 1 << 21)
  static let paragraphElement = HTMLTag(rawValue: 1 << 22)
  /// Read for the page's metadata.
  static let metadata = HTMLTag(rawValue: 1 << 23)

  init(rawValue: UInt32) { self.rawValue = rawValue }

  /// A known element's name and flags from its bytes in any case, found without making a
  /// string: an open-addressing table keyed by an FNV-1a hash of the lowercased bytes.
  /// (A `[String: HTMLTag]` lookup per tag, with its string and SipHash, was a tenth of
  /// the time spent parsing.)
  static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, tag: HTMLTag)? {
    guard bytes.count <= 10 else { return nil }
    let hash = fnv(bytes)
    var slot = Int(hash & UInt64(slotMask))
    while let entry = slots[slot] {
      if entry.hash == hash && entry.bytes.count == bytes.count
        && zip(entry.bytes, bytes).allSatisfy({ $0 == lowercase($1) })
      {
        return (entry.name, entry.tag)
      }
      slot = (slot + 1) & slotMask
    }
    return nil
  }

  static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  static func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(lowercase(byte))) &* 0x100_0000_01b3 }
    return hash
  }

  struct Slot {
    var hash: UInt64
    var bytes: [UInt8]
    var name: String
    var tag: HTMLTag
  }

  static let slotMask = 511

  static let slots: [Slot?] = {
    var slots = [Slot?](repeating: nil, count: slotMask + 1)
    for (name, tag) in byName {
      let bytes = Array(name.utf8)
      let hash = bytes.withUnsafeBufferPointer { fnv($0) }
      var slot = Int(hash & UInt64(slotMask))
      while slots[slot] != nil { slot = (slot + 1) & slotMask }
      slots[slot] = Slot(hash: hash, bytes: bytes, name: name, tag: tag)
    }
    return slots
  }()

  static let byName: [String: HTMLTag] = {
    var table: [String: HTMLTag] = [:]
    func add(_ names: [String], _ tag: HTMLTag) {
      for name in names { table[name, default: .known].formUnion(tag) }
    }
    add(
      [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "q", "ruby", "rp", "rt", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var", "nobr", "big", "body", "head", "html", "picture", "legend",
      ], .known)
    add(
      [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "listing", "xmp", "plaintext",
      ], [.block, .closesParagraph])
    add(["h1", "h2", "h3", "h4", "h5", "h6"], [.block, .closesParagraph, .heading])
    add(["li"], [.block, .closesParagraph, .listItem])
    add(["dd", "dt"], [.block, .closesParagraph])
    add(
      ["tr", "td", "th", "tbody", "thead", "tfoot", "caption", "br", "option", "body", "head", "title"],
      .block)
    add(["p", "pre", "td", "blockquote", "dd", "li", "h1", "h2", "h3", "h4", "h5", "h6"], .paragraph)
    add(
      [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen", "basefont", "bgsound", "frame",
      ], .void)
    add(
      [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "textarea",
        "title",
      ], .rawText)
    add(["textarea", "title"], .escapable)
    add(
      [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "video", "audio", "button", "select", "textarea", "input", "map", "dialog", "head", "title", "img",
        "picture", "source", "meta", "link", "frameset", "applet", "datalist", "output", "progress", "meter",
        "figcaption",
      ], .dropped)
    add(["nav", "aside", "footer", "header", "menu", "figure"], .furniture)
    add(["a"], .link)
    add(["dd", "dt"], .definition)
    add(["option", "optgroup"], .option)
    add(["td", "th"], .tableCell)
    add(["tr"], .tableRow)
    add(["tbody", "thead", "tfoot"], .tableSection)
    add(["head", "meta", "link", "title", "script", "style", "base", "noscript", "template"], .headContent)
    add(["html", "body", "main", "article"], .frame)
    add(["head"], .head)
    add(["p"], .paragraphElement)
    add(["meta", "script", "time", "link", "title", "h1", "html"], .metadata)
    add(
      ["html", "table", "td", "th", "caption", "template", "object", "applet", "marquee", "button"],
      .scopeBoundary)
    add(["html", "table", "template"], .tableBoundary)
    return table
  }()
}
