import Foundation
import Testing

@Suite struct ScriptModeTests {
  @Test func commandStringPrintsValuesOnStdout() throws {
    let result = try runQuarry(["-c", "print hello; 1 + 2"])
    #expect(result.status == 0)
    #expect(result.stdout == "hello\n3\n")
    #expect(result.stderr == "")
  }

  @Test func firstErrorStopsWithStatusOneAndLocation() throws {
    let result = try runQuarry(["-c", "print before\nentites\nprint after"])
    #expect(result.status == 1)
    #expect(result.stdout == "before\n")
    #expect(result.stderr.hasPrefix("<command line>:2:1: error: unknown command 'entites'"))
    #expect(!result.stdout.contains("after"))
  }

  @Test func keepGoingRunsEveryStatementButStillFails() throws {
    let result = try runQuarry(["--keep-going", "-c", "print before\n1 / 0\nprint after"])
    #expect(result.status == 1)
    #expect(result.stdout == "before\nafter\n")
    #expect(result.stderr.contains("division by zero"))
  }

  @Test func parseErrorsAreAllReportedBeforeAnythingRuns() throws {
    let result = try runQuarry(["-c", "print ran\n}\nlet = 1"])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("<command line>:2:1: error: unexpected '}'"))
    #expect(result.stderr.contains("<command line>:3:5: error: expected a name after 'let'"))
  }

  @Test func scriptFileWithArguments() throws {
    let directory = temporaryDirectory()
    let script = directory + "/greet.quarry"
    try write("print \"hello $($args.0), $($args | length) args\"\n", to: script)
    let result = try runQuarry([script, "Zürich", "--flag"])
    #expect(result.status == 0)
    #expect(result.stdout == "hello Zürich, 2 args\n")
  }

  @Test func shebangScript() throws {
    let directory = temporaryDirectory()
    let binDirectory = URL(fileURLWithPath: QuarryBinary.path).deletingLastPathComponent().path
    let script = directory + "/count.quarry"
    try write("#!/usr/bin/env quarry\n[a b c] | length\nprint $args.0\n", to: script, executable: true)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: script)
    process.arguments = ["first"]
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: data, as: UTF8.self) == "3\nfirst\n")
  }

  @Test func missingScriptFile() throws {
    let result = try runQuarry(["/nonexistent/script.quarry"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: cannot read script '/nonexistent/script.quarry'"))
  }

  @Test func binaryDataPipedIn() throws {
    let result = try runQuarry([], stdin: "print 1\n\u{0}\u{1}\u{2}garbage")
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdin> is not UTF-8 text"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func statementsPipedToStandardInput() throws {
    let result = try runQuarry([], stdin: "let x = 20\n$x + 1\n")
    #expect(result.status == 0)
    #expect(result.stdout == "21\n")
  }

  @Test func exitStatus() throws {
    #expect(try runQuarry(["-c", "exit 3; print no"]).status == 3)
    #expect(try runQuarry(["-c", "quit"]).status == 0)
  }

  @Test func versionAndHelp() throws {
    let version = try runQuarry(["--version"])
    #expect(version.stdout == "0.1.0\n")
    let help = try runQuarry(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--keep-going"))
  }

  @Test func unknownFlagListsTheValidOnes() throws {
    let result = try runQuarry(["-c", "[1] | sort --dsc"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown flag --dsc for 'sort'"))
    #expect(result.stderr.contains("did you mean --desc?"))
  }

  @Test func closedPipeDoesNotCrash() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "'\(QuarryBinary.path)' -c 'for i in 0..200000 { print $i }' | head -1"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(decoding: data, as: UTF8.self) == "0\n")
  }

  @Test func runControlFileRunsOnlyInteractively() throws {
    let home = temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: home + "/.config/quarry", withIntermediateDirectories: true)
    try write("print from-rc\n", to: home + "/.config/quarry/rc.quarry")
    let result = try runQuarry(["-c", "print only"], environment: ["HOME": home])
    #expect(result.stdout == "only\n")
  }
}
