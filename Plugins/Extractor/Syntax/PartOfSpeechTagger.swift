/// The tags the part-of-speech tagger chooses between: each is a pair of a Universal
/// Dependencies tag (UPOS) and a Penn Treebank tag (XPOS) seen together in training, so
/// one decision gives both and they always agree.
struct TagSet: Sendable, Equatable {
  /// "NOUN\tNN", in the order of the model's classes.
  let names: [String]
  let upos: [String]
  let xpos: [String]

  private let numbers: [String: Int]

  init(names: [String]) {
    self.names = names
    numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    upos = names.map { String($0.split(separator: "\t", omittingEmptySubsequences: false).first ?? "X") }
    xpos = names.map { name in
      let parts = name.split(separator: "\t", omittingEmptySubsequences: false)
      return parts.count > 1 ? String(parts[1]) : "_"
    }
  }

  var count: Int { names.count }

  func index(upos: String, xpos: String) -> Int? { numbers[upos + "\t" + xpos] }
}

/// For each word seen in training, the set of tags it took there (its ambiguity class,
/// hashed): the tagger's view of the words to the right, which it has not tagged yet; and
/// whether it was seen more than once, which decides whether the parser reads it.
struct TagLexicon: Sendable {
  let keys: [UInt64]
  let classes: [UInt64]
  /// Whether each word was seen at least twice.
  let frequent: [Bool]
  private let table: KeyTable

  /// The class of a word the lexicon does not know, and the parser's word for every word
  /// seen less than twice.
  static let unknown: UInt64 = FeatureHash.string("<unknown>")

  init(keys: [UInt64], classes: [UInt64], frequent: [Bool]) {
    precondition(keys.count == classes.count && keys.count == frequent.count)
    self.keys = keys
    self.classes = classes
    self.frequent = frequent
    var table = KeyTable(capacity: keys.count)
    for (row, key) in keys.enumerated() { table.set(key, Int32(row)) }
    self.table = table
  }

  /// Every word seen; the tags that make up at least `minimumShare` of its uses.
  init(words: [[UInt64]], tags: [[UInt8]], minimumShare: Double = 0.05) {
    var counts: [UInt64: [UInt8: Int]] = [:]
    for (sentence, sentenceTags) in zip(words, tags) {
      for (word, tag) in zip(sentence, sentenceTags) { counts[word, default: [:]][tag, default: 0] += 1 }
    }
    var keys: [UInt64] = []
    var classes: [UInt64] = []
    var frequent: [Bool] = []
    for word in counts.keys.sorted() {
      let tagCounts = counts[word]!
      let total = tagCounts.values.reduce(0, +)
      var hash: UInt64 = 0x5bd1_e995
      for tag in tagCounts.keys.sorted() where Double(tagCounts[tag]!) >= minimumShare * Double(total) {
        hash = FeatureHash.mix(hash, UInt64(tag) + 1)
      }
      keys.append(word)
      classes.append(hash)
      frequent.append(total >= 2)
    }
    self.init(keys: keys, classes: classes, frequent: frequent)
  }

  /// A word's ambiguity class, and the word as the parser sees it: itself if it was seen
  /// at least twice, else one word that stands for every rare or unseen one, so the parser
  /// does not learn from words seen once.
  @inline(__always)
  func entry(_ word: UInt64) -> (ambiguityClass: UInt64, parserWord: UInt64) {
    guard let row = table.row(word) else { return (Self.unknown, Self.unknown) }
    let index = Int(row)
    return (
      classes.withUnsafeBufferPointer { $0[index] },
      frequent.withUnsafeBufferPointer { $0[index] } ? word : Self.unknown
    )
  }

  @inline(__always)
  func ambiguityClass(_ word: UInt64) -> UInt64 { entry(word).ambiguityClass }
}

/// The tagger's feature templates and its greedy left-to-right decoder, shared by tagging
/// and training. Each feature is a 64-bit hash of a template number and the facts it joins.
enum TagFeatures {
  /// Template numbers, fixed: a trained model depends on them.
  private enum Template: UInt64 {
    case bias = 1, lower, exact, shape, shortShape
    case prefix1, prefix2, prefix3, suffix1, suffix2, suffix3, suffix4
    case lowerBefore, lowerAfter, lowerBefore2, lowerAfter2, suffixBefore, suffixAfter, shapeBefore,
      shapeAfter
    case tagBefore, tagsBefore, tagBeforeLower, tagBeforeSuffix
    case ambiguity, ambiguityAfter, ambiguityAfter2, ambiguityPair, tagBeforeAmbiguityAfter,
      tagBeforeAmbiguity
    case lowerLowerAfter, lowerBeforeLower, firstShape, ambiguityAfterPair
    case tagBefore2, suffixAfter2, lowerAfterAmbiguityAfter2
  }

  @inline(__always)
  private static func key(_ template: Template, _ value: UInt64) -> UInt64 {
    FeatureHash.mix(template.rawValue, value)
  }

  @inline(__always)
  private static func key(_ template: Template, _ first: UInt64, _ second: UInt64) -> UInt64 {
    FeatureHash.mix(FeatureHash.mix(template.rawValue, first), second)
  }

  /// At most how many features `collect` writes.
  static let capacity = 48

