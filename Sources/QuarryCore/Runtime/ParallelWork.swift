import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs numbered items of work on every core, for long computations such as analytics
/// over a large graph: the calling thread works too, drawing a progress bar on the
/// session's terminal once the run has taken more than a second, and Ctrl-C stops the
/// workers between items.
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
    // Threads of their own: a dispatch queue's pool on Linux holds back new threads while
    // as many as there are cores are running, and the calling thread is one of them.
    let threads = (1..<workers).compactMap { worker in
      WorkerThread.start {
        while !Interrupt.isRaised, let item = progress.take(below: count) {
          body(worker, item)
          progress.finish()
        }
      }
    }
    // A thread that could not start leaves its items to the others.
    // The calling thread is worker 0, so the work starts at once however slowly the pool
    // brings up its threads, and it draws the bar between its own items.
    let clock = ContinuousClock()
    let started = clock.now
    var drawn = clock.now
    var shown = false
    let bar = ProgressBar(total: count, unit: unit)
    let draws = session?.showsProgress ?? false
    while !Interrupt.isRaised, let item = progress.take(below: count) {
      body(0, item)
      progress.finish()
      guard draws, let session else { continue }
      let now = clock.now
      guard now - started > .seconds(1), now - drawn > .milliseconds(100) else { continue }
      let (whole, fraction) = (now - started).components
      session.progress(bar.line(done: progress.done, elapsed: Double(whole) + Double(fraction) / 1e18))
      drawn = now
      shown = true
    }
    for thread in threads { thread.join() }
    if shown { session?.progress(nil) }
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

/// A thread that runs one closure, with Ctrl-C and window resizes blocked so they reach
/// the session's thread, and is waited for with `join`.
private struct WorkerThread {
  #if canImport(Glibc)
    private let thread: pthread_t
  #else
    private let thread: pthread_t?
  #endif

  private final class Work: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
    let work = Unmanaged.passRetained(Work(body))
    // A new thread starts with its creator's signal mask.
    return InterruptSignals.blocked { () -> WorkerThread? in
      #if canImport(Glibc)
        var thread = pthread_t()
      #else
        var thread: pthread_t?
      #endif
      let started = pthread_create(
        &thread, nil,
        { raw in
          let work = Unmanaged<Work>.fromOpaque(raw!)
          work.takeUnretainedValue().body()
          work.release()
          return nil
        }, work.toOpaque())
      guard started == 0 else {
        work.release()
        return nil
      }
      return WorkerThread(thread: thread)
    }
  }

  func join() {
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      pthread_join(thread!, nil)
    #endif
  }
}

/// Ctrl-C and window resizes held back from the calling thread while `body` runs, so
/// that they reach another thread: the session's, whose blocking reads they interrupt.
enum InterruptSignals {
  @discardableResult
  static func blocked<Result>(_ body: () -> Result) -> Result {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGINT)
    sigaddset(&blocked, SIGWINCH)
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return body()
  }
}

/// Objects that workers own: worker `n` alone uses element `n`, so handing them to
/// threads is safe though they are not `Sendable`.
public final class WorkerSpaces<Space>: @unchecked Sendable {
  private let spaces: [Space]

  public init(_ spaces: [Space]) { self.spaces = spaces }

  public subscript(worker: Int) -> Space { spaces[worker] }
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
