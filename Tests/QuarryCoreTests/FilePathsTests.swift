import QuarryCore
import Testing

@Suite struct FilePathsTests {
  @Test func findsTheFirstInvalidByte() {
    #expect(FilePaths.invalidUTF8Offset(Array("abcdefghijklmnopqrstuvwxyz".utf8)) == nil)
    #expect(FilePaths.invalidUTF8Offset(Array("abcdefghijklmnop".utf8) + [0xC0, 0x80]) == 16)
    #expect(FilePaths.invalidUTF8Offset([0xED, 0xA0, 0x80]) == 0)
    #expect(FilePaths.invalidUTF8Offset([0xE2, 0x82]) == 0)
    #expect(FilePaths.invalidUTF8Offset(Array("Zürich 李尚福 and more ASCII after it".utf8)) == nil)
  }

  @Test func findsANULByteUnlessAllowed() {
    let bytes = Array("abcdefghij".utf8) + [0] + Array("klmnopqrstuvwxyz".utf8)
    #expect(FilePaths.invalidUTF8Offset(bytes) == 10)
    #expect(FilePaths.invalidUTF8Offset(bytes, allowingNUL: true) == nil)
  }
}
