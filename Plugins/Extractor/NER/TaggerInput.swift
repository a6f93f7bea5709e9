/// A document prepared for the tagger: the hashed features of every token, the sentences,
/// and whether each sentence is set in capitals (a headline), where case says little.
struct TaggerInput {
  var words: [WordFeatures]
  var sentences: [Range<Int>]
  var capitalSentences: [Bool]
  /// The gazetteer entries found in the sentences, longest first from each token.
  var gazetteerMatches: [Gazetteer.Match] = []

  init(tokens: [TextToken], sentences: [Range<Int>], gazetteer: Gazetteer = .standard) {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(64)
    var words = tokens.map { WordFeatures($0.text, buffer: &buffer) }
    let lowers = words.map(\.lower)
    var capitals: [Bool] = []
    capitals.reserveCapacity(sentences.count)
    var matches: [Gazetteer.Match] = []
    for sentence in sentences {
      let found = gazetteer.matches(lowerHashes: lowers, in: sentence)
      matches += found
      for match in found {
        for index in match.range {
          let place: UInt64 =
            match.range.count == 1
            ? 3 : index == match.range.lowerBound ? 0 : index == match.range.upperBound - 1 ? 2 : 1
          words[index].gazetteer = FeatureHash.mix(UInt64(match.kinds.rawValue), place)
        }
      }
      var letters = 0
      var upper = 0
      for index in sentence where words[index].hasLetter {
        letters += 1
        if words[index].isAllCaps { upper += 1 }
      }
      capitals.append(letters >= 2 && upper * 10 >= letters * 8)
    }
    self.words = words
    self.sentences = sentences
    self.capitalSentences = capitals
    self.gazetteerMatches = matches
  }
}

/// Where the tagger's feature weights come from: the trained model when tagging, the
/// current weights while training.
protocol TaggerWeights {
  /// Adds the weights of feature `key` for every label to `scores`.
  func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>)

  /// Adds the weights of the features that join only labels (the previous one, the two
  /// before) to `scores`.
  func accumulateTransitions(previous: UInt8?, previous2: UInt8?, into scores: UnsafeMutablePointer<Float>)
}

extension TaggerWeights {
  func accumulateTransitions(previous: UInt8?, previous2: UInt8?, into scores: UnsafeMutablePointer<Float>) {
    let (first, second) = TaggerFeatures.transitionFeatures(previous: previous, previous2: previous2)
    accumulate(first, into: scores)
    accumulate(second, into: scores)
  }
}

/// The feature templates and the greedy left-to-right decoder shared by tagging and
/// training. Each feature is a 64-bit hash of a template number and the facts it joins.
enum TaggerFeatures {
  /// Template numbers, fixed: a trained model depends on them.
  private enum Template: UInt64 {
    case bias = 1, lower, exact, shape, shortShape
    case prefix1, prefix2, prefix3, prefix4, suffix1, suffix2, suffix3, suffix4
    case lowerBefore, lowerAfter, lowerBefore2, lowerAfter2
    case shapeBefore, shapeAfter, shapesBefore, shapesAfter, wordsBefore, wordsAfter
    case gazetteer, gazetteerBefore, gazetteerAfter
    case capitalSentenceShape, firstWordShape, capitalSentenceLower
    case lowerBeforeShape, shapeLowerAfter
    case previousLabel, previousLabels, previousLabelLower, previousLabelShape
    case history, historyShape
  }

  @inline(__always)
  private static func key(_ template: Template, _ value: UInt64) -> UInt64 {
    FeatureHash.mix(template.rawValue, value)
  }

  /// The features of token `index` that do not depend on earlier decisions.
  static func staticFeatures(
    _ input: TaggerInput, _ index: Int, sentence: Range<Int>, capitals: Bool, into features: inout [UInt64]
  ) {
    features.removeAll(keepingCapacity: true)
    wordFeatures(input.words[index], into: &features)
    contextFeatures(input, index, sentence: sentence, capitals: capitals, into: &features)
  }

  /// The features of the word alone, the same wherever it stands.
  @inline(__always)
  static func wordFeatures(_ word: WordFeatures, into features: inout [UInt64]) {
    features.append(key(.bias, 0))
    features.append(key(.lower, word.lower))
    features.append(key(.exact, word.exact))
    features.append(key(.shape, word.shape))
    features.append(key(.shortShape, word.shortShape))
    features.append(key(.prefix1, word.prefixes.0))
    features.append(key(.prefix2, word.prefixes.1))
    features.append(key(.prefix3, word.prefixes.2))
    features.append(key(.prefix4, word.prefixes.3))
    features.append(key(.suffix1, word.suffixes.0))
    features.append(key(.suffix2, word.suffixes.1))
    features.append(key(.suffix3, word.suffixes.2))
    features.append(key(.suffix4, word.suffixes.3))
  }

