import Foundation
import Testing

/// Runs saved scripts and help commands through the real binary and compares stdout
/// and stderr with files under Golden/. `QUARRY_RECORD=1 swift test` rewrites them.
@Suite struct GoldenTests {
  static let golden = Package.root + "/Tests/EndToEndTests/Golden"
  static let recording = ProcessInfo.processInfo.environment["QUARRY_RECORD"] == "1"

  static func check(_ name: String, _ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    for (suffix, actual) in [("stdout", result.stdout), ("stderr", result.stderr)] {
      let path = "\(golden)/\(name).\(suffix)"
      if recording {
        if actual.isEmpty {
          try? FileManager.default.removeItem(atPath: path)
        } else {
          try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        continue
      }
      let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      #expect(
        actual == expected, "\(name).\(suffix) differs; QUARRY_RECORD=1 re-records it",
        sourceLocation: sourceLocation)
    }
  }

  static let scripts: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Package.root + "/Scripts/tests")) ?? []
    return names.filter { $0.hasSuffix(".quarry") }.sorted()
  }()

  @Test(arguments: scripts)
  func script(_ name: String) throws {
    let result = try runQuarry(["Scripts/tests/\(name)"], directory: Package.root)
    #expect(result.status == 0)
    try Self.check("scripts-" + name.replacingOccurrences(of: ".quarry", with: ""), result)
  }

  @Test func tour() throws {
    let result = try runQuarry(["Scripts/tour.quarry"], directory: Package.root)
    #expect(result.status == 0)
    try Self.check("tour", result)
  }

  @Test(arguments: ["help", "help where", "help sort", "help ingest", "help set", "sort --help"])
  func help(_ command: String) throws {
    let result = try runQuarry(["-c", command])
    #expect(result.status == 0)
    try Self.check(command.replacingOccurrences(of: " ", with: "-"), result)
  }
}
