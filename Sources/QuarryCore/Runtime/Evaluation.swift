/// What running a piece of source text gave: the values its statements printed, and the
/// errors it raised (a parse error as one `DiagnosticList`).
public struct Evaluation {
  public var values: [Value]
  public var errors: [any Error]
}

extension Session {
  /// Parses and runs `source` in this session on a thread with a large stack, as the
  /// shell does, without printing anything. It stops at the first error unless
  /// `keepGoing`. For embedding Quarry and for plugins' tests.
  public func evaluate(_ source: String, name: String = "<text>", keepGoing: Bool = false) -> Evaluation {
    LargeStack.run {
      var evaluation = Evaluation(values: [], errors: [])
      let interpreter = Interpreter(session: self)
      let block: Block
      do {
        block = try Parser.parse(
          SourceFiles.add(name: name, text: source), conditionCommands: interpreter.conditionCommands)
      } catch {
        evaluation.errors.append(error)
        return evaluation
      }
      interpreter.run(
        block, onValue: { value, _ in evaluation.values.append(value) },
        onError: { error in
          evaluation.errors.append(error)
          return keepGoing
        })
      return evaluation
    }
  }
}
