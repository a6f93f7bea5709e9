#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A parsed HTML page: its elements with their parents and attributes, and its content in
/// document order as a flat list of opening tags, closing tags and runs of text.
///
/// The parser follows the HTML standard where a news page's text depends on it — raw-text
/// elements (`<script>`, `<style>`, `<noscript>`, `<title>`…), void elements, end tags
/// implied by the next start tag (`<p>`, `<li>`, `<dd>`, table parts, headings), stray
/// and mis-nested end tags, comments, doctypes, CDATA and processing instructions — and
/// never fails: any bytes give a tree. Text stays as byte ranges of the page until asked
/// for, so a page costs one pass and a few small arrays. Nesting deeper than
/// ``maximumDepth`` is flattened, as browsers do.
public struct HTMLTree: Sendable {
  /// One element: its lowercased name, its parent (−1 for a top-level element), its depth
  /// and its attributes.
  public struct Element: Sendable {
    public var name: String
    public var parent: Int32
    public var depth: Int32
    var attributes: Range<Int32>
    var tag: HTMLTag
  }

  /// An attribute: its name's code (see ``AttributeName``) and bytes, and its value's bytes.
  struct Attribute: Sendable {
    var code: UInt8
    var name: Range<Int32>
    var value: Range<Int32>
  }

  /// The page's content in document order.
  public enum Item: Sendable, Equatable {
    case open(Int32)
    case close(Int32)
    /// Bytes `start..<end` of the page, character references still written out, inside
    /// `element` (−1 at the top level).
    case text(start: Int32, end: Int32, element: Int32)
  }

  /// Deeper elements become siblings of the one at this depth: the limit Chromium's parser
  /// sets, which keeps a page nested 100,000 deep to linear time and bounded recursion.
  public static let maximumDepth = 512

  /// The page as UTF-8.
  public let source: [UInt8]
  public private(set) var elements: [Element] = []
  public private(set) var items: [Item] = []
  var attributes: [Attribute] = []
  /// The content of raw-text elements (`<script>`, `<style>`, `<title>`…) by element.
  var rawContent: [Int32: Range<Int32>] = [:]

  /// Parses `source`, UTF-8 bytes (see ``HTMLEncoding/decode(_:)`` for other encodings).
  public init(utf8 source: [UInt8]) {
    self.source = source
    var builder = Builder()
    source.withUnsafeBufferPointer { builder.parse($0) }
    elements = builder.elements
    items = builder.items
    attributes = builder.attributes
    rawContent = builder.rawContent
  }

  /// Parses a page held as a string.
  public init(html: String) { self.init(utf8: Array(html.utf8)) }

  /// An attribute's value with its character references decoded, or nil when absent.
  public func attribute(_ name: String, of element: Int32) -> String? {
    guard element >= 0, let found = find(name, of: element) else { return nil }
    return decodedString(found.value, inAttribute: true)
  }

  /// The first attribute of `element` named `name` (lowercase); the first of two with one
  /// name wins, as in the standard.
  func find(_ name: String, of element: Int32) -> Attribute? {
    guard !elements[Int(element)].attributes.isEmpty else { return nil }
    return find(name, code: AttributeName.code(name), of: element)
  }

  func find(_ name: String, code: UInt8, of element: Int32) -> Attribute? {
    let range = elements[Int(element)].attributes
    guard !range.isEmpty else { return nil }
    for attribute in attributes[Int(range.lowerBound)..<Int(range.upperBound)] {
      if code != 0 {
        if attribute.code == code { return attribute }
      } else if attribute.code == 0 && nameMatches(attribute.name, name) {
        return attribute
      }
    }
    return nil
  }

  func nameMatches(_ range: Range<Int32>, _ name: String) -> Bool {
    let bytes = source[Int(range.lowerBound)..<Int(range.upperBound)]
    return bytes.count == name.utf8.count
      && zip(bytes, name.utf8).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
  }

