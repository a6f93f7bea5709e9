import QuarryCore
import QuarryExport
import QuarryExtractor
import QuarryGraph
import QuarryKeywords
import QuarryPluginHost

/// Every plugin compiled into the executable. Adding an in-tree plugin is one line here.
enum BuiltinPlugins {
  static let all: [any Plugin] = [
    ShellPlugin.plugin,
    CorePlugin.plugin,
    PluginHostPlugin.plugin(),
    ExtractorPlugin.plugin,
    GraphPlugin.plugin,
    ExportPlugin.plugin,
    KeywordsPlugin.plugin,
  ]

  /// The built-in plugins, then the out-of-tree plugins recorded with `plugin add`.
  static func registry(warn: (String) -> Void) throws -> CommandRegistry {
    let registry = CommandRegistry()
    for plugin in all { try registry.register(plugin) }
    for warning in PluginRegistryFile().registerRecorded(into: registry) { warn(warning) }
    return registry
  }
}
