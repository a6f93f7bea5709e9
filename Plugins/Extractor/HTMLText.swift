import QuarryCore

/// The readable text of an HTML page: scripts, styles and comments dropped, tags
/// removed with block elements turned into line breaks, character references decoded,
/// and the `<title>` and publication date (`article:published_time`, `<time datetime>`)
/// kept. Written by hand because no HTML parser is in the package mirror; news pages only
/// need their text, not a DOM.
struct HTMLText {
  var title: String?
  var date: CalendarDate?
  var text: String

  static let blockElements: Set<String> = [
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article",
    "header", "footer", "blockquote", "pre", "hr", "figcaption", "dd", "dt",
  ]
  static let droppedElements: Set<String> = ["script", "style", "noscript", "template", "svg", "head"]

  init(html: String) {
    let scalars = Array(html.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    var title: String?
    var date: CalendarDate?
    func lowercasedName(at start: Int) -> (name: String, end: Int) {
      var end = start
      while end < scalars.count, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) {
        end += 1
      }
      return (String(String.UnicodeScalarView(scalars[start..<end])).lowercased(), end)
    }
    func find(_ needle: String, from start: Int) -> Int? {
      let pattern = Array(needle.unicodeScalars)
      var position = start
      while position + pattern.count <= scalars.count {
        var matches = true
        for offset in 0..<pattern.count
        where String(scalars[position + offset]).lowercased() != String(pattern[offset]) {
          matches = false
          break
        }
        if matches { return position }
        position += 1
      }
      return nil
    }
    func newline() {
      if let last = output.last, last != "\n" { output.append("\n") }
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<" {
        if find("<!--", from: index) == index {
          index = (find("-->", from: index + 4).map { $0 + 3 }) ?? scalars.count
          continue
        }
        let closing = index + 1 < scalars.count && scalars[index + 1] == "/"
        let (name, nameEnd) = lowercasedName(at: index + (closing ? 2 : 1))
        guard let tagEnd = scalars[nameEnd...].firstIndex(of: ">") else { break }
        let tag = String(String.UnicodeScalarView(scalars[index...tagEnd]))
        if !closing && HTMLText.droppedElements.contains(name) && name != "head" {
          index =
            (find("</\(name)", from: tagEnd).flatMap { end in scalars[end...].firstIndex(of: ">") }.map {
              $0 + 1
            })
            ?? scalars.count
          continue
        }
        if !closing && name == "title", let end = find("</title", from: tagEnd) {
          title = HTMLText.decode(String(String.UnicodeScalarView(scalars[(tagEnd + 1)..<end])))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
          index = scalars[end...].firstIndex(of: ">").map { $0 + 1 } ?? scalars.count
          continue
        }
        if !closing && (name == "meta" || name == "time"), date == nil {
          date = HTMLText.publicationDate(in: tag, element: name)
        }
        if HTMLText.blockElements.contains(name) { newline() }
        index = tagEnd + 1
        continue
      }
      if scalar.properties.isWhitespace {
        if let last = output.last, last != " " && last != "\n" { output.append(" ") }
        index += 1
        continue
      }
      output.append(scalar)
      index += 1
    }
    var lines = HTMLText.decode(String(output)).split(separator: "\n", omittingEmptySubsequences: true)
      .map { $0.trimmingCharacters(in: " ") }
    lines.removeAll { $0.isEmpty }
    self.title = title
    self.date = date
    self.text = lines.joined(separator: "\n\n")
  }

  /// `<meta property="article:published_time" content="2023-05-30T...">` or `<time datetime="...">`.
  static func publicationDate(in tag: String, element: String) -> CalendarDate? {
    let lower = tag.lowercased()
    if element == "meta" {
      guard lower.contains("published_time") || lower.contains("\"date\"") || lower.contains("pubdate") else {
        return nil
      }
      return attribute("content", in: tag).flatMap { CalendarDate(iso: $0.prefix(10)) }
    }
    return attribute("datetime", in: tag).flatMap { CalendarDate(iso: $0.prefix(10)) }
  }

  static func attribute(_ name: String, in tag: String) -> String? {
    guard let range = tag.lowercased().firstRange(of: name + "=") else { return nil }
    let offset = tag.lowercased().distance(from: tag.lowercased().startIndex, to: range.upperBound)
    var rest = tag.dropFirst(offset)
    guard let quote = rest.first, quote == "\"" || quote == "'" else {
      return String(rest.prefix { !$0.isWhitespace && $0 != ">" })
    }
    rest = rest.dropFirst()
    return String(rest.prefix { $0 != quote })
  }

  static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®",
    "eacute": "é",
    "uuml": "ü", "ouml": "ö", "auml": "ä", "ccedil": "ç", "szlig": "ß", "euro": "€", "pound": "£",
    "middot": "·",
  ]

  /// Decodes `&amp;`, `&#8217;` and `&#x2019;`; unknown references stay as written.
  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = text[...]
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      let after = rest[rest.index(after: ampersand)...]
      guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
        result += "&"
        rest = after
        continue
      }
      let name = after[..<semicolon]
      var replacement: String?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
      } else if name.hasPrefix("#") {
        replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
      } else {
        replacement = entities[String(name)]
      }
      if let replacement {
        result += replacement
        rest = after[after.index(after: semicolon)...]
      } else {
        result += "&"
        rest = after
      }
    }
    result += rest
    return result
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var slice = self[...]
    while slice.first == set { slice = slice.dropFirst() }
    while slice.last == set { slice = slice.dropLast() }
    return String(slice)
  }
}
