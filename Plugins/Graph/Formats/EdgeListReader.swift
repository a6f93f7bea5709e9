import QuarryCore
import QuarryModel

/// Reads an edge list — CSV, TSV or white-space separated, one edge a line — and an
/// optional node file, into a graph.
///
/// With a header row, columns are found by name: source (`source`, `from`, `src`,
/// `:START_ID`), target (`target`, `to`, `dst`, `:END_ID`), `weight`, and type (`type`,
/// `predicate`, `relation`, `:TYPE`); any other column becomes an edge property. Without
/// one: source, target, then a weight if the third field is a number, and a type. Lines
/// starting with `#` are comments (as in networkx's edge lists). The node file needs a
/// header: `id` (or `name`, `node`, `:ID`), `label` (or `type`, `:LABEL`) and properties;
/// its nodes come first, so isolated nodes are kept.
///
/// Written for speed rather than on top of `CSV.decode`: a million-edge file is split
/// in place, a line at a time, without building a table first.
struct EdgeListReader {
  var defaultLabel = "NODE"

  func read(edges: [UInt8], nodes: [UInt8]?, into builder: inout PropertyGraph.Builder) throws(GraphFileError)
  {
    if let nodes { try readNodes(nodes, into: &builder) }
    var lines = LineSplitter(edges)
    guard let (firstNumber, first) = lines.nextRecord() else { return }
    let separator = Self.separator(of: first)
    let firstFields = fields(first, separator)
    var columns = Columns()
    var pending: (Int, [Substring])?
    if let header = Columns(header: firstFields) {
      columns = header
      guard columns.source != nil && columns.target != nil else {
        throw GraphFileError(line: firstNumber, message: "the header names no source and target columns")
      }
    } else {
      pending = (firstNumber, firstFields)
    }
    builder.reserve(nodes: edges.count / 40, edges: edges.count / 16)
    while true {
      let number: Int
      let row: [Substring]
      if let next = pending {
        (number, row) = next
        pending = nil
      } else if let (nextNumber, line) = lines.nextRecord() {
        number = nextNumber
        row = fields(line, separator)
      } else {
        break
      }
      try add(row, line: number, columns: columns, to: &builder)
    }
  }

  private func add(_ row: [Substring], line: Int, columns: Columns, to builder: inout PropertyGraph.Builder)
    throws(GraphFileError)
  {
    let sourceColumn = columns.source ?? 0
    let targetColumn = columns.target ?? 1
    guard row.count > max(sourceColumn, targetColumn) else {
      throw GraphFileError(line: line, message: "expected a source and a target, found \(row.count) field(s)")
    }
    var weight = 1.0
    var type = "edge"
    if columns.isPositional {
      var rest = row.dropFirst(2)
      if let third = rest.first, let number = Double(third) {
        weight = number
        rest = rest.dropFirst()
      }
      if let fourth = rest.first, !fourth.isEmpty { type = String(fourth) }
    } else {
      if let column = columns.weight, column < row.count, !row[column].isEmpty {
        guard let number = Double(row[column]) else {
          throw GraphFileError(line: line, message: "the weight '\(row[column])' is not a number")
        }
        weight = number
      }
      if let column = columns.type, column < row.count, !row[column].isEmpty { type = String(row[column]) }
    }
    let source = builder.node(String(row[sourceColumn]), label: defaultLabel)
    let target = builder.node(String(row[targetColumn]), label: defaultLabel)
    let edge = builder.edgeCount
    builder.edge(source, target, type: type, weight: weight)
    for (name, column) in columns.properties where column < row.count && !row[column].isEmpty {
      builder.edgeProperties.set(name, at: edge, typedValue(row[column]))
    }
  }

  private func readNodes(_ bytes: [UInt8], into builder: inout PropertyGraph.Builder) throws(GraphFileError) {
    var lines = LineSplitter(bytes)
    guard let (headerLine, first) = lines.nextRecord() else { return }
    let separator = Self.separator(of: first)
    let header = fields(first, separator).map { $0.lowercased() }
    guard let idColumn = header.firstIndex(where: { ["id", "name", "node", ":id"].contains($0) }) else {
      throw GraphFileError(line: headerLine, message: "the node file's header names no id column")
    }
    let labelColumn = header.firstIndex { ["label", "type", ":label"].contains($0) }
    let names = fields(first, separator).map(String.init)
    while let (number, line) = lines.nextRecord() {
      let row = fields(line, separator)
      guard idColumn < row.count, !row[idColumn].isEmpty else {
        throw GraphFileError(line: number, message: "a node without an id")
      }
      let label = labelColumn.flatMap { $0 < row.count && !row[$0].isEmpty ? String(row[$0]) : nil }
      let node = builder.node(String(row[idColumn]), label: label ?? defaultLabel)
      for (column, name) in names.enumerated()
      where column != idColumn && column != labelColumn && column < row.count && !row[column].isEmpty {
        builder.nodeProperties.set(name, at: Int(node), typedValue(row[column]))
      }
    }
  }

