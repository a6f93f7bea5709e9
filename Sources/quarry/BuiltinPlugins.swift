import QuarryCore
import QuarryExport
import QuarryExtractor
import QuarryGraph

/// Every plugin compiled into the executable. Adding an in-tree plugin is one line here.
enum BuiltinPlugins {
  static let all: [any Plugin] = [
    ShellPlugin.plugin,
    CorePlugin.plugin,
    ExtractorPlugin.plugin,
    GraphPlugin.plugin,
    ExportPlugin.plugin,
  ]

  static func registry() throws -> CommandRegistry {
    let registry = CommandRegistry()
    for plugin in all { try registry.register(plugin) }
    return registry
  }
}
