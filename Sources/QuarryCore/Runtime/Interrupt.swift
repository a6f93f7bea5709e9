import Synchronization

/// Ctrl-C as seen by running commands: the shell's SIGINT handler raises it, and
/// long-running work calls `Interrupt.check()` to stop at a safe point.
public enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  /// Called from the signal handler: an atomic store, safe there.
  public static func raise() { flag.store(true, ordering: .relaxed) }

  public static var isRaised: Bool { flag.load(ordering: .relaxed) }

  /// Clears a pending interrupt and tells whether there was one.
  @discardableResult
  public static func take() -> Bool { flag.exchange(false, ordering: .relaxed) }

  /// Throws `Interrupted` when Ctrl-C was pressed.
  @inline(__always)
  public static func check() throws(Interrupted) {
    if flag.load(ordering: .relaxed) { throw Interrupted() }
  }
}

/// Thrown when the user interrupts a running command.
public struct Interrupted: Error, Sendable {
  public init() {}
}
