/// A command the language can call. One type holds the whole declaration: its
/// signature (from which help, usage, completion and argument checks are made) and
/// what it does.
public protocol Command: Sendable {
  var signature: Signature { get }
  /// Runs the command. `invocation.input` is the pipeline's value (`.null` when none).
  func run(_ invocation: Invocation) throws -> Value
}

/// A set of commands registered with the host under one name.
public protocol Plugin: Sendable {
  var name: String { get }
  var version: String { get }
  var summary: String { get }
  var commands: [any Command] { get }
}

/// A plugin assembled from values, for the host's own commands and for tests.
public struct PluginDescription: Plugin {
  public var name: String
  public var version: String
  public var summary: String
  public var commands: [any Command]

  public init(name: String, version: String, summary: String, commands: [any Command]) {
    self.name = name
    self.version = version
    self.summary = summary
    self.commands = commands
  }
}

/// A command given by a closure: handy for small built-ins and tests.
public struct ClosureCommand: Command {
  public let signature: Signature
  let body: @Sendable (Invocation) throws -> Value

  public init(_ signature: Signature, run body: @escaping @Sendable (Invocation) throws -> Value) {
    self.signature = signature
    self.body = body
  }

  public func run(_ invocation: Invocation) throws -> Value { try body(invocation) }
}
