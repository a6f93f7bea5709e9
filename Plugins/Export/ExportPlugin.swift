import QuarryCore

/// The export module: registered from the start so its commands join the same
/// registry, help and completion as they are built.
public enum ExportPlugin {
  public static let plugin = PluginDescription(
    name: "export", version: QuarryVersion.current,
    summary: "Graph files for Graphviz, Gephi, yEd, Neo4j, networkx, d3 and Mermaid", commands: [])
}
