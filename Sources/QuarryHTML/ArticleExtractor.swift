/// Finds a page's article: the paragraphs a reader reads, without the menus, share
/// buttons, related-article lists, comments and footers around them.
///
/// In the spirit of Readability and trafilatura:
/// 1. Elements that can never be article text are set aside: scripts, media and controls,
///    hidden elements, and — unless they hold half the page's text — navigation, asides,
///    page headers and footers, figures, and elements whose class or id names page
///    furniture (`share`, `related`, `comments`, `newsletter`…).
/// 2. The rest is cut into blocks of text at block elements. Each block of 25 characters
///    or more scores 1, plus its commas, plus one per 100 characters (at most 3), and gives
///    its score to the element around it, half to the next one out, a third, a sixth… to
///    those above.
/// 3. An element's score, weighed by its class and id and by the share of its text that is
///    not links, elects the article's container; where the best containers share an
///    ancestor, it is the ancestor. Siblings with enough score or long unlinked paragraphs
///    join it.
/// 4. Inside, lists, tables and divisions made mostly of links or named as furniture are
///    dropped, as are lines that are nearly all link, the labels over them and advertising
///    labels; headings (but the `<h1>`), paragraphs and list items become the paragraphs.
/// When that leaves less than a short article, it runs again keeping the page furniture.
struct ArticleExtractor {
  struct Block {
    var owner: Int32
    var text: [UInt8] = []
    var characters = 0
    var linkCharacters = 0
    var commas = 0
  }

  let tree: HTMLTree
  /// Per element: set aside with all it contains.
  var excluded: [Bool] = []
  /// Per element: the class-and-id weight, −25, 0 or +25.
  var weight: [Int8] = []
  /// Per element: the nearest block element, itself included.
  var blockOwner: [Int32] = []
  /// Per element: inside an `<a>`.
  var inLink: [Bool] = []
  /// Per element: all the text below it, and the part of it in links.
  var characters: [Int] = []
  var linkCharacters: [Int] = []
  var commas: [Int] = []
  var blocks: [Block] = []
  /// Per element: the last block inside it, −1 for none.
  var lastBlock: [Int32] = []

  /// Fewer characters than this and the extraction runs again, keeping page furniture.
  static let shortArticle = 250

  init(tree: HTMLTree) { self.tree = tree }

  /// The article's paragraphs, in page order.
  static func paragraphs(of tree: HTMLTree) -> [String] {
    func length(_ paragraphs: [String]) -> Int { paragraphs.reduce(0) { $0 + $1.count } }
    var strict = ArticleExtractor(tree: tree)
    let first = strict.run(strict: true)
    let firstLength = length(first)
    if firstLength >= shortArticle { return first }
    var relaxed = ArticleExtractor(tree: tree)
    let second = relaxed.run(strict: false)
    return length(second) > firstLength ? second : first
  }

  mutating func run(strict: Bool) -> [String] {
    markElements(strict: strict)
    collectBlocks()
    guard let container = bestContainer() else { return [] }
    let chosen = withSiblings(container)
    return output(inside: chosen)
  }

  // MARK: 1. Elements

