import QuarryModel

/// The trained syntax model: the part-of-speech tagger, the dependency parser and the
/// lemmatizer, with the tag and relation sets they were trained on.
///
/// File layout (little-endian): "QSYN", format version, the tag names, the relation names,
/// the root relation's number, the tag lexicon (count, keys, classes, a byte each: seen
/// twice), the tagger's weight
/// table, the parser's weight table, the lemmatizer's exceptions (count, then key and lemma
/// strings, sorted) and its known lemmas (sorted).
public final class SyntaxModel: Sendable {
  static let magic: [UInt8] = Array("QSYN".utf8)
  static let formatVersion: UInt32 = 2

  let tags: TagSet
  let relations: [String]
  let moves: ParserMoves
  let lexicon: TagLexicon
  let tagger: HashedWeights
  let parser: HashedWeights
  let lemmatizer: Lemmatizer
  /// The tag and relation names, shared by every document this model parses.
  public let labels: SyntaxLabels

  /// The model compiled into the binary, read on first use; nil when none was trained.
  public static let standard: SyntaxModel? = {
    let bytes = EmbeddedResource.syntaxModel
    guard !bytes.isEmpty else { return nil }
    return try? SyntaxModel(model: bytes)
  }()

  public struct ModelError: Error, CustomStringConvertible {
    public var description: String
  }

  init(
    tags: TagSet, relations: [String], rootRelation: UInt8, lexicon: TagLexicon, tagger: HashedWeights,
    parser: HashedWeights, lemmatizer: Lemmatizer
  ) {
    self.tags = tags
    self.relations = relations
    self.moves = ParserMoves(relationCount: relations.count, rootRelation: rootRelation)
    self.lexicon = lexicon
    self.tagger = tagger
    self.parser = parser
    self.lemmatizer = lemmatizer
    self.labels = SyntaxLabels(upos: tags.upos, xpos: tags.xpos, relations: relations)
    self.properTags = tags.upos.map { $0 == "PROPN" }
    self.flatRelation = UInt8(relations.firstIndex(of: "flat") ?? relations.firstIndex(of: "compound") ?? 0)
  }

  /// Which tags are proper nouns, for words inside names.
  let properTags: [Bool]
  /// The relation that joins the words of a name to its last word.
  let flatRelation: UInt8

  public convenience init(model bytes: UnsafeBufferPointer<UInt8>) throws {
    var reader = ModelReader(bytes)
    guard bytes.count >= 8, Array(bytes[0..<4]) == Self.magic else {
      throw ModelError(description: "not a Quarry syntax model")
    }
    reader.offset = 4
    do {
      guard try reader.read32() == Self.formatVersion else {
        throw ModelError(description: "the syntax model was written by another version of Quarry")
      }
      let tags = TagSet(names: try reader.readStrings())
      let relations = try reader.readStrings()
      let root = try reader.read32()
      guard !tags.names.isEmpty, tags.count < 256, !relations.isEmpty, relations.count < 64,
        root < relations.count
      else { throw reader.error("tag or relation sets out of range") }
      let lexiconCount = Int(try reader.read32())
      try reader.need(lexiconCount * 17)
      var keys: [UInt64] = []
      var classes: [UInt64] = []
      for _ in 0..<lexiconCount { keys.append(try reader.read64()) }
      for _ in 0..<lexiconCount { classes.append(try reader.read64()) }
      let frequent = try reader.readBytes(lexiconCount).map { $0 != 0 }
      let tagger = try HashedWeights(reading: &reader)
      let parser = try HashedWeights(reading: &reader)
      guard tagger.classCount == tags.count, parser.classCount == 1 + 2 * relations.count else {
        throw reader.error("weight tables that do not fit the tag and relation sets")
      }
      let exceptionCount = Int(try reader.read32())
      var exceptions: [String: String] = [:]
      for _ in 0..<exceptionCount {
        let key = try reader.readString()
        exceptions[key] = try reader.readString()
      }
      let known = Set(try reader.readStrings())
      guard reader.offset == bytes.count else { throw reader.error("bytes after the end") }
      self.init(
        tags: tags, relations: relations, rootRelation: UInt8(root),
        lexicon: TagLexicon(keys: keys, classes: classes, frequent: frequent), tagger: tagger, parser: parser,
        lemmatizer: Lemmatizer(exceptions: exceptions, knownLemmas: known))
    } catch let error as ModelReader.ModelError {
      throw ModelError(description: error.description)
    }
  }

