/// The meaning of each binary operator on each pair of value types.
enum Operators {
  static func apply(
    _ op: BinaryOperator, _ left: Value, _ right: Value, span: SourceSpan,
    regexCache: inout [String: Regex<AnyRegexOutput>]
  ) throws -> Value {
    func unsupported() -> Diagnostic {
      Diagnostic("'\(op.rawValue)' cannot be applied to \(left.typeName) and \(right.typeName)", at: span)
    }
    switch op {
    case .add:
      switch (left, right) {
      case (.int(let a), .int(let b)):
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw Diagnostic("integer overflow in \(a) + \(b)", at: span) }
        return .int(sum)
      case (.string(let a), .string(let b)): return .string(a + b)
      case (.list(let a), .list(let b)): return .list(a + b)
      case (.date(let date), .int(let days)), (.int(let days), .date(let date)):
        return .date(date.adding(days: days))
      default:
        if let a = left.doubleValue, let b = right.doubleValue { return .float(a + b) }
        throw unsupported()
      }
    case .subtract:
      switch (left, right) {
      case (.int(let a), .int(let b)):
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw Diagnostic("integer overflow in \(a) - \(b)", at: span) }
        return .int(difference)
      case (.date(let a), .date(let b)): return .int(a.daysSinceEpoch - b.daysSinceEpoch)
      case (.date(let date), .int(let days)): return .date(date.adding(days: -days))
      default:
        if let a = left.doubleValue, let b = right.doubleValue { return .float(a - b) }
        throw unsupported()
      }
    case .multiply:
      switch (left, right) {
      case (.int(let a), .int(let b)):
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw Diagnostic("integer overflow in \(a) * \(b)", at: span) }
        return .int(product)
      case (.string(let text), .int(let count)), (.int(let count), .string(let text)):
        guard count >= 0 && count.multipliedReportingOverflow(by: text.utf8.count).partialValue < 100_000_000
        else {
          throw Diagnostic("cannot repeat a string \(count) times", at: span)
        }
        return .string(String(repeating: text, count: count))
      default:
        if let a = left.doubleValue, let b = right.doubleValue { return .float(a * b) }
        throw unsupported()
      }
    case .divide:
      switch (left, right) {
      case (.int, .int(0)), (.float, .int(0)):
        throw Diagnostic("division by zero", at: span)
      case (.int(let a), .int(let b)):
        // Exact quotients stay integers; others become floats rather than truncating.
        if a % b == 0 && !(a == Int.min && b == -1) { return .int(a / b) }
        return .float(Double(a) / Double(b))
      default:
        guard let a = left.doubleValue, let b = right.doubleValue else { throw unsupported() }
        if b == 0 { throw Diagnostic("division by zero", at: span) }
        return .float(a / b)
      }
    case .modulo:
      switch (left, right) {
      case (_, .int(0)): throw Diagnostic("division by zero in '%'", at: span)
      case (.int(let a), .int(let b)):
        if b == -1 { return .int(0) }
        return .int(a % b)
      default:
        guard let a = left.doubleValue, let b = right.doubleValue else { throw unsupported() }
        if b == 0 { throw Diagnostic("division by zero in '%'", at: span) }
        return .float(a.truncatingRemainder(dividingBy: b))
      }
    case .equal: return .bool(left.isEqual(to: right) || dateEqualsText(left, right))
    case .notEqual: return .bool(!(left.isEqual(to: right) || dateEqualsText(left, right)))
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      if left.isNull || right.isNull { return .bool(false) }
      guard left.isOrderable(with: right) else {
        throw Diagnostic(
          "cannot compare \(left.typeName) with \(right.typeName) using '\(op.rawValue)'", at: span)
      }
      let order = orderedComparison(left, right)
      switch op {
      case .less: return .bool(order < 0)
      case .lessOrEqual: return .bool(order <= 0)
      case .greater: return .bool(order > 0)
      default: return .bool(order >= 0)
      }
    case .matches, .notMatches:
      guard case .string(let pattern) = right else {
        throw Diagnostic(
          "the right side of '\(op.rawValue)' must be a regex string, but got \(right.typeName)", at: span)
      }
      if left.isNull { return .bool(op == .notMatches) }
      guard case .string(let text) = left else {
        throw Diagnostic("'\(op.rawValue)' needs a string on the left, but got \(left.typeName)", at: span)
      }
      let regex: Regex<AnyRegexOutput>
      if let cached = regexCache[pattern] {
        regex = cached
      } else {
        do {
          regex = try Regex(pattern)
        } catch {
          throw Diagnostic("invalid regular expression '\(pattern)': \(error)", at: span)
        }
        regexCache[pattern] = regex
      }
      let found = (try? regex.firstMatch(in: text)) != nil
      return .bool(op == .matches ? found : !found)
    case .in, .notIn:
      let found: Bool
      switch (left, right) {
      case (_, .list(let items)): found = items.contains { $0.isEqual(to: left) }
      case (.string(let needle), .string(let haystack)): found = haystack.contains(needle)
      case (.string(let key), .record(let record)): found = record[key] != nil
      case (_, .table):
        found = right.listElements!.contains { $0.isEqual(to: left) }
      default: throw unsupported()
      }
      return .bool(op == .in ? found : !found)
    case .contains:
      switch (left, right) {
      case (.string(let haystack), .string(let needle)): return .bool(haystack.contains(needle))
      case (.list(let items), _): return .bool(items.contains { $0.isEqual(to: right) })
      case (.null, _): return .bool(false)
      default: throw unsupported()
      }
    case .startsWith, .endsWith:
      if left.isNull { return .bool(false) }
      guard case .string(let text) = left, case .string(let affix) = right else { throw unsupported() }
      return .bool(op == .startsWith ? text.hasPrefix(affix) : text.hasSuffix(affix))
    case .and, .or:
      guard case .bool(let a) = left, case .bool(let b) = right else { throw unsupported() }
      return .bool(op == .and ? a && b : a || b)
    }
  }

  private static func dateEqualsText(_ left: Value, _ right: Value) -> Bool {
    switch (left, right) {
    case (.date(let date), .string(let text)), (.string(let text), .date(let date)):
      return CalendarDate(iso: text) == date
    default: return false
    }
  }

  private static func orderedComparison(_ left: Value, _ right: Value) -> Int {
    switch (left, right) {
    case (.date, .string(let text)): return left.compare(to: .date(CalendarDate(iso: text)!))
    case (.string(let text), .date): return Value.date(CalendarDate(iso: text)!).compare(to: right)
    default: return left.compare(to: right)
    }
  }
}
