/// The syntax tree the parser builds and the interpreter walks.

/// A sequence of statements: a script, a block or a closure body.
public struct Block: Sendable {
  /// Parameters of a closure (`{ |row| ... }`), empty for plain blocks.
  public var parameters: [String]
  public var statements: [Statement]
  public var span: SourceSpan
}

public struct Statement: Sendable {
  public indirect enum Kind: Sendable {
    case pipeline(Pipeline)
    case `let`(name: String, value: Pipeline)
    case def(Definition)
    case `if`(branches: [(condition: Expression, body: Block)], otherwise: Block?)
    case `for`(variable: String, sequence: Expression, body: Block)
    case `try`(body: Block, handler: Block?)
    case `return`(Pipeline?)
    case `break`
    case `continue`
    case source(Expression)
  }

  public var kind: Kind
  public var span: SourceSpan
}

/// `a | b | c`: each element takes the previous one's value as its input.
public struct Pipeline: Sendable {
  public var elements: [PipelineElement]
  public var span: SourceSpan
}

public enum PipelineElement: Sendable {
  case expression(Expression)
  case call(Call)

  public var span: SourceSpan {
    switch self {
    case .expression(let expression): expression.span
    case .call(let call): call.span
    }
  }
}

/// A command invocation as written: the name and its arguments, bound to the
/// command's signature only when it runs, so that commands defined later still work.
public struct Call: Sendable {
  public var name: String
  public var nameSpan: SourceSpan
  public var arguments: [Argument]
  public var span: SourceSpan
}

public enum Argument: Sendable {
  case positional(Expression)
  /// `--name`, `--name=value` or `-n`; `value` is set only for the `=` form.
  case flag(name: String, isShort: Bool, value: Expression?, span: SourceSpan)

  public var span: SourceSpan {
    switch self {
    case .positional(let expression): expression.span
    case .flag(_, _, _, let span): span
    }
  }
}

/// `def name [params] { body }`.
public struct Definition: Sendable {
  public var name: String
  public var nameSpan: SourceSpan
  public var parameters: [DefinitionParameter]
  public var body: Block
  /// The `#` comment block just above the definition.
  public var help: String
  public var span: SourceSpan
}

public struct DefinitionParameter: Sendable {
  public var name: String
  public var isFlag: Bool
  public var short: Character?
  public var typeName: String?
  public var defaultValue: Expression?
  public var isOptional: Bool
  public var span: SourceSpan
}

public enum BinaryOperator: String, Sendable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case modulo = "%"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case matches = "=~"
  case notMatches = "!~"
  case and = "and"
  case or = "or"
  case `in` = "in"
  case notIn = "not-in"
  case contains = "contains"
  case startsWith = "starts-with"
  case endsWith = "ends-with"
}

public enum UnaryOperator: String, Sendable {
  case negate = "-"
  case not = "not"
}

/// A field or index after a dot: `$row.name`, `$list.0`.
public enum MemberKey: Sendable {
  case name(String)
  case index(Int)
}

public struct Expression: Sendable {
  public indirect enum Kind: Sendable {
    case literal(Value)
    case interpolation([InterpolationPart])
    case variable(String)
    /// A bare word inside a row condition: the current row's column.
    case column(String)
    /// A bare word on the right of a comparison in a row condition: the column when the
    /// row has one of that name, else the word as a string (`where type == PERSON`).
    case columnOrString(String)
    case member(Expression, MemberKey)
    case list([Expression])
    case record([(key: String, value: Expression)])
    case closure(Block)
    case subexpression([Statement])
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case range(Expression, Expression, inclusive: Bool)
  }

  public var kind: Kind
  public var span: SourceSpan
}

public enum InterpolationPart: Sendable {
  case text(String)
  case expression(Expression)
}
