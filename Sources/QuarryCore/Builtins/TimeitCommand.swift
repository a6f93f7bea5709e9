/// `timeit`: how long a closure takes, for measuring from scripts.
public struct TimeitCommand: Command {
  public init() {}
  public let signature = Signature(
    "timeit", abstract: "Run a closure and give the seconds it took",
    parameters: [Parameter("closure", .closure, help: "the work to time, such as { documents | count }")],
    input: .any, output: .any,
    examples: [Example("(timeit { 1..1000 | sum }) >= 0", "seconds, never negative", result: .bool(true))])

  public func run(_ invocation: Invocation) throws -> Value {
    guard case .closure(let closure)? = invocation.value("closure") else {
      throw invocation.error("'timeit' needs a closure")
    }
    let start = ContinuousClock.now
    _ = try invocation.call(closure, with: [], input: invocation.input)
    let elapsed = ContinuousClock.now - start
    return .float(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
}
