import Testing

@testable import QuarryHTML

@Suite struct HTMLEncodingTests {
  func decode(_ bytes: [UInt8]) -> (String, String, String?) {
    let decoded = HTMLEncoding.decode(bytes)
    return (String(decoding: decoded.bytes, as: UTF8.self), decoded.encoding, decoded.problem)
  }

  @Test func readsUTF8ByDefault() {
    let (text, encoding, problem) = decode(Array("<p>Zürich 李</p>".utf8))
    #expect(text == "<p>Zürich 李</p>")
    #expect(encoding == "utf-8")
    #expect(problem == nil)
  }

  @Test func followsAByteOrderMark() {
    #expect(decode([0xEF, 0xBB, 0xBF] + Array("<p>a</p>".utf8)).0 == "<p>a</p>")
    let utf16: [UInt8] = [0xFF, 0xFE] + "<p>é</p>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(decode(utf16).0 == "<p>é</p>")
  }

  @Test func followsAMetaDeclaration() {
    let latin: [UInt8] = Array("<meta charset=\"ISO-8859-1\"><p>caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94]
    let (text, encoding, _) = decode(latin)
    #expect(text.hasSuffix("café “q”"))
    #expect(encoding == "windows-1252")
    let japanese: [UInt8] =
      Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>".utf8)
      + [0x93, 0xFA, 0x96, 0x7B]
    #expect(decode(japanese).0.hasSuffix("<p>日本"))
  }

  @Test func readsUndeclaredInvalidUTF8AsWindows1252() {
    let (text, encoding, _) = decode(Array("<p>na".utf8) + [0xEF, 0x76, 0x65])
    #expect(text == "<p>naïve")
    #expect(encoding == "windows-1252")
  }

  @Test func reportsBytesThatAreNotWhatThePageDeclares() {
    let (text, _, problem) = decode(Array("<meta charset=utf-8><p>a".utf8) + [0xFF] + Array("b".utf8))
    #expect(text.hasSuffix("a\u{FFFD}b"))
    #expect(problem == "invalid UTF-8 at byte offset 24, replaced with U+FFFD")
    let unknown = decode(Array("<meta charset=klingon><p>a".utf8))
    #expect(unknown.2 == "unknown encoding 'klingon'; read as UTF-8")
  }
}