  /// The features of the word in its sentence: its neighbours, gazetteer matches, place.
  @inline(__always)
  static func contextFeatures(
    _ input: TaggerInput, _ index: Int, sentence: Range<Int>, capitals: Bool, into features: inout [UInt64]
  ) {
    let words = input.words
    let word = words[index]
    func at(_ offset: Int) -> WordFeatures {
      let position = index + offset
      return sentence.contains(position) ? words[position] : .outside
    }
    let before = at(-1)
    let after = at(1)
    features.append(key(.lowerBefore, before.lower))
    features.append(key(.lowerAfter, after.lower))
    features.append(key(.lowerBefore2, at(-2).lower))
    features.append(key(.lowerAfter2, at(2).lower))
    features.append(key(.shapeBefore, before.shortShape))
    features.append(key(.shapeAfter, after.shortShape))
    features.append(key(.shapesBefore, FeatureHash.mix(before.shortShape, word.shortShape)))
    features.append(key(.shapesAfter, FeatureHash.mix(word.shortShape, after.shortShape)))
    features.append(key(.wordsBefore, FeatureHash.mix(before.lower, word.lower)))
    features.append(key(.wordsAfter, FeatureHash.mix(word.lower, after.lower)))
    features.append(key(.lowerBeforeShape, FeatureHash.mix(before.lower, word.shortShape)))
    features.append(key(.shapeLowerAfter, FeatureHash.mix(word.shortShape, after.lower)))
    if word.gazetteer != 0 { features.append(key(.gazetteer, word.gazetteer)) }
    if before.gazetteer != 0 { features.append(key(.gazetteerBefore, before.gazetteer)) }
    if after.gazetteer != 0 { features.append(key(.gazetteerAfter, after.gazetteer)) }
    if capitals {
      features.append(key(.capitalSentenceShape, word.shortShape))
      features.append(key(.capitalSentenceLower, word.lower))
    }
    if index == sentence.lowerBound { features.append(key(.firstWordShape, word.shortShape)) }
  }

  /// The features that join a token with the labels before it: the transitions, then
  /// the word with the previous label.
  @inline(__always)
  static func labelFeatures(
    _ word: WordFeatures, previous: UInt8?, previous2: UInt8?, into features: inout [UInt64]
  ) {
    features.removeAll(keepingCapacity: true)
    let transitions = transitionFeatures(previous: previous, previous2: previous2)
    features.append(transitions.0)
    features.append(transitions.1)
    wordLabelFeatures(word, previous: previous, into: &features)
  }

  @inline(__always)
  static func transitionFeatures(previous: UInt8?, previous2: UInt8?) -> (UInt64, UInt64) {
    let previousKey = UInt64(previous.map { $0 + 1 } ?? 0)
    return (
      key(.previousLabel, previousKey),
      key(.previousLabels, FeatureHash.mix(previousKey, UInt64(previous2.map { $0 + 1 } ?? 0)))
    )
  }

  /// The features that join the word with the previous label.
  @inline(__always)
  static func wordLabelFeatures(_ word: WordFeatures, previous: UInt8?, into features: inout [UInt64]) {
    let previousKey = UInt64(previous.map { $0 + 1 } ?? 0)
    features.append(key(.previousLabelLower, FeatureHash.mix(previousKey, word.lower)))
    features.append(key(.previousLabelShape, FeatureHash.mix(previousKey, word.shortShape)))
  }

  /// One hypothesis of the beam: its last label, the hypothesis it extends (an index
  /// into the previous position's beam) and its score. Kept as back-pointers so that
  /// extending a hypothesis copies nothing.
  private struct Hypothesis {
    var label: UInt8
    var previous: UInt8?
    var previous2: UInt8?
    var parent: Int32
    var score: Float
  }

