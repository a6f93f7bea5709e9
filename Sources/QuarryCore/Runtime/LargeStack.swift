#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on a thread with a large stack, so that deep recursion in a script meets
/// the interpreter's recursion limit and the parser's nesting limit, never the end of
/// the stack.
public enum LargeStack {
  public static let size = 512 << 20

  public static func run<Result>(_ body: @escaping () -> Result) -> Result {
    var result: Result?
    let work = Work { result = body() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, size)
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let started = pthread_create(
      &thread, &attributes,
      { raw in
        Unmanaged<Work>.fromOpaque(raw!).takeUnretainedValue().body()
        return nil
      }, Unmanaged.passUnretained(work).toOpaque())
    pthread_attr_destroy(&attributes)
    guard started == 0 else { return body() }
    // Signals go to a thread that does not block them: leave Ctrl-C and resizes to the
    // worker, whose blocking reads they must interrupt, while this thread waits.
    InterruptSignals.blocked {
      #if canImport(Glibc)
        pthread_join(thread, nil)
      #else
        pthread_join(thread!, nil)
      #endif
    }
    return result!
  }

  /// Carries the work to the thread; the caller waits for it with a join.
  private final class Work: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }
}
