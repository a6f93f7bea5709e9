import QuarryCore

/// An in-tree example plugin: one folder, one target in Package.swift and one line in
/// `BuiltinPlugins` add its commands to the shell (see the README's "Writing a plugin").
public enum KeywordsPlugin {
  public static let plugin = PluginDescription(
    name: "keywords", version: QuarryVersion.current, summary: "The most frequent content words of a text",
    commands: [KeywordsCommand(), PingCommand()])
}

/// `keywords`: the most frequent words of a text that are not function words.
public struct KeywordsCommand: Command {
  public init() {}
  public let signature = Signature(
    "keywords", abstract: "The most frequent content words of a text, or of each row's text column",
    parameters: [Parameter("text", .string, help: "the text to read instead of the input", optional: true)],
    flags: [Flag("limit", short: "n", .int, help: "how many keywords to give", default: .int(5))],
    input: .any, output: .any,
    examples: [
      Example(
        "keywords 'The balloon, the spy balloon and the talks' -n 2 | get keyword", "the two most frequent",
        result: .list([.string("balloon"), .string("spy")]))
    ])

  static let stopwords: Set<String> = [
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
    "her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "said", "she", "that", "the", "their",
    "them", "they", "this", "to", "was", "were", "which", "will", "with", "would", "not", "no", "any", "all",
  ]

  public func run(_ invocation: Invocation) throws -> Value {
    let limit = invocation.int("limit") ?? 5
    guard limit >= 0 else { throw invocation.error("--limit must not be negative", at: "limit") }
    if let text = invocation.string("text") { return Self.table(Self.keywords(text, limit: limit)) }
    switch invocation.input {
    case .string(let text): return Self.table(Self.keywords(text, limit: limit))
    case .null: throw invocation.error("'keywords' needs a text, or rows with a 'text' column as input")
    default:
      var table = try invocation.inputTable()
      let column = try invocation.column("text", in: table, purpose: "to read")
      table.columns.append("keywords")
      for index in table.rows.indices {
        let words = Self.keywords(table.rows[index][column].plainText, limit: limit).map {
          Value.string($0.word)
        }
        table.rows[index].append(.list(words))
      }
      return .table(table)
    }
  }

  static func keywords(_ text: String, limit: Int) -> [(word: String, count: Int)] {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for word in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
      let token = String(word)
      guard token.count > 1, !stopwords.contains(token) else { continue }
      if counts[token] == nil { order.append(token) }
      counts[token, default: 0] += 1
    }
    let ranked = order.enumerated().sorted { a, b in
      let (countA, countB) = (counts[a.element]!, counts[b.element]!)
      return countA != countB ? countA > countB : a.offset < b.offset
    }
    return ranked.prefix(limit).map { ($0.element, counts[$0.element]!) }
  }

  static func table(_ keywords: [(word: String, count: Int)]) -> Value {
    .table(Table(columns: ["keyword", "count"], rows: keywords.map { [.string($0.word), .int($0.count)] }))
  }
}

/// `keywords ping`: gives back its input; the built-in peer in the plugin-call benchmark.
public struct PingCommand: Command {
  public init() {}
  public let signature = Signature(
    "keywords ping", abstract: "Give back the input unchanged (to measure the cost of a call)",
    input: .any, output: .any, examples: [Example("42 | keywords ping", "the input itself", result: .int(42))]
  )

  public func run(_ invocation: Invocation) throws -> Value { invocation.input }
}