  /// An attribute's value as the page writes it (references not decoded), ASCII letters
  /// lowercased, appended to `output`; false when absent.
  func appendLowercasedAttribute(code: UInt8, of element: Int32, to output: inout [UInt8]) -> Bool {
    guard let attribute = find("", code: code, of: element) else { return false }
    for byte in source[Int(attribute.value.lowerBound)..<Int(attribute.value.upperBound)] {
      output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    return true
  }

  /// Whether the element has the attribute, with any value.
  public func hasAttribute(_ name: String, of element: Int32) -> Bool {
    find(name, of: element) != nil
  }

  /// The text of a raw-text element such as `<script>` or `<title>`, as written.
  public func rawText(of element: Int32) -> String? {
    guard let range = rawContent[element] else { return nil }
    return String(decoding: source[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
  }

  /// Bytes of the page with character references decoded.
  func decodedString(_ range: Range<Int32>, inAttribute: Bool = false) -> String {
    var output: [UInt8] = []
    appendDecoded(range, inAttribute: inAttribute, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  func appendDecoded(_ range: Range<Int32>, inAttribute: Bool = false, to output: inout [UInt8]) {
    source.withUnsafeBufferPointer {
      HTMLEntities.appendDecoded(
        $0, Int(range.lowerBound)..<Int(range.upperBound), inAttribute: inAttribute, to: &output)
    }
  }

  /// Whether `ancestor` is `element` or contains it.
  public func isInside(_ element: Int32, _ ancestor: Int32) -> Bool {
    var current = element
    while current >= 0 {
      if current == ancestor { return true }
      current = elements[Int(current)].parent
    }
    return false
  }
}

/// The one-pass tokenizer and tree builder behind ``HTMLTree``.
private struct Builder {
  var elements: [HTMLTree.Element] = []
  var items: [HTMLTree.Item] = []
  var attributes: [HTMLTree.Attribute] = []
  var rawContent: [Int32: Range<Int32>] = [:]
  /// The open elements, innermost last.
  var stack: [Int32] = []
  var htmlElement: Int32?
  /// Where `<head>` sits in the stack while it is open.
  var headPosition: Int?

  var top: Int32 { stack.last ?? -1 }

  mutating func parse(_ s: UnsafeBufferPointer<UInt8>) {
    let n = s.count
    elements.reserveCapacity(n / 200)
    items.reserveCapacity(n / 60)
    var index = 0
    var textStart = 0
    func flushText(_ end: Int, into builder: inout Builder) {
      if end > textStart {
        builder.items.append(.text(start: Int32(textStart), end: Int32(end), element: builder.top))
      }
    }
    while index < n {
      guard let found = memchr(s.baseAddress! + index, Int32(UInt8(ascii: "<")), n - index) else { break }
      let lt = s.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
      index = lt
      guard lt + 1 < n else { break }
      let next = s[lt + 1]
      if isLetter(next) {
        flushText(lt, into: &self)
        index = startTag(s, at: lt)
        textStart = index
      } else if next == UInt8(ascii: "/") {
        if lt + 2 < n, isLetter(s[lt + 2]) {
          flushText(lt, into: &self)
          index = endTag(s, at: lt)
          textStart = index
        } else {
          // `</>` is dropped; `</3` and the like are bogus comments.
          flushText(lt, into: &self)
          index = skip(past: UInt8(ascii: ">"), in: s, from: lt + 2)
          textStart = index
        }
      } else if next == UInt8(ascii: "!") {
        flushText(lt, into: &self)
        if startsWith(s, at: lt, "<!--") {
          index = endOfComment(s, from: lt + 4)
        } else if startsWith(s, at: lt, "<![CDATA[") {
          index = find(s, "]]>", from: lt + 9).map { $0 + 3 } ?? n
        } else {
          index = skip(past: UInt8(ascii: ">"), in: s, from: lt + 2)
        }
        textStart = index
      } else if next == UInt8(ascii: "?") {
        flushText(lt, into: &self)
        index = skip(past: UInt8(ascii: ">"), in: s, from: lt + 2)
        textStart = index
      } else {
        index = lt + 1
      }
    }
    flushText(n, into: &self)
    while let open = stack.popLast() { items.append(.close(open)) }
  }

  // MARK: Tags

  /// A tag's name from `start`, lowercased, its flags, and where it ends.
  func tagName(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, HTMLTag, Int) {
    var index = start
    while index < s.count, !isSpace(s[index]), s[index] != UInt8(ascii: "/"), s[index] != UInt8(ascii: ">") {
      index += 1
    }
    if let known = HTMLTag.lookup(UnsafeBufferPointer(rebasing: s[start..<index])) {
      return (known.name, known.tag, index)
    }
    return (lowercased(s, start..<index), [], index)
  }

  mutating func startTag(_ s: UnsafeBufferPointer<UInt8>, at lt: Int) -> Int {
    let n = s.count
    let (name, tag, nameEnd) = tagName(s, from: lt + 1)
    var index = nameEnd
    let attributesStart = Int32(attributes.count)
    var selfClosing = false
    while index < n {
      let byte = s[index]
      if isSpace(byte) {
        index += 1
        continue
      }
      if byte == UInt8(ascii: ">") {
        index += 1
        break
      }
      if byte == UInt8(ascii: "/") {
        selfClosing = index + 1 < n && s[index + 1] == UInt8(ascii: ">")
        index += 1
        continue
      }
      let attributeStart = index
      index += 1
      while index < n, !isSpace(s[index]), s[index] != UInt8(ascii: "/"), s[index] != UInt8(ascii: ">"),
        s[index] != UInt8(ascii: "=")
      {
        index += 1
      }
      let nameRange = Int32(attributeStart)..<Int32(index)
      let code = AttributeName.code(UnsafeBufferPointer(rebasing: s[attributeStart..<index]))
      while index < n, isSpace(s[index]) { index += 1 }
      var value: Range<Int32> = Int32(index)..<Int32(index)
      if index < n, s[index] == UInt8(ascii: "=") {
        index += 1
        while index < n, isSpace(s[index]) { index += 1 }
        if index < n, s[index] == UInt8(ascii: "\"") || s[index] == UInt8(ascii: "'") {
          let quote = s[index]
          let valueStart = index + 1
          let close =
            memchr(s.baseAddress! + valueStart, Int32(quote), n - valueStart).map {
              s.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            } ?? n
          value = Int32(valueStart)..<Int32(close)
          index = min(close + 1, n)
        } else {
          let valueStart = index
          while index < n, !isSpace(s[index]), s[index] != UInt8(ascii: ">") { index += 1 }
          value = Int32(valueStart)..<Int32(index)
        }
      }
      attributes.append(
        HTMLTree.Attribute(
          code: code, name: nameRange, value: value))
    }
    let attributeRange = attributesStart..<Int32(attributes.count)
    if name == "html" {
      if htmlElement == nil { htmlElement = open(name, attributeRange, tag: tag, push: true) }
      return index
    }
    if name == "br" || name == "image" {
      let element = open(name == "image" ? "img" : name, attributeRange, tag: tag, push: false)
      items.append(.close(element))
      return index
    }
    closeImplied(before: name, tag: tag)
    if tag.contains(.void) || (selfClosing && !tag.contains(.known)) {
      let element = open(name, attributeRange, tag: tag, push: false)
      items.append(.close(element))
      return index
    }
    if tag.contains(.rawText) {
      let element = open(name, attributeRange, tag: tag, push: false)
      let contentEnd = name == "plaintext" ? n : (findEndTag(s, name: name, from: index) ?? n)
      rawContent[element] = Int32(index)..<Int32(contentEnd)
      if tag.contains(.escapable) && contentEnd > index {
        items.append(.text(start: Int32(index), end: Int32(contentEnd), element: element))
      }
      items.append(.close(element))
      return contentEnd < n ? skip(past: UInt8(ascii: ">"), in: s, from: contentEnd) : n
    }
    let push = stack.count < HTMLTree.maximumDepth
    let element = open(name, attributeRange, tag: tag, push: push)
    if !push { items.append(.close(element)) }
    return index
  }

  mutating func open(_ name: String, _ attributes: Range<Int32>, tag: HTMLTag, push: Bool) -> Int32 {
    let element = Int32(elements.count)
    elements.append(
      HTMLTree.Element(name: name, parent: top, depth: Int32(stack.count), attributes: attributes, tag: tag))
    items.append(.open(element))
    if push { stack.append(element) }
    return element
  }

  mutating func endTag(_ s: UnsafeBufferPointer<UInt8>, at lt: Int) -> Int {
    let (name, tag, index) = tagName(s, from: lt + 2)
    let end = skip(past: UInt8(ascii: ">"), in: s, from: index)
    switch name {
    case "br":
      let element = open(name, 0..<0, tag: tag, push: false)
      items.append(.close(element))
    case "html", "body":
      // Text after `</body>` still belongs to the body, as browsers show it.
      break
    default:
      if let position = openPosition(of: name, stoppingAt: tag.contains(.block) ? .scopeBoundary : .block) {
        popTo(position)
      }
    }
    return end
  }

  /// The position in the stack of the innermost open element named `name`, searching
  /// down to the first element with a `boundary` flag that is not it.
  func openPosition(of name: String, stoppingAt boundary: HTMLTag) -> Int? {
    var position = stack.count - 1
    while position >= 0 {
      let element = elements[Int(stack[position])]
      if element.name == name { return position }
      if element.tag.contains(boundary) { return nil }
      position -= 1
    }
    return nil
  }

  mutating func popTo(_ position: Int) {
    while stack.count > position {
      items.append(.close(stack.removeLast()))
    }
  }

  /// Closes what a start tag closes by itself: an open `<p>` before a block, the previous
  /// `<li>`, `<dd>`/`<dt>`, `<option>`, table cell or row, a heading inside a heading, a
  /// link inside a link.
  mutating func closeImplied(before name: String, tag: HTMLTag) {
    // Anything but metadata starts the body, even when `</head>` and `<body>` are missing.
    if let head = headPosition, !tag.contains(.headContent) {
      if head < stack.count { popTo(head) }
      headPosition = nil
    }
    if tag.contains(.head) && headPosition == nil { headPosition = stack.count }
    guard tag.contains(.known) else { return }
    if tag.contains(.closesParagraph),
      let position = openPosition(of: .paragraphElement, stoppingAt: .scopeBoundary)
    {
      popTo(position)
    }
    if tag.contains(.listItem) {
      closeSibling(.listItem)
    } else if tag.contains(.definition) {
      closeSibling(.definition)
    } else if tag.contains(.option) {
      if let last = stack.last, elements[Int(last)].tag.contains(.option) { popTo(stack.count - 1) }
    } else if tag.contains(.heading) {
      if let last = stack.last, elements[Int(last)].tag.contains(.heading) { popTo(stack.count - 1) }
    } else if tag.contains(.tableCell) {
      if let position = openPosition(of: .tableCell, stoppingAt: .tableBoundary) { popTo(position) }
    } else if tag.contains(.tableRow) {
      if let position = openPosition(of: .tableRow, stoppingAt: .tableBoundary) { popTo(position) }
    } else if tag.contains(.tableSection) {
      if let position = openPosition(of: .tableSection, stoppingAt: .tableBoundary) { popTo(position) }
    } else if tag.contains(.link) {
      if let position = openPosition(of: .link, stoppingAt: .scopeBoundary) { popTo(position) }
    }
  }

  /// The position in the stack of the innermost open element with the `kind` flag.
  func openPosition(of kind: HTMLTag, stoppingAt boundary: HTMLTag) -> Int? {
    var position = stack.count - 1
    while position >= 0 {
      let tag = elements[Int(stack[position])].tag
      if tag.contains(kind) { return position }
      if tag.contains(boundary) { return nil }
      position -= 1
    }
    return nil
  }

  /// Closes the previous `<li>` (or `<dd>`/`<dt>`), looking past `<address>`, `<div>` and `<p>`.
  mutating func closeSibling(_ kind: HTMLTag) {
    var position = stack.count - 1
    while position >= 0 {
      let element = elements[Int(stack[position])]
      if element.tag.contains(kind) {
        popTo(position)
        return
      }
      if element.tag.contains(.block) && !["address", "div", "p"].contains(element.name) { return }
      position -= 1
    }
  }

  // MARK: Scanning

  func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }

  func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  func lowercased(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let slice = UnsafeBufferPointer(rebasing: s[range])
    if !slice.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return String(decoding: slice, as: UTF8.self) }
    return String(decoding: slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  func startsWith(_ s: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard index + count <= s.count else { return false }
    let bytes = prefix.utf8Start
    for offset in 0..<count where lower(s[index + offset]) != lower(bytes[offset]) { return false }
    return true
  }

  func skip(past byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard start < s.count else { return s.count }
    guard let found = memchr(s.baseAddress! + start, Int32(byte), s.count - start) else { return s.count }
    return s.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
  }

  func find(_ s: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
    var index = start
    let first = needle.utf8Start[0]
    while index < s.count {
      guard let found = memchr(s.baseAddress! + index, Int32(first), s.count - index) else { return nil }
      let position = s.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if startsWith(s, at: position, needle) { return position }
      index = position + 1
    }
    return nil
  }

  /// After a comment: `-->`, or the `<!-->` and `<!--->` forms that close at once.
  func endOfComment(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    if start < s.count, s[start] == UInt8(ascii: ">") { return start + 1 }
    if startsWith(s, at: start, "->") { return start + 2 }
    return find(s, "-->", from: start).map { $0 + 3 } ?? s.count
  }

  /// Where `</name` followed by a space, `/` or `>` starts, for the end of raw text.
  func findEndTag(_ s: UnsafeBufferPointer<UInt8>, name: String, from start: Int) -> Int? {
    let nameBytes = Array(name.utf8)
    var index = start
    while index < s.count {
      guard let found = memchr(s.baseAddress! + index, Int32(UInt8(ascii: "<")), s.count - index) else {
        return nil
      }
      let position = s.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
      let after = position + 2 + nameBytes.count
      if after <= s.count, s[position + 1] == UInt8(ascii: "/") {
        var matches = true
        for (offset, byte) in nameBytes.enumerated() where lower(s[position + 2 + offset]) != byte {
          matches = false
          break
        }
        if matches
          && (after == s.count || isSpace(s[after]) || s[after] == UInt8(ascii: "/")
            || s[after] == UInt8(ascii: ">"))
        {
          return position
        }
      }
      index = position + 1
    }
    return nil
  }
}
