import QuarryCore
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ParallelWorkTests {
  /// How many times each item ran, and the highest worker number seen.
  private final class Tally: Sendable {
    let runs: SharedBuffer<Int>
    let highestWorker = Atomic<Int>(0)

    init(_ count: Int) { runs = SharedBuffer(repeating: 0, count: count) }

    @Sendable func record(worker: Int, item: Int) {
      runs[item] += 1
      highestWorker.max(worker, ordering: .relaxed)
    }

    var everyItemOnce: Bool { runs.array.allSatisfy { $0 == 1 } }
  }

  @Test func everyItemRunsOnceOnSomeWorker() throws {
    let tally = Tally(10_000)
    try ParallelWork.run(10_000, workers: 2, tally.record)
    #expect(tally.everyItemOnce)
    #expect(tally.highestWorker.load(ordering: .relaxed) < 2)
  }

  @Test func moreWorkersThanItemsIsFine() throws {
    let tally = Tally(1)
    try ParallelWork.run(1, workers: 8, tally.record)
    #expect(tally.everyItemOnce)
    try ParallelWork.run(0, workers: 8) { _, _ in Issue.record("no items, no calls") }
  }

  /// The kept threads are woken again and again, back to back and after a pause, and
  /// no run waits forever or loses an item.
  @Test func runsOneAfterAnotherReuseTheThreads() throws {
    for round in 0..<2_000 {
      let tally = Tally(3)
      try ParallelWork.run(3, workers: 2, tally.record)
      #expect(tally.everyItemOnce, "round \(round)")
      if round % 500 == 0 { usleep(5_000) }
    }
  }

  /// Work started from inside work cannot have the kept threads, which are busy: it
  /// starts threads of its own and still does every item.
  @Test func workInsideWorkFinishes() throws {
    let inner = (0..<4).map { _ in Tally(100) }
    let outer = Tally(4)
    try ParallelWork.run(4, workers: 2) { worker, item in
      outer.record(worker: worker, item: item)
      try? ParallelWork.run(100, workers: 2, inner[item].record)
    }
    #expect(outer.everyItemOnce)
    #expect(inner.allSatisfy { $0.everyItemOnce })
  }

  @Test func runsFromTwoThreadsAtOnceBothFinish() async throws {
    let tallies = (0..<2).map { _ in Tally(50_000) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for tally in tallies {
        group.addTask { try ParallelWork.run(50_000, workers: 2, tally.record) }
      }
      try await group.waitForAll()
    }
    #expect(tallies.allSatisfy { $0.everyItemOnce })
  }

  @Test func rangesCoverTheItemsInOrderAndBalanceTheCost() {
    let ranges = ParallelWork.ranges(1_000, parts: 4) { $0 < 500 ? 9 : 0 }
    #expect(ranges.count == 4)
    #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 1_000)
    for (range, next) in zip(ranges, ranges.dropFirst()) { #expect(range.upperBound == next.lowerBound) }
    // The costly first half is split three ways; the cheap half is one part.
    #expect(ranges[0].count < 250 && ranges[3].count > 500)
    #expect(ParallelWork.ranges(0, parts: 4) { _ in 1 }.isEmpty)
  }
}
