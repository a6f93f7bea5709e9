import QuarryCore
import QuarryModel

@testable import QuarryExtractor

/// Documents parsed by hand, for the tests of what reads the parse: each sentence a
/// string with a word a segment, `form UPOS XPOS head relation [lemma]`, heads counted
/// from 1 within the sentence and 0 for the root.
enum ClauseTestSupport {
  struct Parsed {
    var parsed: ParsedText
    /// The document's text: the words joined by spaces.
    var string: String
  }

  /// A document of sentences parsed by hand; `entities` names token ranges of the
  /// whole text (counted from 0 across sentences) with their types.
  static func parse(_ sentences: [String], entities: [(Range<Int>, EntityType)] = []) -> Parsed {
    var words: [(form: String, upos: String, xpos: String, head: Int, relation: String, lemma: String)] = []
    var ranges: [Range<Int>] = []
    for sentence in sentences {
      let start = words.count
      for segment in sentence.split(separator: "|") {
        let fields = segment.split(separator: " ").map(String.init)
        let head = Int(fields[3])!
        words.append(
          (
            fields[0], fields[1], fields[2], head == 0 ? -1 : start + head - 1, fields[4],
            fields.count > 5
              ? fields[5] : fields[0].lowercased()
          ))
      }
      ranges.append(start..<words.count)
    }
    var tokens: [TextToken] = []
    var offset = 0
    for word in words {
      let length = word.form.unicodeScalars.count
      tokens.append(
        TextToken(
          text: word.form, start: offset, end: offset + length,
          kind: word.upos == "PUNCT" ? .punctuation : .word, spaceAfter: true))
      offset += length + 1
    }
    let text = words.map(\.form).joined(separator: " ")
    var sentenceOf = [Int32](repeating: 0, count: words.count)
    for (number, range) in ranges.enumerated() {
      for index in range { sentenceOf[index] = Int32(number) }
    }
    let pairs = Array(Set(words.map { $0.upos + " " + $0.xpos })).sorted()
    let relations = Array(Set(words.map(\.relation))).sorted()
    let labels = SyntaxLabels(
      upos: pairs.map { String($0.split(separator: " ")[0]) },
      xpos: pairs.map { String($0.split(separator: " ")[1]) },
      relations: relations)
    let syntax = DocumentSyntax(
      labels: labels,
      tokens: words.enumerated().map { index, word in
        DocumentSyntax.Token(
          start: Int32(tokens[index].start), end: Int32(tokens[index].end), sentence: sentenceOf[index],
          head: Int32(word.head), tag: UInt8(pairs.firstIndex(of: word.upos + " " + word.xpos)!),
          relation: UInt8(relations.firstIndex(of: word.relation)!))
      }, lemmas: words.map(\.lemma))
    let mentions = entities.map { range, type in
      let name = words[range].map(\.form).joined(separator: " ")
      return Mention(
        start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end, text: name, type: type,
        canonical: name, sentence: Int(sentenceOf[range.lowerBound]))
    }
    let documentText = DocumentText(
      scalars: Array(text.unicodeScalars), tokens: tokens, lower: words.map { $0.form.lowercased() },
      sentences: ranges, sentenceOf: sentenceOf)
    let mentionRanges = entities.map(\.0)
    let genders = PersonGender.standard.genders(documentText, mentions: mentions, ranges: mentionRanges)
    return Parsed(
      parsed: ParsedText(
        documentText, tree: DependencyTree(syntax), mentions: mentions, ranges: mentionRanges,
        genders: genders),
      string: text)
  }

}