  mutating func markElements(strict: Bool) {
    let count = tree.elements.count
    excluded = [Bool](repeating: false, count: count)
    weight = [Int8](repeating: 0, count: count)
    blockOwner = [Int32](repeating: -1, count: count)
    inLink = [Bool](repeating: false, count: count)
    var names: [UInt8] = []
    var kinds: [UInt64: ([UInt8], ClassNames.Kind)] = [:]
    var furniture = [Bool](repeating: false, count: count)
    for index in 0..<count {
      let element = tree.elements[index]
      let parent = Int(element.parent)
      let id = Int32(index)
      if parent >= 0 {
        excluded[index] = excluded[parent]
        inLink[index] = inLink[parent]
        blockOwner[index] = blockOwner[parent]
      }
      if element.tag.contains(.block) { blockOwner[index] = id }
      if element.tag.contains(.link) { inLink[index] = true }
      if excluded[index] { continue }
      if element.tag.contains(.dropped) {
        excluded[index] = true
        continue
      }
      if strict && element.tag.contains(.furniture) { furniture[index] = true }
      if element.attributes.isEmpty { continue }
      if isHidden(id, scratch: &names) {
        excluded[index] = true
        continue
      }
      var kind = ClassNames.Kind()
      var named = false
      for code in ArticleExtractor.nameAttributes {
        names.removeAll(keepingCapacity: true)
        if tree.appendLowercasedAttribute(code: code, of: id, to: &names) {
          kind = kind.union(cachedKind(names, &kinds))
          named = true
        }
      }
      if !named { continue }
      weight[index] = kind.weight
      if strict && kind.isFurniture && !element.tag.contains(.frame) { furniture[index] = true }
    }
    guard strict else { return }
    // Furniture by name or class is set aside unless it holds half the page's text: a
    // `content-with-sidebar` wrapper or a `<header>` around everything is the page itself.
    var textBytes = [Int](repeating: 0, count: count)
    for item in tree.items {
      if case .text(let start, let end, let element) = item, element >= 0, !excluded[Int(element)] {
        textBytes[Int(element)] += Int(end - start)
      }
    }
    var total = 0
    for index in stride(from: count - 1, through: 0, by: -1) {
      let parent = Int(tree.elements[index].parent)
      if parent >= 0 { textBytes[parent] += textBytes[index] } else { total += textBytes[index] }
    }
    for index in 0..<count where !excluded[index] {
      let parent = Int(tree.elements[index].parent)
      if (parent >= 0 && excluded[parent]) || (furniture[index] && textBytes[index] * 2 < total) {
        excluded[index] = true
      }
    }
  }

