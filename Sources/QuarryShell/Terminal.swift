import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the process's terminal, and the signal set-up every mode needs.
public enum Terminal {
  public static var inputIsTerminal: Bool { isatty(0) != 0 }
  public static var outputIsTerminal: Bool { isatty(1) != 0 }
  public static var errorIsTerminal: Bool { isatty(2) != 0 }

  /// The width of the terminal on stdout, if it is one.
  public static var width: Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Colour on a terminal unless NO_COLOR is set (https://no-color.org).
  public static func wantsColor(onTerminal: Bool) -> Bool {
    guard onTerminal else { return false }
    if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return true
  }

  /// Sets LC_CTYPE from the environment, falling back to C.UTF-8 when that is not
  /// UTF-8: libedit silently drops non-ASCII input otherwise.
  public static func configureLocale() {
    let current = setlocale(LC_CTYPE, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    if current == nil || codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
  }

  /// Writes straight to standard output, past any buffer (for the line editor).
  public static func writeOut(_ text: String) {
    OutputStream.standardOutput.flush()
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
  }

  /// SIGINT raises `Interrupt` instead of killing the process (no SA_RESTART, so a
  /// blocking read returns), and SIGPIPE is ignored so a closed pipe or a dead plugin
  /// cannot kill the shell.
  public static func installSignalHandlers() {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in Interrupt.raise() }
    #else
      action.__sigaction_u.__sa_handler = { _ in Interrupt.raise() }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    signal(SIGPIPE, SIG_IGN)
    // A parent may have started us with these blocked (dispatch's worker threads block
    // every signal, and children inherit the mask): Ctrl-C must get through.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, SIGINT)
    sigaddset(&unblocked, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
  }
}
