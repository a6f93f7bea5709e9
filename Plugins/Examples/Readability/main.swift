import QuarryCore
import QuarryPluginKit

#if canImport(Glibc)
  import Glibc
#endif

/// An out-of-tree plugin written in Swift: the Flesch reading-ease score of texts, served
/// over Quarry's plugin protocol by `PluginServer`. Build it with
/// `swift build --product quarry-readability`, then `plugin add .build/debug/quarry-readability`.
struct ReadabilityCommand: Command {
  let signature = Signature(
    "readability", abstract: "Flesch reading ease of a text, or of each row's text column",
    discussion: """
      206.835 - 1.015 × words per sentence - 84.6 × syllables per word: about 60-70 is plain
      English, below 30 is hard going. Syllables are counted by vowel groups.
      """,
    parameters: [Parameter("text", .string, help: "the text to score instead of the input", optional: true)],
    input: .any, output: .any,
    examples: [Example("readability 'The cat sat on the mat.'", "a very easy sentence")])

  func run(_ invocation: Invocation) throws -> Value {
    if let text = invocation.string("text") { return .record(Self.score(text)) }
    if case .string(let text) = invocation.input { return .record(Self.score(text)) }
    var table = try invocation.inputTable()
    let column = try invocation.column("text", in: table, purpose: "to score")
    table.columns += ["reading_ease", "words", "sentences"]
    for index in table.rows.indices {
      let score = Self.score(table.rows[index][column].plainText)
      table.rows[index] += [score["reading_ease"]!, score["words"]!, score["sentences"]!]
    }
    return .table(table)
  }

  static func score(_ text: String) -> Record {
    let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).filter { !$0.isEmpty }
    let sentences = max(
      1, text.split(whereSeparator: { ".!?".contains($0) }).filter { $0.contains(where: \.isLetter) }.count)
    let syllables = words.reduce(0) { $0 + syllableCount($1.lowercased()) }
    let wordCount = max(1, words.count)
    let ease =
      206.835 - 1.015 * Double(wordCount) / Double(sentences) - 84.6 * Double(syllables) / Double(wordCount)
    return Record([
      "reading_ease": .float((ease * 10).rounded() / 10), "words": .int(words.count),
      "sentences": .int(sentences),
    ])
  }

  static func syllableCount(_ word: String) -> Int {
    var count = 0
    var previousWasVowel = false
    for character in word {
      let isVowel = "aeiouy".contains(character)
      if isVowel && !previousWasVowel { count += 1 }
      previousWasVowel = isVowel
    }
    if word.hasSuffix("e") && count > 1 && !word.hasSuffix("le") { count -= 1 }
    return max(1, count)
  }
}

/// `readability ping`: gives back its input; the out-of-tree side of the call benchmark.
struct ReadabilityPingCommand: Command {
  let signature = Signature(
    "readability ping", abstract: "Give back the input unchanged (to measure the cost of a call)",
    input: .any, output: .any)

  func run(_ invocation: Invocation) throws -> Value { invocation.input }
}

let plugin = PluginDescription(
  name: "readability", version: "1.0.0", summary: "Flesch reading ease of texts",
  commands: [ReadabilityCommand(), ReadabilityPingCommand()])
exit(PluginServer(plugin: plugin).run())
