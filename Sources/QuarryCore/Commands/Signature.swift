/// The type a parameter or flag accepts, checked when a call is bound.
public enum ParameterType: String, Sendable, CaseIterable {
  case string, int, float, bool, path, date, list, record, any, closure
  /// A row condition (`where mentions > 2`): bare words name the current row's columns.
  case condition
  /// A number: an int or a float.
  case number

  static let names: Set<String> = Set(allCases.map(\.rawValue))
}

/// The kind of value a command takes from the pipeline or gives back.
public enum ValueKind: String, Sendable {
  case none, any, string, list, record, table, graph
}

/// Where tab completion finds candidates for a parameter's value.
public enum CompletionSource: Sendable {
  case none
  case paths
  case commands
  /// A fixed set of values, such as entity types or output formats.
  case values([String])
  /// Values read from the session when Tab is pressed, such as entity names.
  case dynamic(@Sendable (Session) -> [String])
}

public struct Parameter: Sendable {
  public var name: String
  public var type: ParameterType
  public var help: String
  public var isOptional: Bool
  public var defaultValue: Value?
  public var completion: CompletionSource

  public init(
    _ name: String, _ type: ParameterType = .string, help: String, optional: Bool = false,
    default defaultValue: Value? = nil, completion: CompletionSource? = nil
  ) {
    self.name = name
    self.type = type
    self.help = help
    self.isOptional = optional || defaultValue != nil
    self.defaultValue = defaultValue
    self.completion = completion ?? (type == .path ? .paths : .none)
  }
}

public struct Flag: Sendable {
  public var name: String
  public var short: Character?
  /// `nil` for a switch, which takes no value.
  public var type: ParameterType?
  public var help: String
  public var defaultValue: Value?
  public var completion: CompletionSource

  public init(
    _ name: String, short: Character? = nil, _ type: ParameterType? = nil, help: String,
    default defaultValue: Value? = nil, completion: CompletionSource? = nil
  ) {
    self.name = name
    self.short = short
    self.type = type
    self.help = help
    self.defaultValue = defaultValue
    self.completion = completion ?? (type == .path ? .paths : .none)
  }

  public var isSwitch: Bool { type == nil }
}

/// A worked example in a command's help; tests run every one and check `result`.
public struct Example: Sendable {
  public var example: String
  public var description: String
  /// The value the example gives; `nil` when it depends on the session or the files.
  public var result: Value?

  public init(_ example: String, _ description: String, result: Value? = nil) {
    self.example = example
    self.description = description
    self.result = result
  }
}

/// Everything the shell knows about a command: help, usage, completion and argument
/// checking are all generated from it.
public struct Signature: Sendable {
  public var name: String
  public var abstract: String
  public var discussion: String
  public var parameters: [Parameter]
  /// Takes any number of further positional arguments of this parameter's type.
  public var rest: Parameter?
  public var flags: [Flag]
  public var input: ValueKind
  public var output: ValueKind
  public var examples: [Example]

  public init(
    _ name: String, abstract: String, discussion: String = "", parameters: [Parameter] = [],
    rest: Parameter? = nil, flags: [Flag] = [], input: ValueKind = .none, output: ValueKind = .any,
    examples: [Example] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.parameters = parameters
    self.rest = rest
    self.flags = flags
    self.input = input
    self.output = output
    self.examples = examples
  }

  public func flag(named name: String) -> Flag? { flags.first { $0.name == name } }
  public func flag(short: Character) -> Flag? { flags.first { $0.short == short } }

  /// `name <required> [optional] [--flag <type>]...`
  public var usage: String {
    var parts = [name]
    for parameter in parameters {
      parts.append(parameter.isOptional ? "[\(parameter.name)]" : "<\(parameter.name)>")
    }
    if let rest { parts.append("[\(rest.name)...]") }
    if !flags.isEmpty { parts.append("[flags]") }
    return parts.joined(separator: " ")
  }
}
