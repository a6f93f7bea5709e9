import QuarryCore

/// Tab completion from the command registry: command and subcommand names, the flags
/// of the command being typed, paths where a parameter is a path, declared values, and
/// variables. It looks only at the text before the cursor, so it works mid-line.
public struct Completer {
  public struct Completion: Equatable, Sendable {
    /// Byte offset in the line where the word being completed starts.
    public var wordStart: Int
    /// The text of that word before the cursor.
    public var word: String
    public var candidates: [String]
  }

  let session: Session

  public init(session: Session) {
    self.session = session
  }

  static let keywords = [
    "let", "def", "if", "else", "for", "try", "catch", "source", "return", "break", "continue",
  ]

  public func complete(line: String, cursor: Int) -> Completion {
    let bytes = Array(line.utf8.prefix(cursor))
    var wordStart = bytes.count
    while wordStart > 0 {
      let byte = bytes[wordStart - 1]
      if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ";")
        || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0x0A
      {
        break
      }
      wordStart -= 1
    }
    // An opening quote belongs to the word: `"Li` completes to `"Li Shangfu"`.
    if wordStart > 0 && bytes[wordStart - 1] == UInt8(ascii: "\"") { wordStart -= 1 }
    let word = String(decoding: bytes[wordStart...], as: UTF8.self)
    // The pipeline element the cursor is in: text after the last | ; ( { or newline.
    var elementStart = 0
    var quote: UInt8?
    var index = 0
    while index < wordStart {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(")
        || byte == UInt8(ascii: "{") || byte == 0x0A
      {
        elementStart = index + 1
      }
      index += 1
    }
    if elementStart > wordStart { elementStart = wordStart }
    let before = String(decoding: bytes[elementStart..<wordStart], as: UTF8.self)
    var words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    // A closure's parameters `|row|` are not a command.
    if let first = words.first, first.hasPrefix("|") { words.removeFirst() }
    let candidates = candidatesFor(word: word, previous: words)
    return Completion(wordStart: wordStart, word: word, candidates: candidates)
  }

  private func candidatesFor(word: String, previous words: [String]) -> [String] {
    if word.hasPrefix("$") {
      let prefix = String(word.dropFirst())
      let names = Set(session.variableNames + ["args", "env"])
      return names.filter { $0.hasPrefix(prefix) }.sorted().map { "$" + $0 }
    }
    // A command starts the element, or follows `else` or `try`.
    if words.isEmpty || (words.count == 1 && ["else", "try"].contains(words[0])) {
      return commandWords(prefix: word)
    }
    // The longest registered command the leading words spell.
    var name = words[0]
    var used = 1
    while used < words.count,
      session.registry.contains(name + " " + words[used])
        || session.registry.isGroup(name + " " + words[used])
    {
      name += " " + words[used]
      used += 1
    }
    if session.registry.isGroup(name) && used == words.count && !session.registry.contains(name) {
      let members = session.registry.members(ofGroup: name)
      let depth = name.split(separator: " ").count
      let next = Set(members.map { String($0.split(separator: " ")[depth]) })
      return next.filter { $0.hasPrefix(word) }.sorted()
    }
    if name == "help" { return commandWords(prefix: word) }
    guard let signature = session.registry.entry(name)?.signature ?? session.definition(name)?.signature
    else {
      return paths(prefix: word)
    }
    let arguments = Array(words.dropFirst(used))
    if word.hasPrefix("-") {
      let used = Set(arguments)
      return signature.flags.map { "--" + $0.name }.filter { $0.hasPrefix(word) && !used.contains($0) }
    }
    // A value for the flag just before the cursor.
    if let last = arguments.last, last.hasPrefix("--") {
      if let flag = signature.flag(named: String(last.dropFirst(2))), !flag.isSwitch {
        return values(from: flag.completion, type: flag.type, prefix: word)
      }
    } else if let last = arguments.last, last.hasPrefix("-"), last.count == 2,
      let flag = signature.flag(short: last.last!), !flag.isSwitch
    {
      return values(from: flag.completion, type: flag.type, prefix: word)
    }
    // Count the positional arguments before this one, skipping flags and their values.
    var position = 0
    var skipNext = false
    for argument in arguments {
      if skipNext {
        skipNext = false
        continue
      }
      if argument.hasPrefix("--"), let flag = signature.flag(named: String(argument.dropFirst(2))) {
        skipNext = !flag.isSwitch
        continue
      }
      if argument.hasPrefix("-"), argument.count == 2, let flag = signature.flag(short: argument.last!) {
        skipNext = !flag.isSwitch
        continue
      }
      position += 1
    }
    let parameter = position < signature.parameters.count ? signature.parameters[position] : signature.rest
    guard let parameter else { return [] }
    return values(from: parameter.completion, type: parameter.type, prefix: word)
  }

  private func commandWords(prefix: String) -> [String] {
    var names = Set<String>()
    for name in session.commandNames {
      names.insert(String(name.split(separator: " ").first ?? ""))
    }
    names.formUnion(Completer.keywords)
    return names.filter { $0.hasPrefix(prefix) }.sorted()
  }

  private func values(from source: CompletionSource, type: ParameterType?, prefix: String) -> [String] {
    let stripped = prefix.hasPrefix("\"") ? String(prefix.dropFirst()) : prefix
    func quoted(_ values: [String]) -> [String] {
      values.filter { $0.hasPrefix(stripped) }.map {
        $0.contains(" ") || prefix.hasPrefix("\"") ? "\"\($0)\"" : $0
      }
    }
    switch source {
    case .paths: return paths(prefix: prefix)
    case .commands: return commandWords(prefix: prefix)
    case .values(let values): return quoted(values)
    case .dynamic(let provide): return quoted(provide(session).sorted())
    case .none:
      return type == .string || type == nil || type == .any ? paths(prefix: prefix) : []
    }
  }

  /// Files and folders starting with the typed text; folders end with `/`.
  func paths(prefix: String) -> [String] {
    let expanded = FilePaths.expandingTilde(prefix)
    let directory: String
    let namePrefix: String
    let shownDirectory: String
    if let slash = prefix.lastIndex(of: "/") {
      shownDirectory = String(prefix[...slash])
      namePrefix = String(prefix[prefix.index(after: slash)...])
      let expandedSlash = expanded.lastIndex(of: "/")!
      directory = String(expanded[...expandedSlash])
    } else {
      shownDirectory = ""
      namePrefix = prefix
      directory = "./"
    }
    guard let names = try? FilePaths.list(directory) else { return [] }
    return names.filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
      .map { name in
        let path = shownDirectory + name
        return FilePaths.isDirectory(directory + name) ? path + "/" : path
      }
  }

  /// The longest prefix all candidates share.
  public static func commonPrefix(_ candidates: [String]) -> String {
    guard var prefix = candidates.first else { return "" }
    for candidate in candidates.dropFirst() {
      while !candidate.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
