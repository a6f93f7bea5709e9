/// Turns the parser's syntax tree into executable nodes.
enum Compiler {
  static func compile(_ statements: [Statement]) -> [StatementNode] { statements.map(compile) }

  static func compile(_ statement: Statement) -> StatementNode {
    switch statement.kind {
    case .pipeline(let pipeline):
      return PipelineStatement(compile(pipeline))
    case .let(let name, let value):
      return LetStatement(name: name, value: compile(value), span: statement.span)
    case .def(let definition):
      return DefStatement(UserCommand(definition: definition, body: compile(definition.body.statements)))
    case .if(let branches, let otherwise):
      return IfStatement(
        conditions: branches.map { compile($0.condition) },
        bodies: branches.map { compile($0.body.statements) },
        otherwise: otherwise.map { compile($0.statements) }, span: statement.span)
    case .for(let variable, let sequence, let body):
      return ForStatement(
        variable: variable, sequence: compile(sequence), body: compile(body.statements), span: statement.span)
    case .try(let body, let handler):
      return TryStatement(
        body: compile(body.statements), errorName: handler?.parameters.first,
        handler: handler.map { compile($0.statements) }, span: statement.span)
    case .return(let value):
      return ReturnStatement(value.map(compile), span: statement.span)
    case .break:
      return LoopControlStatement(isBreak: true, span: statement.span)
    case .continue:
      return LoopControlStatement(isBreak: false, span: statement.span)
    case .source(let path):
      return SourceStatement(path: compile(path), span: statement.span)
    }
  }

  static func compile(_ pipeline: Pipeline) -> PipelineNode {
    PipelineNode(
      elements: pipeline.elements.map { element in
        switch element {
        case .expression(let expression): .expression(compile(expression))
        case .call(let call): .call(compile(call))
        }
      }, span: pipeline.span)
  }

  static func compile(_ call: Call) -> CallNode {
    CallNode(
      name: call.name, nameSpan: call.nameSpan,
      arguments: call.arguments.map { argument in
        switch argument {
        case .positional(let expression): .positional(compile(expression))
        case .flag(let name, let isShort, let value, let span):
          .flag(name: name, isShort: isShort, value: value.map(compile), span: span)
        }
      }, span: call.span)
  }

  static func compile(_ expression: Expression) -> ExpressionNode {
    let span = expression.span
    switch expression.kind {
    case .literal(let value): return LiteralNode(value, span: span)
    case .interpolation(let parts):
      return InterpolationNode(
        parts.map { part in
          switch part {
          case .text(let text): .text(text)
          case .expression(let inner): .node(compile(inner))
          }
        }, span: span)
    case .variable(let name): return VariableNode(name, span: span)
    case .column(let name): return ColumnNode(name, span: span)
    case .columnOrString(let name): return ColumnOrStringNode(name, span: span)
    case .member(let base, let key): return MemberNode(compile(base), key, span: span)
    case .list(let items): return ListNode(items.map(compile), span: span)
    case .record(let fields):
      return RecordNode(keys: fields.map(\.key), values: fields.map { compile($0.value) }, span: span)
    case .closure(let block):
      return ClosureNode(parameters: block.parameters, body: compile(block.statements), span: span)
    case .subexpression(let statements): return SubexpressionNode(compile(statements), span: span)
    case .unary(let op, let operand): return UnaryNode(op, compile(operand), span: span)
    case .binary(.and, let left, let right):
      return LogicalNode(isAnd: true, compile(left), compile(right), span: span)
    case .binary(.or, let left, let right):
      return LogicalNode(isAnd: false, compile(left), compile(right), span: span)
    case .binary(let op, let left, let right):
      return BinaryNode(op, compile(left), compile(right), span: span)
    case .range(let low, let high, let inclusive):
      return RangeNode(compile(low), compile(high), inclusive: inclusive, span: span)
    }
  }
}
