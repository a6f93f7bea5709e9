import Foundation
import Testing

/// The `quarry` binary built beside the test bundle (or `$QUARRY_BIN`).
enum QuarryBinary {
  static let path: String = {
    if let path = ProcessInfo.processInfo.environment["QUARRY_BIN"] { return path }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundle, bundle.deletingLastPathComponent()] {
      let path = candidate.appendingPathComponent("quarry").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return Package.root + "/.build/debug/quarry"
  }()
}

enum Package {
  /// The package's root folder, from this file's path.
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
}

struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the real binary with arguments, standard input and extra environment.
func runQuarry(
  _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: String? = nil
) throws -> RunResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: QuarryBinary.path)
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["HOME"] = temporaryDirectory()
  env.removeValue(forKey: "XDG_CONFIG_HOME")
  env.removeValue(forKey: "XDG_STATE_HOME")
  for (key, value) in environment { env[key] = value }
  process.environment = env
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let input = Pipe()
  let output = Pipe()
  // Standard error goes to a file: reading two pipes at once would need a second thread.
  let errorPath = temporaryDirectory() + "/stderr"
  _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
  let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
  process.standardInput = input
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  // Read both pipes to the end before waiting, so a full pipe cannot stall the child.
  let outData = output.fileHandleForReading.readDataToEndOfFile()
  let errData = FileManager.default.contents(atPath: errorPath) ?? Data()
  process.waitUntilExit()
  try errors.close()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// A new empty folder under /tmp.
func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "quarry-test-\(UUID().uuidString)"
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func write(_ text: String, to path: String, executable: Bool = false) throws {
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  if executable {
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }
}
