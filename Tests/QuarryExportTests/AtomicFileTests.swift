import Foundation
import Testing

@testable import QuarryExport

@Suite struct AtomicFileTests {
  func leftovers(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".tmp") }
  }

  @Test func theFileAppearsOnlyWhenCommitted() throws {
    let folder = temporaryFolder()
    let file = try AtomicFile(path: folder + "/out.txt", replacing: false)
    file.write("hello ")
    file.write(int: -42)
    file.write(" ")
    file.write(double: 2.5)
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.txt"))
    try file.commit()
    #expect(contents(folder + "/out.txt") == "hello -42 2.5")
    #expect(leftovers(folder).isEmpty)
  }

  @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
    let folder = temporaryFolder()
    try "old".write(toFile: folder + "/out.txt", atomically: true, encoding: .utf8)
    #expect(throws: ExportError.self) { try AtomicFile(path: folder + "/out.txt", replacing: false) }
    do {
      let file = try AtomicFile(path: folder + "/out.txt", replacing: true)
      file.write("new")
      try file.commit()
    }
    #expect(contents(folder + "/out.txt") == "new")
  }

  @Test func anExportThatFailsLeavesWhatWasThere() throws {
    let folder = temporaryFolder()
    try "old".write(toFile: folder + "/out.txt", atomically: true, encoding: .utf8)
    do {
      let file = try AtomicFile(path: folder + "/out.txt", replacing: true)
      file.write(String(repeating: "x", count: 3 << 20))
      // Dropped without a commit, as when a writer throws.
    }
    #expect(contents(folder + "/out.txt") == "old")
    #expect(leftovers(folder).isEmpty)
  }

  @Test func aMissingFolderOrAFolderInTheWayIsSaid() throws {
    let folder = temporaryFolder()
    #expect {
      try AtomicFile(path: folder + "/missing/out.txt", replacing: false)
    } throws: { error in
      "\(error)".contains("there is no folder \(folder)/missing")
    }
    #expect {
      try AtomicFile(path: folder, replacing: true)
    } throws: { error in
      "\(error)".contains("is a folder")
    }
  }

  @Test func integersAndFloatsAreWrittenAsSwiftPrintsThem() throws {
    let folder = temporaryFolder()
    let file = try AtomicFile(path: folder + "/numbers", replacing: false)
    for number in [0, 7, -1, Int.max, Int.min] {
      file.write(int: number)
      file.write(" ")
    }
    for number in [0.0, -3.0, 0.1, 1e-300, 1e300, 123_456_789_012.0] {
      file.write(double: number)
      file.write(" ")
    }
    try file.commit()
    #expect(
      contents(folder + "/numbers")
        == "0 7 -1 9223372036854775807 -9223372036854775808 0.0 -3.0 0.1 1e-300 1e+300 123456789012.0 ")
  }
}
