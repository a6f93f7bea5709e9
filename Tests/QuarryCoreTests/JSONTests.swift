import QuarryCore
import Testing

@Suite struct JSONTests {
  @Test func roundTripsUnicodeAndEscapes() throws {
    let value = Value.record(
      Record(["s": .string("李\"\\\n\u{1}"), "f": .float(1.5), "l": .list([.null, .bool(true)])]))
    let decoded = try JSON.decode(JSON.encode(value))
    #expect(decoded.isEqual(to: value))
  }

  @Test func decodesSurrogatePairs() throws {
    #expect(try JSON.decode("\"\\ud83d\\ude00\"").isEqual(to: .string("😀")))
  }

  @Test func reportsTheOffsetOfAnError() {
    #expect(throws: JSON.ParseError.self) { try JSON.decode("[1, 2") }
    do {
      _ = try JSON.decode("{\"a\" 1}")
    } catch {
      #expect(error.offset == 5)
    }
  }

  @Test func limitsNesting() {
    #expect(throws: JSON.ParseError.self) { try JSON.decode(String(repeating: "[", count: 1000)) }
  }
}