  /// The columns of a file with a header.
  struct Columns {
    var source: Int?
    var target: Int?
    var weight: Int?
    var type: Int?
    var properties: [(String, Int)] = []
    var isPositional = true

    init() {}

    /// Nil when the row is not a header: no field names a source, or none a target.
    init?(header: [Substring]) {
      let names = header.map { $0.lowercased() }
      let sources: Set = ["source", "from", "src", ":start_id", "source_id", "node1", "u"]
      let targets: Set = ["target", "to", "dst", ":end_id", "target_id", "node2", "v"]
      guard names.count >= 2, names.contains(where: sources.contains), names.contains(where: targets.contains)
      else { return nil }
      isPositional = false
      for (column, name) in names.enumerated() {
        if source == nil && sources.contains(name) {
          source = column
        } else if target == nil && targets.contains(name) {
          target = column
        } else if weight == nil && name == "weight" {
          weight = column
        } else if type == nil && ["type", "predicate", "relation", ":type", "label"].contains(name) {
          type = column
        } else {
          properties.append((String(header[column]), column))
        }
      }
    }
  }

  static func separator(of line: Substring) -> UInt8? {
    if line.utf8.contains(9) { return 9 }
    if line.utf8.contains(44) { return 44 }
    return nil  // runs of spaces
  }

  /// The fields of one line: split on the separator, with CSV quoting ("a, b" and "");
  /// or on runs of blanks when there is no separator. Split on bytes: separators are
  /// ASCII, so a byte split never cuts a character, and splitting by `Character` would
  /// look for grapheme breaks at every byte of a million lines.
  func fields(_ line: Substring, _ separator: UInt8?) -> [Substring] {
    let utf8 = line.utf8
    var result: [Substring] = []
    guard let separator else {
      var start: String.Index?
      var index = utf8.startIndex
      while index < utf8.endIndex {
        let byte = utf8[index]
        if byte == 32 || byte == 9 {
          if let fieldStart = start { result.append(line[fieldStart..<index]) }
          start = nil
        } else if start == nil {
          start = index
        }
        utf8.formIndex(after: &index)
      }
      if let fieldStart = start { result.append(line[fieldStart..<utf8.endIndex]) }
      return result
    }
    guard utf8.contains(34) else {
      var start = utf8.startIndex
      var index = start
      while index < utf8.endIndex {
        if utf8[index] == separator {
          result.append(line[start..<index])
          start = utf8.index(after: index)
        }
        utf8.formIndex(after: &index)
      }
      result.append(line[start..<utf8.endIndex])
      return result
    }
    var field = ""
    var quoted = false
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if quoted {
        if character == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex && line[next] == "\"" {
            field.append("\"")
            index = next
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character.asciiValue == separator {
        result.append(Substring(field))
        field = ""
      } else {
        field.append(character)
      }
      index = line.index(after: index)
    }
    result.append(Substring(field))
    return result
  }
}

/// The non-blank, non-comment lines of a text, with their line numbers; a trailing CR
/// is dropped.
struct LineSplitter {
  private let text: String
  private var position: String.Index
  private var number = 0

  init(_ bytes: [UInt8]) {
    text = String(decoding: bytes, as: UTF8.self)
    position = text.startIndex
  }

  /// The next record and the number of the line it starts on. A quoted field may hold
  /// line breaks (RFC 4180): a record whose quotes are not balanced goes on to the next line.
  mutating func nextRecord() -> (Int, Substring)? {
    while let (start, line) = nextLine() {
      let first = line.utf8.first { $0 != 32 && $0 != 9 }
      if first == nil || first == 35 { continue }  // blank, or a `#` comment
      var record = line
      var quotes = line.utf8.reduce(0) { $0 + ($1 == 34 ? 1 : 0) }
      while quotes % 2 == 1, let (_, more) = nextLine() {
        record = text[record.startIndex..<more.endIndex]
        quotes += more.utf8.reduce(0) { $0 + ($1 == 34 ? 1 : 0) }
      }
      return (start, record)
    }
    return nil
  }

  private mutating func nextLine() -> (Int, Substring)? {
    let utf8 = text.utf8
    guard position < text.endIndex else { return nil }
    number += 1
    let end = utf8[position...].firstIndex(of: 10) ?? utf8.endIndex
    var lineEnd = end
    if lineEnd > position && utf8[utf8.index(before: lineEnd)] == 13 {
      lineEnd = utf8.index(before: lineEnd)
    }
    let line = text[position..<lineEnd]
    position = end < utf8.endIndex ? utf8.index(after: end) : end
    return (number, line)
  }
}