  /// Pages repeat the same classes on many elements: each distinct list is classified once.
  /// Keyed by an FNV-1a hash of the names, which costs a tenth of hashing the bytes with
  /// `Hasher`; a hit is checked against the names themselves.
  func cachedKind(_ names: [UInt8], _ cache: inout [UInt64: ([UInt8], ClassNames.Kind)]) -> ClassNames.Kind {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in names { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    if let (known, kind) = cache[hash], known == names { return kind }
    let kind = ClassNames.classify(names)
    cache[hash] = (names, kind)
    return kind
  }

  /// Hidden from readers: `hidden`, `aria-hidden="true"`, a landmark role of page
  /// furniture, or an inline style of `display: none` or `visibility: hidden`.
  func isHidden(_ element: Int32, scratch: inout [UInt8]) -> Bool {
    if tree.find("", code: ArticleExtractor.hidden, of: element) != nil { return true }
    scratch.removeAll(keepingCapacity: true)
    if tree.appendLowercasedAttribute(code: ArticleExtractor.ariaHidden, of: element, to: &scratch),
      scratch == ArticleExtractor.trueValue
    {
      return true
    }
    scratch.removeAll(keepingCapacity: true)
    if tree.appendLowercasedAttribute(code: ArticleExtractor.role, of: element, to: &scratch),
      ArticleExtractor.furnitureRoles.contains(scratch)
    {
      return true
    }
    scratch.removeAll(keepingCapacity: true)
    if tree.appendLowercasedAttribute(code: ArticleExtractor.style, of: element, to: &scratch) {
      scratch.removeAll { $0 == 0x20 }
      return ClassNames.containsAny(scratch[...], ArticleExtractor.hiddenStyles)
    }
    return false
  }

  static let trueValue = Array("true".utf8)
  static let nameAttributes = ["class", "id", "itemprop"].map(AttributeName.code)
  static let classAndID = ["class", "id"].map(AttributeName.code)
  static let ariaHidden = AttributeName.code("aria-hidden")
  static let role = AttributeName.code("role")
  static let style = AttributeName.code("style")
  static let hidden = AttributeName.code("hidden")
  static let furnitureRoles: Set<[UInt8]> = Set(
    ["navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "search", "dialog", "alert"]
      .map { Array($0.utf8) })
  static let hiddenStyles = ClassNames.byFirstByte(ClassNames.bytes(["display:none", "visibility:hidden"]))

  // MARK: 2. Blocks

  mutating func collectBlocks() {
    let count = tree.elements.count
    characters = [Int](repeating: 0, count: count)
    linkCharacters = [Int](repeating: 0, count: count)
    commas = [Int](repeating: 0, count: count)
    lastBlock = [Int32](repeating: -1, count: count)
    blocks = []
    var current: Block?
    var decoded: [UInt8] = []
    func finish(_ block: inout Block?, into extractor: inout ArticleExtractor) {
      guard var done = block else { return }
      block = nil
      while done.text.last == 0x20 {
        done.text.removeLast()
        done.characters -= 1
      }
      guard done.characters > 0 else { return }
      var element = done.owner
      while element >= 0 {
        extractor.lastBlock[Int(element)] = Int32(extractor.blocks.count)
        extractor.characters[Int(element)] += done.characters
        extractor.linkCharacters[Int(element)] += done.linkCharacters
        extractor.commas[Int(element)] += done.commas
        element = extractor.tree.elements[Int(element)].parent
      }
      extractor.blocks.append(done)
    }
    for item in tree.items {
      switch item {
      case .open(let element), .close(let element):
        if tree.elements[Int(element)].tag.contains(.block) { finish(&current, into: &self) }
      case .text(let start, let end, let element):
        if element >= 0 && excluded[Int(element)] { continue }
        decoded.removeAll(keepingCapacity: true)
        tree.appendDecoded(start..<end, to: &decoded)
        if current == nil { current = Block(owner: element >= 0 ? blockOwner[Int(element)] : -1) }
        let linked = element >= 0 && inLink[Int(element)]
        ArticleExtractor.appendCollapsingSpace(decoded, to: &current!, linked: linked)
      }
    }
    finish(&current, into: &self)
  }

  /// Appends text with every run of white space (no-break spaces included) made one space.
  static func appendCollapsingSpace(_ bytes: [UInt8], to block: inout Block, linked: Bool) {
    var index = 0
    var added = 0
    while index < bytes.count {
      let byte = bytes[index]
      var isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
      var width = 1
      if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
        isSpace = true
        width = 2
      }
      if isSpace {
        if let last = block.text.last, last != 0x20 {
          block.text.append(0x20)
          added += 1
        }
      } else {
        block.text.append(byte)
        if byte & 0xC0 != 0x80 { added += 1 }
        if byte == UInt8(ascii: ",") { block.commas += 1 }
        // The ideographic and fullwidth commas of Chinese and Japanese.
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x8C {
          block.commas += 1
        }
        if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 {
          block.commas += 1
        }
      }
      index += width
    }
    block.characters += added
    if linked { block.linkCharacters += added }
  }

  // MARK: 3. The container

  func linkDensity(_ element: Int32) -> Double {
    let total = characters[Int(element)]
    return total == 0 ? 0 : Double(linkCharacters[Int(element)]) / Double(total)
  }

  /// The starting score of a container by its element.
  func initialScore(_ element: Int32) -> Double {
    let base: Double
    switch tree.elements[Int(element)].name {
    case "div", "article", "main", "section": base = 5
    case "pre", "td", "blockquote": base = 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": base = -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": base = -5
    default: base = 0
    }
    return base + Double(weight[Int(element)])
  }

  mutating func bestContainer() -> Int32? {
    scores = [Double](repeating: .nan, count: tree.elements.count)
    var scored: [Int32] = []
    for block in blocks where block.characters >= 25 && block.owner >= 0 {
      let score = 1 + Double(block.commas) + min(Double(block.characters) / 100, 3)
      var element = tree.elements[Int(block.owner)].parent
      var level = 0
      while element >= 0 && level < 5 {
        if scores[Int(element)].isNaN {
          scores[Int(element)] = initialScore(element)
          scored.append(element)
        }
        let share = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
        scores[Int(element)] += score / share
        element = tree.elements[Int(element)].parent
        level += 1
      }
    }
    guard !scored.isEmpty else { return blocks.first.map { tree.elements[Int($0.owner)].parent } ?? nil }
    let ranked = scored.map { (element: $0, score: finalScore($0)) }
      .sorted { $0.score != $1.score ? $0.score > $1.score : $0.element < $1.element }
    var best = ranked[0]
    // Where three of the strongest containers sit in one ancestor, the article is the ancestor.
    let close = ranked.prefix(5).dropFirst().filter { $0.score >= best.score * 0.75 }.map(\.element)
    if close.count >= 2 {
      var ancestor = tree.elements[Int(best.element)].parent
      while ancestor >= 0 && tree.elements[Int(ancestor)].name != "body" {
        if close.filter({ tree.isInside($0, ancestor) }).count >= 2 {
          best = (ancestor, max(finalScore(ancestor), best.score))
          break
        }
        ancestor = tree.elements[Int(ancestor)].parent
      }
    }
    return best.element
  }

  /// Per element: the score its blocks gave it, NaN where none did.
  var scores: [Double] = []

  /// A container's score weighed by the share of its text that is not links.
  func finalScore(_ element: Int32) -> Double {
    let score = scores[Int(element)]
    return score.isNaN ? 0 : score * (1 - linkDensity(element))
  }

  /// The container and those of its siblings that belong to the article.
  func withSiblings(_ container: Int32) -> [Int32] {
    // Text at the top level of a fragment: the fragment is the article.
    guard container >= 0 else {
      return tree.elements.indices.filter { tree.elements[$0].parent < 0 }.map(Int32.init)
    }
    let parent = tree.elements[Int(container)].parent
    guard parent >= 0 else { return [container] }
    let threshold = max(10, finalScore(container) * 0.2)
    var chosen: [Int32] = []
    for index in Int(parent + 1)..<tree.elements.count {
      let element = tree.elements[index]
      if element.depth <= tree.elements[Int(parent)].depth { break }
      guard element.parent == parent else { continue }
      let id = Int32(index)
      if id == container {
        chosen.append(id)
        continue
      }
      if excluded[index] || characters[index] == 0 { continue }
      if finalScore(id) >= threshold {
        chosen.append(id)
      } else if element.tag.contains(.paragraph) && !element.tag.contains(.heading) {
        let density = linkDensity(id)
        if characters[index] > 80 && density < 0.25 {
          chosen.append(id)
        } else if characters[index] > 0 && density == 0 && endsSentence(id) {
          chosen.append(id)
        }
      }
    }
    return chosen
  }

  func endsSentence(_ element: Int32) -> Bool {
    let index = Int(lastBlock[Int(element)])
    guard index >= 0, let last = blocks[index].text.last else { return false }
    return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
  }

  // MARK: 4. The text

  /// Whether a list, table or division inside the article is made mostly of links or is
  /// furniture by its class (unless it holds half the article: then it is the article).
  func isClutter(_ element: Int32, articleCharacters: Int) -> Bool {
    let tag = tree.elements[Int(element)].tag
    guard !tag.contains(.paragraph) || tag.contains(.listItem) else { return false }
    let weight = Int(weight[Int(element)])
    if weight < 0 && characters[Int(element)] * 2 < articleCharacters { return true }
    if commas[Int(element)] >= 10 { return false }
    let density = linkDensity(element)
    return (density > 0.2 && weight < 25) || density > 0.5
  }

  func output(inside chosen: [Int32]) -> [String] {
    let articleCharacters = chosen.reduce(0) { $0 + characters[Int($1)] }
    // Per element, learned once for all the blocks below it: 0 not yet known, 1 yes, 2 no.
    var inside = [UInt8](repeating: 0, count: tree.elements.count)
    var clutter = [UInt8](repeating: 0, count: tree.elements.count)
    for element in chosen {
      inside[Int(element)] = 1
      clutter[Int(element)] = 2
    }
    /// Walks up from `owner` until `known` or `test` answers, and remembers the answer
    /// for every element on the way.
    func answer(_ owner: Int32, _ known: inout [UInt8], _ test: (Int32) -> Bool) -> Bool {
      var element = owner
      var path: [Int32] = []
      var result = false
      while element >= 0 {
        if known[Int(element)] != 0 {
          result = known[Int(element)] == 1
          break
        }
        path.append(element)
        if test(element) {
          result = true
          break
        }
        element = tree.elements[Int(element)].parent
      }
      for visited in path { known[Int(visited)] = result ? 1 : 2 }
      return result
    }
    func isInside(_ owner: Int32) -> Bool { answer(owner, &inside) { _ in false } }
    func isInClutter(_ owner: Int32) -> Bool {
      answer(owner, &clutter) { isClutter($0, articleCharacters: articleCharacters) }
    }
    var kept: [Block] = []
    var droppedLinkAfter: [Bool] = []
    for block in blocks where block.owner >= 0 {
      guard isInside(block.owner) else { continue }
      if tree.elements[Int(block.owner)].name == "h1" { continue }
      if isInClutter(block.owner) { continue }
      if ArticleExtractor.isLinkLine(block) {
        if !droppedLinkAfter.isEmpty { droppedLinkAfter[droppedLinkAfter.count - 1] = true }
        continue
      }
      if ArticleExtractor.isAdvertisingLabel(block.text) { continue }
      kept.append(block)
      droppedLinkAfter.append(false)
    }
    var paragraphs: [String] = []
    for (index, block) in kept.enumerated() {
      // "Related:", "You may also like…", "DON'T MISS": the label of a list of links.
      if droppedLinkAfter[index] && ArticleExtractor.isLabel(block) { continue }
      paragraphs.append(String(decoding: block.text, as: UTF8.self))
    }
    return paragraphs
  }

  /// A short block that is all or nearly all a link: "READ MORE…", a related headline.
  static func isLinkLine(_ block: Block) -> Bool {
    block.characters < 150 && block.linkCharacters * 5 >= block.characters * 4
  }

  /// A short line that introduces what follows rather than saying something: no sentence
  /// ending, or ending in a colon or an ellipsis.
  static func isLabel(_ block: Block) -> Bool {
    guard block.characters <= 40, let last = block.text.last else { return false }
    if last == UInt8(ascii: ":") || block.text.suffix(3) == [0xE2, 0x80, 0xA6]
      || block.text.suffix(3) == Array("...".utf8)
    {
      return true
    }
    return last != UInt8(ascii: ".") && last != UInt8(ascii: "!") && last != UInt8(ascii: "?")
      && last != UInt8(ascii: "\"") && block.text.suffix(3) != [0xE2, 0x80, 0x9D]
  }

  /// The words sites print over an advertisement, in the languages of the news.
  static let advertisingLabels: Set<String> = [
    "advertisement", "advert", "advertising", "ad", "sponsored", "sponsored content", "anzeige", "werbung",
    "publicidad", "publicité", "pubblicità", "publicidade", "reklama", "реклама", "advertentie", "annons",
    "mainos", "reklame", "广告", "広告", "광고", "إعلان", "story continues below advertisement",
    "article continues below advertisement", "continue reading below",
  ]

  static func isAdvertisingLabel(_ text: [UInt8]) -> Bool {
    guard text.count <= 48 else { return false }
    return advertisingLabels.contains(String(decoding: text, as: UTF8.self).lowercased())
  }
}
