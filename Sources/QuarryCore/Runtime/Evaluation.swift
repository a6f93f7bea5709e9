/// What running a piece of source text gave: the values its statements printed, and the
/// errors it raised (the run goes on after each, as `--keep-going` does).
public struct Evaluation {
  public var values: [Value]
  public var errors: [any Error]
}

extension Session {
  /// Parses and runs `source` in this session on a thread with a large stack, keeping
  /// going after errors. For embedding Quarry and for plugin tests: nothing is printed.
  public func evaluate(_ source: String, name: String = "<text>") -> Evaluation {
    var evaluation = Evaluation(values: [], errors: [])
    let block: Block
    do {
      block = try Parser.parse(SourceFiles.add(name: name, text: source))
    } catch {
      evaluation.errors.append(error)
      return evaluation
    }
    let interpreter = Interpreter(session: self)
    LargeStack.run {
      interpreter.run(
        block, onValue: { value, _ in evaluation.values.append(value) },
        onError: { error in
          evaluation.errors.append(error)
          return false
        })
    }
    return evaluation
  }
}
