/// The lexer reads in one of two modes, chosen by the parser for each token: in
/// `.command` mode a bare word runs to the next space or delimiter (`Scripts/*.txt`,
/// `--limit`, `2023-05-29`), in `.expression` mode operators split words (`$i%3`).
public enum LexMode: Sendable {
  case command
  case expression
}

public struct Token: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A bare word (command mode) or an identifier (expression mode).
    case word
    case number
    /// `$name`; the text excludes the `$`.
    case variable
    /// `"..."`; the text is what lies between the quotes, escapes undecoded.
    case doubleQuoted
    /// `'...'`, raw.
    case singleQuoted
    /// `--name`, `--name=value` or `-n`; the text includes the dashes.
    case flag
    case `operator`
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, pipe, semicolon, newline
    case endOfInput
    /// Input the lexer cannot make sense of; the text says why.
    case invalid(String)
  }

  public var kind: Kind
  /// Byte offsets of the whole token in the source.
  public var start: Int
  public var end: Int
  /// Byte offsets of the token's content (inside quotes, after `$`).
  public var contentStart: Int
  public var contentEnd: Int
  public var spaceBefore: Bool
}