  /// Labels for every token of `input`, found by beam search over each sentence (a
  /// greedy choice can commit to a name's first word and then be forced to run on
  /// through "believes strongly"). With `gold`, trains: where the best sequence of a
  /// sentence differs from the gold one, `update` moves the weights of each position's
  /// features towards the gold label and away from the chosen one.
  static func decode<Weights: TaggerWeights>(
    _ input: TaggerInput, weights: Weights, beamWidth: Int = 4, cache: WordScoreCache? = nil,
    gold: [UInt8]? = nil,
    update: (_ features: [UInt64], _ label: UInt8, _ delta: Float) -> Void = { _, _, _ in }
  ) -> [UInt8] {
    var labels = [UInt8](repeating: EntityLabel.outside, count: input.words.count)
    var features: [UInt64] = []
    features.reserveCapacity(48)
    var dynamic: [UInt64] = []
    dynamic.reserveCapacity(8)
    // The type given most often so far to each capitalised word of the document, and how
    // often it was left outside: a name tagged once is likely the same thing later.
    var history: [UInt64: (UInt16, UInt16, UInt16, UInt16, UInt16)] = [:]
    let count = EntityLabel.count
    var staticScores: [Float] = []
    var staticKeys: [[UInt64]] = []
    // beams[position * beamWidth + k]; sizes[position] hypotheses at each position.
    var beams: [Hypothesis] = []
    var sizes: [Int] = []
    var labelScores = [Float](repeating: 0, count: count)
    var wordScores = [Float](repeating: 0, count: (count + 1) * count)
    var wordScored = [Bool](repeating: false, count: count + 1)
    var best: [UInt8] = []
    for (sentenceIndex, sentence) in input.sentences.enumerated() {
      let capitals = input.capitalSentences[sentenceIndex]
      let length = sentence.count
      guard length > 0 else { continue }
      // Scores from the features that do not depend on labels, once per token.
      staticScores.removeAll(keepingCapacity: true)
      staticScores.append(contentsOf: repeatElement(0, count: length * count))
      if gold != nil { staticKeys = Array(repeating: [], count: length) }
      for index in sentence {
        let offset = (index - sentence.lowerBound) * count
        if let cache, gold == nil {
          // The word's own features from the cache; only its context is looked up.
          let word = input.words[index]
          staticScores.withUnsafeMutableBufferPointer { scores in
            let target = scores.baseAddress! + offset
            if !cache.copy(word.exact, into: target) {
              features.removeAll(keepingCapacity: true)
              wordFeatures(word, into: &features)
              for feature in features { weights.accumulate(feature, into: target) }
              cache.store(word.exact, from: target)
            }
            features.removeAll(keepingCapacity: true)
            contextFeatures(input, index, sentence: sentence, capitals: capitals, into: &features)
            historyFeatures(word, capitals: capitals, history: history, into: &features)
            for feature in features { weights.accumulate(feature, into: target) }
          }
          continue
        }
        staticFeatures(input, index, sentence: sentence, capitals: capitals, into: &features)
        historyFeatures(input.words[index], capitals: capitals, history: history, into: &features)
        staticScores.withUnsafeMutableBufferPointer { scores in
          for feature in features { weights.accumulate(feature, into: scores.baseAddress! + offset) }
        }
        if gold != nil { staticKeys[index - sentence.lowerBound] = features }
      }
      beams.removeAll(keepingCapacity: true)
      beams.append(
        contentsOf: repeatElement(
          Hypothesis(label: 0, previous: nil, previous2: nil, parent: -1, score: 0), count: length * beamWidth
        ))
      sizes.removeAll(keepingCapacity: true)
      for position in 0..<length {
        let word = input.words[sentence.lowerBound + position]
        let last = position == length - 1
        let base = position * beamWidth
        var size = 0
        let parents = position == 0 ? 1 : sizes[position - 1]
        // Hypotheses often share their last label: the word's scores with each previous
        // label are looked up once a position.
        for slot in 0...count { wordScored[slot] = false }
        for parent in 0..<parents {
          let from: Hypothesis? = position == 0 ? nil : beams[(position - 1) * beamWidth + parent]
          let previous = from?.label
          let previous2 = from?.previous
          let cacheSlot = previous.map { Int($0) + 1 } ?? 0
          if !wordScored[cacheSlot] {
            wordScored[cacheSlot] = true
            dynamic.removeAll(keepingCapacity: true)
            wordLabelFeatures(word, previous: previous, into: &dynamic)
            wordScores.withUnsafeMutableBufferPointer { scores in
              let target = scores.baseAddress! + cacheSlot * count
              staticScores.withUnsafeBufferPointer { statics in
                for label in 0..<count { target[label] = statics[position * count + label] }
              }
              for feature in dynamic { weights.accumulate(feature, into: target) }
            }
          }
          labelScores.withUnsafeMutableBufferPointer { scores in
            wordScores.withUnsafeBufferPointer { cached in
              for label in 0..<count { scores[label] = cached[cacheSlot * count + label] }
            }
            weights.accumulateTransitions(previous: previous, previous2: previous2, into: scores.baseAddress!)
          }
          let allowed = EntityLabel.allowedAfter(previous, last: last)
          let start = from?.score ?? 0
          for label in 0..<count where allowed & (1 << label) != 0 {
            let score = start + labelScores[label]
            if size == beamWidth && score <= beams[base + size - 1].score { continue }
            // Insert in order of score, best first.
            var slot = min(size, beamWidth - 1)
            while slot > 0 && beams[base + slot - 1].score < score {
              beams[base + slot] = beams[base + slot - 1]
              slot -= 1
            }
            beams[base + slot] = Hypothesis(
              label: UInt8(label), previous: previous, previous2: previous2, parent: Int32(parent),
              score: score)
            if size < beamWidth { size += 1 }
          }
        }
        sizes.append(size)
      }
      // Follow the back-pointers of the best final hypothesis.
      best.removeAll(keepingCapacity: true)
      best.append(contentsOf: repeatElement(0, count: length))
      var pointer = 0
      for position in stride(from: length - 1, through: 0, by: -1) {
        let hypothesis = beams[position * beamWidth + pointer]
        best[position] = hypothesis.label
        pointer = Int(hypothesis.parent)
      }
      for position in 0..<length { labels[sentence.lowerBound + position] = best[position] }
      if let gold {
        let right = gold[sentence]
        let first = sentence.lowerBound
        if !right.elementsEqual(best) {
          for position in 0..<length {
            let word = input.words[first + position]
            // Positions where label and history agree contribute the same features to
            // both sequences, and their updates would cancel.
            let same =
              right[first + position] == best[position]
              && (position == 0 || right[first + position - 1] == best[position - 1])
              && (position < 2 || right[first + position - 2] == best[position - 2])
            if same { continue }
            let goldPrevious = position > 0 ? right[first + position - 1] : nil
            let goldPrevious2 = position > 1 ? right[first + position - 2] : nil
            labelFeatures(word, previous: goldPrevious, previous2: goldPrevious2, into: &dynamic)
            update(staticKeys[position] + dynamic, right[first + position], 1)
            let previous = position > 0 ? best[position - 1] : nil
            let previous2 = position > 1 ? best[position - 2] : nil
            labelFeatures(word, previous: previous, previous2: previous2, into: &dynamic)
            update(staticKeys[position] + dynamic, best[position], -1)
          }
        }
      }
      // Remember what this sentence decided, for the sentences after it.
      for index in sentence {
        let word = input.words[index]
        guard word.hasLetter && (word.isCapitalized || capitals) && !word.isLowercaseWord else { continue }
        var votes = history[word.lower] ?? (0, 0, 0, 0, 0)
        switch EntityLabel.type(labels[index]) {
        case .person: votes.0 &+= 1
        case .organization: votes.1 &+= 1
        case .location: votes.2 &+= 1
        case .miscellaneous: votes.3 &+= 1
        case nil: votes.4 &+= 1
        }
        history[word.lower] = votes
      }
    }
    return labels
  }

