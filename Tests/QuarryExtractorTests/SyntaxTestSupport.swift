import QuarryCore

@testable import QuarryExtractor

/// A small made-up treebank in CoNLL-U, from a few sentence patterns with words drawn by a
/// fixed-seed generator, for training tests that must run in seconds.
enum SyntaxTestSupport {
  private static let nouns = ["dog", "minister", "company", "city", "report", "army", "court", "bank"]
  private static let names = ["Lena", "Okafor", "Berlin", "Tesco", "Kyiv", "Ruiz"]
  private static let verbs = [("saw", "see"), ("bought", "buy"), ("visited", "visit"), ("praised", "praise")]
  private static let prepositions = ["in", "near", "after", "with"]

  static func treebank(sentences count: Int, seed: UInt64 = 7) -> String {
    var generator = SeededGenerator(state: seed)
    func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
    var out = ""
    for number in 1...count {
      // (form, lemma, upos, xpos, head, relation)
      var words: [(String, String, String, String, Int, String)] = []
      let (verb, lemma) = pick(verbs)
      switch number % 3 {
      case 0:
        words = [
          ("the", "the", "DET", "DT", 2, "det"), (pick(nouns), "", "NOUN", "NN", 3, "nsubj"),
          (verb, lemma, "VERB", "VBD", 0, "root"), ("a", "a", "DET", "DT", 5, "det"),
          (pick(nouns), "", "NOUN", "NN", 3, "obj"), (".", ".", "PUNCT", ".", 3, "punct"),
        ]
      case 1:
        words = [
          (pick(names), "", "PROPN", "NNP", 2, "nsubj"), (verb, lemma, "VERB", "VBD", 0, "root"),
          ("the", "the", "DET", "DT", 4, "det"), (pick(nouns) + "s", "", "NOUN", "NNS", 2, "obj"),
          (pick(prepositions), "", "ADP", "IN", 7, "case"), ("the", "the", "DET", "DT", 7, "det"),
          (pick(nouns), "", "NOUN", "NN", 2, "obl"), (".", ".", "PUNCT", ".", 2, "punct"),
        ]
      default:
        words = [
          ("she", "she", "PRON", "PRP", 2, "nsubj"), ("said", "say", "VERB", "VBD", 0, "root"),
          ("they", "they", "PRON", "PRP", 5, "nsubj"), ("would", "would", "AUX", "MD", 5, "aux"),
          ("buy", "buy", "VERB", "VB", 2, "ccomp"), (pick(names), "", "PROPN", "NNP", 5, "obj"),
          (".", ".", "PUNCT", ".", 2, "punct"),
        ]
      }
      out += "# sent_id = made-up-\(number)\n"
      out += "# text = \(words.map(\.0).joined(separator: " "))\n"
      for (index, word) in words.enumerated() {
        var lemma = word.1
        if lemma.isEmpty { lemma = word.3 == "NNS" ? String(word.0.dropLast()) : word.0 }
        out += "\(index + 1)\t\(word.0)\t\(lemma)\t\(word.2)\t\(word.3)\t_\t\(word.4)\t\(word.5)\t_\t_\n"
      }
      out += "\n"
    }
    return out
  }

  static func sentences(_ count: Int, seed: UInt64 = 7) throws -> [CoNLLUSentence] {
    try CoNLLU.parse(
      text: treebank(sentences: count, seed: seed), file: "made-up.conllu", strictness: .annotated)
  }

  /// A quick training of the made-up treebank.
  static func options() -> SyntaxTraining.Options {
    var options = SyntaxTraining.Options()
    options.taggerEpochs = 3
    options.parserEpochs = 3
    options.folds = 2
    options.minimumUpdates = 1
    return options
  }
}
