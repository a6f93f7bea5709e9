import Dispatch
import Synchronization

/// Runs numbered items of work on every core, for long computations such as analytics
/// over a large graph: the calling thread waits, drawing a progress bar on the session's
/// terminal once the run has taken more than a second, and Ctrl-C stops the workers
/// between items.
public enum ParallelWork {
  /// Calls `body(worker, item)` for every item in `0..<count`, spread over up to `workers`
  /// threads; worker `w` is one thread, so per-worker scratch space needs no lock.
  /// - Throws: `Interrupted` when Ctrl-C stopped the run; some items are then not done.
  public static func run(
    _ count: Int, workers: Int = ProcessorCount.active, session: Session? = nil, unit: String = "items",
    _ body: @escaping @Sendable (_ worker: Int, _ item: Int) -> Void
  ) throws(Interrupted) {
    guard count > 0 else { return }
    let workers = max(1, min(workers, count))
    let progress = Progress()
    let group = DispatchGroup()
    for worker in 0..<workers {
      DispatchQueue.global().async(group: group) {
        while !Interrupt.isRaised, let item = progress.take(below: count) {
          body(worker, item)
          progress.finish()
        }
      }
    }
    let clock = ContinuousClock()
    let started = clock.now
    var drawn = false
    let bar = ProgressBar(total: count, unit: unit)
    while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
      guard let session, session.showsProgress else { continue }
      let elapsed = clock.now - started
      guard elapsed > .seconds(1) else { continue }
      let (whole, fraction) = elapsed.components
      session.progress(bar.line(done: progress.done, elapsed: Double(whole) + Double(fraction) / 1e18))
      drawn = true
    }
    if drawn { session?.progress(nil) }
    if Interrupt.isRaised { throw Interrupted() }
  }

  /// Splits `0..<count` into `parts` contiguous ranges of about equal `cost`, where
  /// `cost(i)` is the work of item `i` (the degree of a node, say), so that threads that
  /// each take one range finish at about the same time.
  public static func ranges(_ count: Int, parts: Int, cost: (Int) -> Int) -> [Range<Int>] {
    guard count > 0 else { return [] }
    var total = 0
    for item in 0..<count { total += cost(item) + 1 }
    let share = max(1, total / max(1, parts))
    var ranges: [Range<Int>] = []
    var start = 0
    var sum = 0
    for item in 0..<count {
      sum += cost(item) + 1
      if sum >= share && ranges.count < parts - 1 {
        ranges.append(start..<item + 1)
        start = item + 1
        sum = 0
      }
    }
    if start < count { ranges.append(start..<count) }
    return ranges
  }

  private final class Progress: Sendable {
    private let next = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)

    func take(below limit: Int) -> Int? {
      let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
      return item < limit ? item : nil
    }

    func finish() { finished.wrappingAdd(1, ordering: .relaxed) }

    var done: Int { finished.load(ordering: .relaxed) }
  }
}

/// A fixed-size buffer that worker threads write without locks, each to places no other
/// thread touches (its own slot, or its own items' entries). The owner reads it once the
/// workers are done.
public final class SharedBuffer<Element>: @unchecked Sendable {
  public let pointer: UnsafeMutableBufferPointer<Element>

  public init(repeating value: Element, count: Int) {
    pointer = .allocate(capacity: count)
    pointer.initialize(repeating: value)
  }

  deinit {
    pointer.deinitialize()
    pointer.deallocate()
  }

  @inline(__always)
  public subscript(index: Int) -> Element {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }

  public var array: [Element] { Array(pointer) }
}