  /// The document-history features of a word: the type it was given most often before.
  @inline(__always)
  private static func historyFeatures(
    _ word: WordFeatures, capitals: Bool, history: [UInt64: (UInt16, UInt16, UInt16, UInt16, UInt16)],
    into features: inout [UInt64]
  ) {
    guard word.hasLetter && (word.isCapitalized || capitals), let votes = history[word.lower] else { return }
    let counts = [votes.0, votes.1, votes.2, votes.3, votes.4]
    var best = 0
    for candidate in 1..<counts.count where counts[candidate] > counts[best] { best = candidate }
    features.append(key(.history, UInt64(best + 1)))
    features.append(key(.historyShape, FeatureHash.mix(UInt64(best + 1), word.shortShape)))
  }
}

/// The summed weights of the features that depend on a word alone, remembered by the
/// word's exact hash. News repeats its words, so most tokens find theirs here and skip
/// 13 of their 35 or so lookups. Not thread-safe: one per thread, for one model.
final class WordScoreCache {
  private static let size = 1 << 13
  private var keys = [UInt64](repeating: 0, count: size)
  private var scores = [Float](repeating: 0, count: size * EntityLabel.count)

  /// Copies the remembered scores of `word` into `target`, if there are any.
  @inline(__always)
  func copy(_ word: UInt64, into target: UnsafeMutablePointer<Float>) -> Bool {
    let key = word | 1
    let slot = Int(truncatingIfNeeded: word >> 20) & (Self.size - 1)
    guard keys[slot] == key else { return false }
    scores.withUnsafeBufferPointer { scores in
      let source = scores.baseAddress! + slot * EntityLabel.count
      for label in 0..<EntityLabel.count { target[label] = source[label] }
    }
    return true
  }

  @inline(__always)
  func store(_ word: UInt64, from source: UnsafeMutablePointer<Float>) {
    let slot = Int(truncatingIfNeeded: word >> 20) & (Self.size - 1)
    keys[slot] = word | 1
    scores.withUnsafeMutableBufferPointer { scores in
      let target = scores.baseAddress! + slot * EntityLabel.count
      for label in 0..<EntityLabel.count { target[label] = source[label] }
    }
  }
}
