public struct ToCommand: Command {
  public init() {}
  public let signature = Signature(
    "to", abstract: "Turn the input into JSON or CSV text",
    parameters: [Parameter("format", .string, help: "json or csv", completion: .values(["json", "csv"]))],
    flags: [Flag("pretty", short: "p", help: "indent JSON")],
    input: .any, output: .string,
    examples: [
      Example("{a: 1, b: [x]} | to json", "compact JSON", result: .string("{\"a\":1,\"b\":[\"x\"]}")),
      Example("[{a: 1, b: 'x,y'}] | to csv", "CSV with a header", result: .string("a,b\n1,\"x,y\"\n")),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    switch invocation.string("format") {
    case "json":
      return .string(
        invocation.isSet("pretty") ? JSON.encodePretty(invocation.input) : JSON.encode(invocation.input))
    case "csv":
      var settings = Settings()
      settings.format = .csv
      return .string(Renderer(settings: settings).render(invocation.input))
    case let other:
      throw invocation.error(
        "unknown format '\(other ?? "")'", at: "format", help: "the formats are json and csv")
    }
  }
}

public struct FromCommand: Command {
  public init() {}
  public let signature = Signature(
    "from", abstract: "Read JSON, JSON lines or CSV text into values",
    parameters: [
      Parameter("format", .string, help: "json, jsonl or csv", completion: .values(["json", "jsonl", "csv"]))
    ],
    input: .string, output: .any,
    examples: [
      Example("'{\"a\": [1, 2]}' | from json | get a", "a JSON document", result: .list([.int(1), .int(2)])),
      Example(
        "\"n,s\\n1,x\\n\" | from csv", "CSV with a header row",
        result: .table(Table(columns: ["n", "s"], rows: [[.int(1), .string("x")]]))),
    ])

  public func run(_ invocation: Invocation) throws -> Value {
    guard case .string(let text) = invocation.input else {
      throw invocation.error("'from' needs text as input, but got \(invocation.input.typeName)")
    }
    let format = invocation.string("format") ?? ""
    return try DataFormats.decode(text, format: format, name: "the input", invocation: invocation)
  }
}

/// Reading and writing the data formats `open`, `save` and `from` share.
enum DataFormats {
  static let formats = ["json", "jsonl", "csv"]

  static func format(ofPath path: String) -> String? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    let ext = path[path.index(after: dot)...].lowercased()
    switch ext {
    case "json", "jsonl", "csv": return ext
    case "ndjson": return "jsonl"
    default: return nil
    }
  }

  static func decode(_ text: String, format: String, name: String, invocation: Invocation) throws -> Value {
    switch format {
    case "json":
      do {
        let value = try JSON.decode(text)
        if case .list(let items) = value { return Value.collecting(items) }
        return value
      } catch {
        throw invocation.error("\(name) is not valid JSON: \(error)")
      }
    case "jsonl":
      var items: [Value] = []
      var lineNumber = 0
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        lineNumber += 1
        if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
        do {
          items.append(try JSON.decode(String(line)))
        } catch {
          throw invocation.error("\(name):\(lineNumber) is not valid JSON: \(error)")
        }
      }
      return Value.collecting(items)
    case "csv":
      do {
        return .table(try CSV.decode(text))
      } catch {
        throw invocation.error("\(name) is not valid CSV: \(error)")
      }
    default:
      throw invocation.error(
        "unknown format '\(format)'", at: "format", help: "the formats are \(formats.joined(separator: ", "))"
      )
    }
  }
}

public struct OpenCommand: Command {
  public init() {}
  public let signature = Signature(
    "open", abstract: "Read a JSON, JSON lines or CSV file (text for other files)",
    parameters: [Parameter("path", .path, help: "the file to read")],
    flags: [
      Flag(
        "format", short: "f", .string, help: "json, jsonl or csv, instead of the file's extension",
        completion: .values(DataFormats.formats)),
      Flag("raw", help: "read the file as text whatever its extension"),
    ],
    input: .none, output: .any,
    examples: [Example("open entities.csv | first 5", "the first rows of a CSV file")])

  public func run(_ invocation: Invocation) throws -> Value {
    let path = invocation.string("path") ?? ""
    let resolved = FilePaths.expandingTilde(path)
    let text: String
    do {
      text = try FilePaths.readText(resolved)
    } catch {
      throw invocation.error("cannot open '\(path)': \(error)", at: "path")
    }
    if invocation.isSet("raw") { return .string(text) }
    guard let format = invocation.string("format") ?? DataFormats.format(ofPath: path) else {
      return .string(text)
    }
    return try DataFormats.decode(text, format: format, name: path, invocation: invocation)
  }
}

public struct SaveCommand: Command {
  public init() {}
  public let signature = Signature(
    "save", abstract: "Write the input to a JSON, JSON lines or CSV file",
    discussion:
      "The format follows the extension; text input is written as it is. The file is replaced atomically.",
    parameters: [Parameter("path", .path, help: "the file to write")],
    flags: [
      Flag(
        "format", short: "f", .string, help: "json, jsonl or csv, instead of the file's extension",
        completion: .values(DataFormats.formats)),
      Flag("force", help: "replace an existing file"),
    ],
    input: .any, output: .none,
    examples: [Example("documents | save documents.csv", "the document table as CSV")])

  public func run(_ invocation: Invocation) throws -> Value {
    let path = FilePaths.expandingTilde(invocation.string("path") ?? "")
    if FilePaths.exists(path) && !invocation.isSet("force") {
      throw invocation.error("'\(path)' exists", at: "path", help: "add --force to replace it")
    }
    let input = invocation.input
    let text: String
    if case .string(let raw) = input, invocation.string("format") == nil {
      text = raw
    } else {
      var settings = Settings()
      switch invocation.string("format") ?? DataFormats.format(ofPath: path) ?? "json" {
      case "json": settings.format = .json
      case "jsonl": settings.format = .jsonl
      case "csv": settings.format = .csv
      case let other:
        throw invocation.error(
          "unknown format '\(other)'", at: "format", help: "the formats are json, jsonl and csv")
      }
      text = Renderer(settings: settings).render(input)
    }
    do {
      try FilePaths.write(text, to: path)
    } catch {
      throw invocation.error("cannot write '\(path)': \(error)", at: "path")
    }
    return .null
  }
}