  /// The features of the word at `index` given the two tags before it (nil outside the
  /// sentence), written to `features` (room for `capacity`); gives their number.
  @inline(__always)
  static func collect(
    _ words: UnsafeBufferPointer<WordFeatures>, _ classes: UnsafeBufferPointer<UInt64>, _ index: Int,
    sentence: Range<Int>, previous: UInt8?, previous2: UInt8?, into features: UnsafeMutablePointer<UInt64>
  ) -> Int {
    var written = 0
    @inline(__always) func put(_ feature: UInt64) {
      features[written] = feature
      written += 1
    }
    let word = words[index]
    @inline(__always) func at(_ offset: Int) -> WordFeatures {
      let position = index + offset
      return sentence.contains(position) ? words[position] : .outside
    }
    @inline(__always) func classAt(_ offset: Int) -> UInt64 {
      let position = index + offset
      return sentence.contains(position) ? classes[position] : 1
    }
    let before = at(-1)
    let after = at(1)
    let tag1 = previous.map { UInt64($0) + 2 } ?? 1
    let tag2 = previous2.map { UInt64($0) + 2 } ?? 1
    let ambiguity = classes[index]
    let ambiguityAfter = classAt(1)
    let ambiguityAfter2 = classAt(2)
    put(key(.bias, 0))
    put(key(.lower, word.lower))
    put(key(.exact, word.exact))
    put(key(.shape, word.shape))
    put(key(.shortShape, word.shortShape))
    put(key(.prefix1, word.prefixes.0))
    put(key(.prefix2, word.prefixes.1))
    put(key(.prefix3, word.prefixes.2))
    put(key(.suffix1, word.suffixes.0))
    put(key(.suffix2, word.suffixes.1))
    put(key(.suffix3, word.suffixes.2))
    put(key(.suffix4, word.suffixes.3))
    put(key(.lowerBefore, before.lower))
    put(key(.lowerAfter, after.lower))
    put(key(.lowerBefore2, at(-2).lower))
    put(key(.lowerAfter2, at(2).lower))
    put(key(.suffixBefore, before.suffixes.2))
    put(key(.suffixAfter, after.suffixes.2))
    put(key(.shapeBefore, before.shortShape))
    put(key(.shapeAfter, after.shortShape))
    put(key(.tagBefore, tag1))
    put(key(.tagsBefore, tag1, tag2))
    put(key(.tagBeforeLower, tag1, word.lower))
    put(key(.tagBeforeSuffix, tag1, word.suffixes.2))
    put(key(.ambiguity, ambiguity))
    put(key(.ambiguityAfter, ambiguityAfter))
    put(key(.ambiguityAfter2, ambiguityAfter2))
    put(key(.ambiguityPair, ambiguity, ambiguityAfter))
    put(key(.tagBeforeAmbiguityAfter, tag1, ambiguityAfter))
    put(key(.tagBeforeAmbiguity, tag1, ambiguity))
    put(key(.lowerLowerAfter, word.lower, after.lower))
    put(key(.lowerBeforeLower, before.lower, word.lower))
    put(key(.ambiguityAfterPair, ambiguityAfter, ambiguityAfter2))
    put(key(.tagBefore2, tag2))
    put(key(.suffixAfter2, at(2).suffixes.2))
    put(key(.lowerAfterAmbiguityAfter2, after.lower, ambiguityAfter2))
    if index == sentence.lowerBound { put(key(.firstShape, word.shape)) }
    return written
  }

  /// Tags the words of `sentence` into `tags`. With `learner`, also learns from `gold`:
  /// each wrong decision moves the learner's weights, and decoding goes on from the
  /// tagger's own choice, as it will when tagging.
  static func decode<Weights: ClassWeights>(
    _ words: [WordFeatures], classes: [UInt64], sentence: Range<Int>, weights: Weights,
    into tags: inout [UInt8], gold: [UInt8]? = nil, learner: AveragedPerceptron? = nil,
    proper: [Bool]? = nil, properTags: [Bool] = []
  ) {
    let count = weights.classCount
    let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    words.withUnsafeBufferPointer { words in
      classes.withUnsafeBufferPointer { classes in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: HashedWeights.padded(count)) { scores in
          let scores = scores.baseAddress!
          for index in sentence {
            let previous = index - 1 >= sentence.lowerBound ? tags[index - 1] : nil
            let previous2 = index - 2 >= sentence.lowerBound ? tags[index - 2] : nil
            let features = UnsafeBufferPointer(
              start: buffer,
              count: collect(
                words, classes, index, sentence: sentence, previous: previous, previous2: previous2,
                into: buffer))
            scores.initialize(repeating: 0, count: HashedWeights.padded(count))
            weights.accumulate(features, into: scores)
            var best = 0
            if let proper, proper[index] {
              // A word inside a name the entity tagger found is a proper noun.
              best = -1
              for label in 0..<count where properTags[label] && (best < 0 || scores[label] > scores[best]) {
                best = label
              }
            } else {
              for label in 1..<count where scores[label] > scores[best] { best = label }
            }
            if let learner, let gold {
              let right = Int(gold[index])
              if right != best {
                learner.update(features, right: right, wrong: best)
              }
              learner.tick()
            }
            tags[index] = UInt8(best)
          }
        }
      }
    }
  }
}
