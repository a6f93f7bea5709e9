import QuarryCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct LineReaderTests {
  func file(_ text: String) throws -> String {
    let path = "/tmp/quarry-lines-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FilePaths.write(text, to: path)
    return path
  }

  func lines(_ text: String, chunkSize: Int) throws -> [String] {
    let reader = try LineReader(path: try file(text), chunkSize: chunkSize)
    var result: [String] = []
    while let line = try reader.nextLine() { result.append(String(decoding: line, as: UTF8.self)) }
    return result
  }

  @Test(arguments: [1, 3, 7, 1 << 20])
  func readsLinesAcrossChunkBoundaries(_ chunkSize: Int) throws {
    #expect(
      try lines("first\nsecond line\n\nZürich 李尚福\nlast", chunkSize: chunkSize)
        == ["first", "second line", "", "Zürich 李尚福", "last"])
  }

  @Test func emptyFileHasNoLines() throws {
    #expect(try lines("", chunkSize: 4).isEmpty)
  }

  @Test func missingFileIsAnError() {
    #expect(throws: FilePaths.FileError.self) { try LineReader(path: "/nonexistent/lines.jsonl") }
  }
}
