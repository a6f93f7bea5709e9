import QuarryCore
import Testing

@testable import QuarryShell

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct HistoryFileTests {
  func temporaryPath() -> String {
    "/tmp/quarry-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))/nested/history"
  }

  @Test func keepsMultiLineEntriesWhole() {
    let history = HistoryFile(path: temporaryPath())
    history.append("def f [] {\n  print \"a\\b\"\n}")
    history.append("print 1")
    #expect(history.load() == ["def f [] {\n  print \"a\\b\"\n}", "print 1"])
  }

  @Test func createsTheFilePrivate() {
    let path = temporaryPath()
    HistoryFile(path: path).append("print 1")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
  }

  @Test func trimsToCapacity() {
    let history = HistoryFile(path: temporaryPath(), capacity: 3)
    for index in 0..<10 { history.append("print \(index)") }
    history.trim()
    #expect(history.load() == ["print 7", "print 8", "print 9"])
  }

  @Test func concurrentWritersLoseNothing() async {
    let path = temporaryPath()
    HistoryFile(path: path).append("first")
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<4 {
        group.addTask {
          let history = HistoryFile(path: path, capacity: 10_000)
          for index in 0..<50 {
            history.append("writer \(writer) line \(index)")
            if index % 10 == 0 { history.trim() }
          }
        }
      }
    }
    let entries = HistoryFile(path: path).load()
    #expect(entries.count == 201)
    #expect(Set(entries).count == 201)
  }
}
