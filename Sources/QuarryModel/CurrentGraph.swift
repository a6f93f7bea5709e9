import QuarryCore

/// The session's current graph: the one `graph build` or `graph load` made last. The
/// graph and export modules meet here, since plugins do not import each other.
public final class CurrentGraph: @unchecked Sendable {
  // Used from the session's thread only.
  public var graph: PropertyGraph?

  public static func of(_ session: Session) -> CurrentGraph {
    session.state(CurrentGraph.self) { CurrentGraph() }
  }

  /// The graph a command works on: one piped in, else the current one.
  public static func working(_ invocation: Invocation) throws -> PropertyGraph {
    if case .custom(let value) = invocation.input, let graph = value as? PropertyGraph { return graph }
    if let graph = of(invocation.session).graph { return graph }
    throw invocation.error("there is no graph yet", help: "build one with `graph build` after `extract`")
  }
}