  /// The model file's bytes.
  func serialize() -> [UInt8] {
    var writer = ModelWriter()
    writer.bytes = Self.magic
    writer.write32(Self.formatVersion)
    writer.write(tags.names)
    writer.write(relations)
    writer.write32(UInt32(moves.rootRelation))
    writer.write32(UInt32(lexicon.keys.count))
    for key in lexicon.keys { writer.write64(key) }
    for value in lexicon.classes { writer.write64(value) }
    writer.bytes.append(contentsOf: lexicon.frequent.map { $0 ? 1 : 0 })
    tagger.write(to: &writer)
    parser.write(to: &writer)
    let exceptionKeys = lemmatizer.exceptions.keys.sorted()
    writer.write32(UInt32(exceptionKeys.count))
    for key in exceptionKeys {
      writer.write(key)
      writer.write(lemmatizer.exceptions[key]!)
    }
    writer.write(lemmatizer.knownLemmas.sorted())
    return writer.bytes
  }

  public var taggerFeatureCount: Int { tagger.keys.count }
  public var parserFeatureCount: Int { parser.keys.count }

  /// What one thread keeps between calls, so that analysis allocates little.
  public final class Scratch {
    let parser = ParserDecoder.Scratch()
    var buffer: [UInt8] = []
    var words: [WordFeatures] = []
    var classes: [UInt64] = []
    var tags: [UInt8] = []
    var lowers: [UInt64] = []
    var sentenceClasses: [UInt64] = []
    var parserWords: [UInt64] = []
    var kept: [Int] = []
    var keptTags: [UInt8] = []
    public init() {}
  }

  /// Tags every word of the sentences and parses each sentence. `words` are the words'
  /// features as the entity tagger computes them; the result's heads are word indices in
  /// the same numbering (-1 for a sentence's root).
  ///
  /// With `names` (each word's name: -1 outside names, else the index of the name's last
  /// word) and `proper` (which words must be proper nouns), every word is tagged, and each
  /// name of several words is parsed as its last word, the others joined to it as `flat`:
  /// a parser trained on web text reads "European Commission President Ursula von der
  /// Leyen met ..." far better as "Commission President Leyen met ...".
  func analyze(
    words: [WordFeatures], sentences: [Range<Int>], scratch: Scratch, givenTags: [UInt8]? = nil,
    names: [Int32]? = nil, proper: [Bool]? = nil
  ) -> (tags: [UInt8], heads: [Int32], relations: [UInt8]) {
    let count = words.count
    scratch.classes.removeAll(keepingCapacity: true)
    scratch.parserWords.removeAll(keepingCapacity: true)
    for word in words {
      let entry = lexicon.entry(word.lower)
      scratch.classes.append(entry.ambiguityClass)
      scratch.parserWords.append(entry.parserWord)
    }
    var tags = givenTags ?? [UInt8](repeating: 0, count: count)
    var heads = [Int32](repeating: -1, count: count)
    var relations = [UInt8](repeating: 0, count: count)
    for sentence in sentences where !sentence.isEmpty {
      if givenTags == nil {
        TagFeatures.decode(
          words, classes: scratch.classes, sentence: sentence, weights: tagger, into: &tags, proper: proper,
          properTags: properTags)
      }
      scratch.lowers.removeAll(keepingCapacity: true)
      scratch.sentenceClasses.removeAll(keepingCapacity: true)
      scratch.kept.removeAll(keepingCapacity: true)
      scratch.keptTags.removeAll(keepingCapacity: true)
      for index in sentence {
        if let names, names[index] >= 0, Int(names[index]) != index {
          heads[index] = names[index]
          relations[index] = flatRelation
          continue
        }
        scratch.kept.append(index)
        scratch.keptTags.append(tags[index])
        scratch.lowers.append(scratch.parserWords[index])
        scratch.sentenceClasses.append(scratch.classes[index])
      }
      let parsed = scratch.lowers.withUnsafeBufferPointer { lowers in
        scratch.keptTags.withUnsafeBufferPointer { sentenceTags in
          scratch.sentenceClasses.withUnsafeBufferPointer { classes in
            ParserDecoder.parse(
              words: lowers, tags: sentenceTags, classes: classes, moves: moves, weights: parser,
              scratch: scratch.parser)
          }
        }
      }
      let n = scratch.kept.count
      for (offset, head) in parsed.heads.enumerated() {
        let index = scratch.kept[offset]
        heads[index] = head == Int32(n) ? -1 : Int32(scratch.kept[Int(head)])
        relations[index] = parsed.relations[parsed.relations.startIndex + offset]
      }
    }
    return (tags, heads, relations)
  }

