/// The variables of one function activation (the top level, a `def` call or a closure).
///
/// Blocks of `if`, `for` and `try` share their function's frame, so `let` inside a loop
/// updates the variable the loop started with, as in Python. Lookups scan a short array:
/// faster than hashing for the handful of names a frame holds.
public final class Frame: @unchecked Sendable {
  // A frame is only touched by the thread evaluating its function.
  var names: [String] = []
  var values: [Value] = []
  /// The frame a closure was created in; `nil` for the top level and `def` bodies.
  let parent: Frame?

  init(parent: Frame?) {
    self.parent = parent
  }

  func lookup(_ name: String) -> Value? {
    var frame: Frame? = self
    while let current = frame {
      if let index = current.names.lastIndex(of: name) { return current.values[index] }
      frame = current.parent
    }
    return nil
  }

  /// Binds a name in this frame and returns its slot.
  @discardableResult
  func assign(_ name: String, _ value: Value) -> Int {
    if let index = names.lastIndex(of: name) {
      values[index] = value
      return index
    }
    names.append(name)
    values.append(value)
    return names.count - 1
  }

  /// Every visible name, nearest first, for suggestions.
  var visibleNames: [String] {
    var result: [String] = []
    var frame: Frame? = self
    while let current = frame {
      result.append(contentsOf: current.names.reversed())
      frame = current.parent
    }
    return result
  }
}

/// A block together with the frame it was written in. A class, so that `Value` stays small.
public final class Closure: Sendable {
  let parameters: [String]
  let body: [StatementNode]
  let frame: Frame
  let span: SourceSpan

  init(parameters: [String], body: [StatementNode], frame: Frame, span: SourceSpan) {
    self.parameters = parameters
    self.body = body
    self.frame = frame
    self.span = span
  }
}
