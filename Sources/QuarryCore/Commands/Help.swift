/// Help text generated from signatures: the one source of usage, flags and examples.
public enum Help {
  /// `help`: every command, grouped by plugin.
  public static func overview(_ session: Session) -> String {
    var output = "Quarry commands, by plugin. 'help COMMAND' shows one in full.\n"
    let registry = session.registry
    for plugin in registry.plugins {
      let names = registry.names.filter { registry.entry($0)?.plugin == plugin.name }
      output += "\n\(plugin.name) — \(plugin.summary)\n"
      if names.isEmpty {
        output += "  (no commands yet)\n"
        continue
      }
      let width = min(24, names.map(\.count).max() ?? 0)
      for name in names {
        let abstract = registry.entry(name)!.signature.abstract
        output += "  " + name.padding(to: width) + "  " + abstract + "\n"
      }
    }
    let definitions = session.definitionNames
    if !definitions.isEmpty {
      output += "\nyour definitions\n"
      let width = min(24, definitions.map(\.count).max() ?? 0)
      for name in definitions {
        output +=
          "  " + name.padding(to: width) + "  " + (session.definition(name)?.signature.abstract ?? "") + "\n"
      }
    }
    output += """

      language
        let NAME = VALUE       bind a variable; $NAME reads it
        def NAME [PARAMS] { }  define a command
        if COND { } else { }   branch;  for X in LIST { }  loop;  try { } catch { |err| }
        source FILE            run a script in this session
        a | b | c              pass each command's value to the next

      """
    return output
  }

  /// `help NAME`: usage, parameters, flags with types and defaults, and examples.
  public static func text(for signature: Signature, plugin: String?) -> String {
    var output = signature.abstract.isEmpty ? "" : signature.abstract + "\n"
    if !signature.discussion.isEmpty { output += "\n" + signature.discussion + "\n" }
    output += "\nUsage:\n  \(signature.usage)\n"
    if !signature.parameters.isEmpty || signature.rest != nil {
      output += "\nParameters:\n"
      var rows: [(String, String)] = []
      for parameter in signature.parameters {
        var detail = parameter.help
        if let value = parameter.defaultValue {
          detail += " (default: \(describe(value)))"
        } else if parameter.isOptional {
          detail += " (optional)"
        }
        rows.append(("\(parameter.name) <\(parameter.type.rawValue)>", detail))
      }
      if let rest = signature.rest { rows.append(("...\(rest.name) <\(rest.type.rawValue)>", rest.help)) }
      output += table(rows)
    }
    output += "\nFlags:\n"
    var rows: [(String, String)] = []
    for flag in signature.flags {
      var left = flag.short.map { "-\($0), " } ?? "    "
      left += "--\(flag.name)"
      if let type = flag.type { left += " <\(type.rawValue)>" }
      var detail = flag.help
      if let value = flag.defaultValue { detail += " (default: \(describe(value)))" }
      rows.append((left, detail))
    }
    rows.append(("-h, --help", "show this help"))
    output += table(rows)
    if signature.input != .none || signature.output != .none {
      output += "\nInput/output:\n  \(signature.input.rawValue) → \(signature.output.rawValue)\n"
    }
    if !signature.examples.isEmpty {
      output += "\nExamples:\n"
      for example in signature.examples {
        output += "  \(example.description):\n    > \(example.example)\n"
        if let result = example.result {
          let rendered = describe(result)
          output += "    \(rendered)\n"
        }
      }
    }
    if let plugin { output += "\nFrom plugin '\(plugin)'.\n" }
    return output
  }

  private static func describe(_ value: Value) -> String {
    switch value {
    case .string(let text): return JSON.encode(.string(text))
    default: return JSON.encode(value)
    }
  }

  private static func table(_ rows: [(String, String)]) -> String {
    let width = min(30, rows.map { $0.0.count }.max() ?? 0)
    return rows.map { "  " + $0.0.padding(to: width) + "  " + $0.1 + "\n" }.joined()
  }
}

extension String {
  func padding(to width: Int) -> String {
    let current = DisplayWidth.of(self)
    return current >= width ? self : self + String(repeating: " ", count: width - current)
  }
}
