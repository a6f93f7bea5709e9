import CEditLine
import CLibEdit
import QuarryCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line editing through libedit's native API: emacs keys, history navigation and
/// Ctrl-R search, Tab completion, UTF-8 (the wide-character build, with the locale
/// set), and Ctrl-C that ends the read at once.
public final class LineEditor {
  public enum ReadResult: Equatable {
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
  }

  private var editor: OpaquePointer?
  private var history: OpaquePointer?
  private var prompt: UnsafeMutablePointer<CChar>?
  /// Returns the completion for a line and cursor (a byte offset).
  public var complete: ((String, Int) -> Completer.Completion)?

  public init(program: String = "quarry") {
    history = qe_history_open(1000)
    editor = (qe_open(program, history))
    guard let editor else { return }
    qe_install_resize_handler()
    qe_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
    qe_set_prompt(editor) { editor in
      guard let editor, let data = qe_client_data(editor) else { return nil }
      let owner = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
      return UnsafePointer(owner.prompt)
    }
    qe_add_command(
      editor, "quarry-complete", "Complete the word at the cursor",
      { editor, _ in
        guard let editor, let data = qe_client_data(editor) else { return UInt8(CC_ERROR) }
        let owner = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
        return owner.completeAtCursor(editor)
      }, "^I")
    // libedit's raw mode may deliver Ctrl-C as a key rather than a signal: either way the
    // line is abandoned.
    qe_add_command(
      editor, "quarry-interrupt", "Abandon the line",
      { _, _ in
        Interrupt.raise()
        return UInt8(CC_NEWLINE)
      }, "^C")
  }

  deinit {
    if let editor { el_end(editor) }
    if let history { qe_history_close(history) }
    free(prompt)
  }

  public var isAvailable: Bool { editor != nil }

  /// Adds an entry to the in-memory history that Up, Down and Ctrl-R search.
  public func addHistory(_ entry: String) {
    guard let history else { return }
    qe_history_add(history, entry)
  }

  public func readLine(prompt text: String) -> ReadResult {
    guard let editor else { return .endOfInput }
    free(prompt)
    prompt = strdup(text)
    Interrupt.take()
    var count: Int32 = 0
    let line = el_gets(editor, &count)
    if Interrupt.take() {
      Terminal.writeOut("^C\n")
      return .interrupted
    }
    // Ctrl-D on an empty line, the end of input, or a terminal that went away.
    guard let line, count > 0 else { return .endOfInput }
    var result = String(cString: line)
    if result.hasSuffix("\n") { result.removeLast() }
    return .line(result)
  }

  /// Replaces the word before the cursor with the single candidate or the candidates'
  /// common prefix, or lists the candidates when Tab cannot extend the word.
  private func completeAtCursor(_ editor: OpaquePointer) -> UInt8 {
    guard let complete, let info = el_line(editor) else { return UInt8(CC_ERROR) }
    let info_ = info.pointee
    let length = info_.lastchar - info_.buffer
    let cursor = info_.cursor - info_.buffer
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(info_.buffer).assumingMemoryBound(to: UInt8.self), count: length)
    let line = String(decoding: bytes, as: UTF8.self)
    let completion = complete(line, cursor)
    let candidates = completion.candidates
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let replacement: String
    if candidates.count == 1 {
      let only = candidates[0]
      replacement = only.hasSuffix("/") ? only : only + " "
    } else {
      let common = Completer.commonPrefix(candidates)
      if common.count > completion.word.count {
        replacement = common
      } else {
        printCandidates(candidates)
        return UInt8(CC_REDISPLAY)
      }
    }
    el_deletestr(editor, Int32(completion.word.unicodeScalars.count))
    el_insertstr(editor, replacement)
    return UInt8(CC_REFRESH)
  }

  private func printCandidates(_ candidates: [String]) {
    let width = (Terminal.width ?? 80)
    let column = (candidates.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    let perLine = max(1, width / column)
    var output = "\n"
    for (index, candidate) in candidates.prefix(200).enumerated() {
      output += candidate + String(repeating: " ", count: column - DisplayWidth.of(candidate))
      if (index + 1) % perLine == 0 { output += "\n" }
    }
    if candidates.count > 200 { output += "\n… \(candidates.count - 200) more" }
    if !output.hasSuffix("\n") { output += "\n" }
    Terminal.writeOut(output)
  }
}