  /// The parse of a document's tokens, for extraction, from what the extraction already
  /// has of them: their lower-case forms, the entity tagger's features and each token's
  /// sentence.
  /// `names` are the token ranges of the names the entity tagger found: their capitalised
  /// words are proper nouns, and each is parsed as its last word.
  func documentSyntax(
    tokens: [TextToken], lower: [String], words: [WordFeatures], sentences: [Range<Int>], sentenceOf: [Int32],
    names: [Range<Int>] = [], scratch: Scratch
  ) -> DocumentSyntax {
    var nameOf = [Int32](repeating: -1, count: tokens.count)
    var proper = [Bool](repeating: false, count: tokens.count)
    for name in names where !name.isEmpty && name.upperBound <= tokens.count {
      let last = name.upperBound - 1
      guard sentenceOf[name.lowerBound] == sentenceOf[last] else { continue }
      for index in name {
        nameOf[index] = Int32(last)
        proper[index] = tokens[index].kind == .word && tokens[index].text.first?.isUppercase == true
      }
    }
    let result = analyze(words: words, sentences: sentences, scratch: scratch, names: nameOf, proper: proper)
    var parsed: [DocumentSyntax.Token] = []
    parsed.reserveCapacity(tokens.count)
    var lemmas: [String] = []
    lemmas.reserveCapacity(tokens.count)
    for (index, token) in tokens.enumerated() {
      let tag = result.tags[index]
      parsed.append(
        DocumentSyntax.Token(
          start: Int32(clamping: token.start), end: Int32(clamping: token.end), sentence: sentenceOf[index],
          head: result.heads[index], tag: tag, relation: result.relations[index]))
      lemmas.append(lemmatizer.lemma(token.text, lower: lower[index], xpos: tags.xpos[Int(tag)]))
    }
    return DocumentSyntax(labels: labels, tokens: parsed, lemmas: lemmas)
  }

  /// A sentence's words analysed: each word's tags, lemma, head (1-based, 0 for the root)
  /// and relation, as CoNLL-U numbers them.
  public struct Word: Sendable, Equatable {
    public var form: String
    public var lemma: String
    public var upos: String
    public var xpos: String
    public var head: Int
    public var relation: String
  }

  /// Analyses sentences given as their words.
  /// Analyses sentences given as their words. With `givenTags` (a UPOS and an XPOS for
  /// every word), parses with those tags instead of tagging; a pair the model never saw
  /// takes the model's tag with the same XPOS.
  public func analyze(
    sentences: [[String]], scratch: Scratch = Scratch(), givenTags: [[(upos: String, xpos: String)]]? = nil
  ) -> [[Word]] {
    var words: [WordFeatures] = []
    var ranges: [Range<Int>] = []
    for sentence in sentences {
      let start = words.count
      for form in sentence { words.append(WordFeatures(form, buffer: &scratch.buffer)) }
      ranges.append(start..<words.count)
    }
    let given = givenTags.map { sentences in
      sentences.flatMap { sentence in
        sentence.map { pair in
          UInt8(tags.index(upos: pair.upos, xpos: pair.xpos) ?? tags.xpos.firstIndex(of: pair.xpos) ?? 0)
        }
      }
    }
    let result = analyze(words: words, sentences: ranges, scratch: scratch, givenTags: given)
    return zip(sentences, ranges).map { forms, range in
      zip(forms, range).map { form, index in
        let tag = Int(result.tags[index])
        let head = result.heads[index]
        return Word(
          form: form, lemma: lemmatizer.lemma(form, xpos: tags.xpos[tag]), upos: tags.upos[tag],
          xpos: tags.xpos[tag], head: head < 0 ? 0 : Int(head) - range.lowerBound + 1,
          relation: relations[Int(result.relations[index])])
      }
    }
  }
}
