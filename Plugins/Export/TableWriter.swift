import QuarryCore

/// A table (entities, relations, any command's rows) as CSV, JSON Lines or a JSON array,
/// written a row at a time.
struct TableWriter {
  let table: Table

  func writeCSV(to file: AtomicFile) throws {
    file.write(table.columns.map { CSV.field(.string($0)) }.joined(separator: ","))
    file.write("\n")
    for (index, row) in table.rows.enumerated() {
      if index & 0x3FFF == 0 { try Interrupt.check() }
      for (position, value) in row.enumerated() {
        if position > 0 { file.write(byte: UInt8(ascii: ",")) }
        file.write(CSV.field(value))
      }
      file.write(byte: UInt8(ascii: "\n"))
    }
  }

  func writeJSONLines(to file: AtomicFile) throws {
    for (index, row) in table.rows.enumerated() {
      if index & 0x3FFF == 0 { try Interrupt.check() }
      file.write(JSON.encode(.record(Record(keys: table.columns, values: row))))
      file.write(byte: UInt8(ascii: "\n"))
    }
  }

  func writeJSON(to file: AtomicFile) throws {
    file.write("[")
    for (index, row) in table.rows.enumerated() {
      if index & 0x3FFF == 0 { try Interrupt.check() }
      file.write(index == 0 ? "\n" : ",\n")
      file.write(JSON.encode(.record(Record(keys: table.columns, values: row))))
    }
    file.write(table.rows.isEmpty ? "]\n" : "\n]\n")
  }
}
