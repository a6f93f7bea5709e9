import Foundation
import QuarryCore
import Testing

@Suite struct MakeDirectoryCommandTests {
  func folder() -> String { NSTemporaryDirectory() + "quarry-mkdir-\(UUID().uuidString)" }

  @Test func makesTheFoldersAboveToo() {
    let base = folder()
    expectValue("mkdir \(base)/a/b/c", .string("\(base)/a/b/c"))
    var isFolder: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: base + "/a/b/c", isDirectory: &isFolder) && isFolder.boolValue)
    // Again: a folder that exists is fine.
    expectValue("mkdir \(base)/a/b/c", .string("\(base)/a/b/c"))
  }

  @Test func aFileInTheWayIsAnError() throws {
    let base = folder()
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: base + "/file", contents: Data())
    #expect(
      errorMessage("mkdir \(base)/file/sub") == "cannot make '\(base)/file/sub': '\(base)/file' is a file")
  }
}
