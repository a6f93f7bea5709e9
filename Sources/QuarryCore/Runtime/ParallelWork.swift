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
    let work = { @Sendable (worker: Int) in
      while !Interrupt.isRaised, let item = progress.take(below: count) {
        body(worker, item)
        progress.finish()
      }
    }
    // The calling thread is worker 0, so the work starts at once however slowly the other
    // threads wake, and it draws the bar between its own items.
    var shown = false
    let ownShare = {
      let clock = ContinuousClock()
      let started = clock.now
      var drawn = clock.now
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
    }
    if workers == 1 || !WorkerPool.shared.run(workers - 1, work, whileWaiting: ownShare) {
      // Threads of their own: a dispatch queue's pool on Linux holds back new threads
      // while as many as there are cores are running, and the calling thread is one of
      // them. A thread that could not start leaves its items to the others.
      let threads = (1..<workers).compactMap { worker in WorkerThread.start { work(worker) } }
      ownShare()
      for thread in threads { thread.join() }
    }
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

/// Threads kept from one run of work to the next. Starting a thread and joining it takes
/// about 90 µs here, as long as a batch of a few hundred path searches, and PageRank
/// runs once an iteration. One run uses the pool at a time; a run that finds it taken
/// (work started from inside work, or from two threads at once) starts threads of its own.
/// The kept threads, one fewer than the cores, sleep between runs and last as long as
/// the process.
private final class WorkerPool: @unchecked Sendable {
  static let shared = WorkerPool()

  /// One kept thread: it waits to be woken, runs the job it was given, and says so.
  private final class Worker: @unchecked Sendable {
    let wake = Semaphore()
    /// Set before `wake` is raised and read after, so the semaphore orders the two.
    var job: (@Sendable () -> Void)?
  }

  private let inUse = Atomic<Bool>(false)
  private let finished = Semaphore()
  /// Touched only by the run holding `inUse`.
  private var workers: [Worker] = []

  /// Runs `job(1)` to `job(extra)` on kept threads while `ownShare` runs on this one,
  /// and returns once all are done; false, having run nothing, when another run holds
  /// the pool.
  func run(_ extra: Int, _ job: @escaping @Sendable (Int) -> Void, whileWaiting ownShare: () -> Void) -> Bool
  {
    guard inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
      return false
    }
    defer { inUse.store(false, ordering: .releasing) }
    while workers.count < extra, let worker = start() { workers.append(worker) }
    let woken = min(extra, workers.count)
    for index in 0..<woken {
      workers[index].job = { job(index + 1) }
      workers[index].wake.raise()
    }
    ownShare()
    for _ in 0..<woken { finished.wait() }
    return true
  }

  private func start() -> Worker? {
    let worker = Worker()
    let finished = finished
    let started = WorkerThread.start {
      while true {
        worker.wake.wait()
        let job = worker.job
        worker.job = nil
        job?()
        finished.raise()
      }
    }
    return started == nil ? nil : worker
  }
}

/// A count raised by one thread and waited for by another. A waiter first spins a
/// little, since work handed out again within microseconds (PageRank's iterations) would
/// otherwise wait for the thread to be scheduled, then sleeps on a pthread condition.
private final class Semaphore: @unchecked Sendable {
  private let count = Atomic<Int>(0)
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// Waiters asleep on the condition; changed and read under the mutex.
  private var sleeping = 0

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  func raise() {
    count.wrappingAdd(1, ordering: .releasing)
    pthread_mutex_lock(mutex)
    if sleeping > 0 { pthread_cond_signal(condition) }
    pthread_mutex_unlock(mutex)
  }

  func wait() {
    for _ in 0..<200 {
      if take() { return }
      sched_yield()
    }
    pthread_mutex_lock(mutex)
    while !take() {
      sleeping += 1
      pthread_cond_wait(condition, mutex)
      sleeping -= 1
    }
    pthread_mutex_unlock(mutex)
  }

  private func take() -> Bool {
    var seen = count.load(ordering: .relaxed)
    while seen > 0 {
      let (exchanged, now) = count.compareExchange(expected: seen, desired: seen - 1, ordering: .acquiring)
      if exchanged { return true }
      seen = now
    }
    return false
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
