import QuarryCore

/// The export module: graph files for the tools analysts use, and pictures.
public enum ExportPlugin {
  public static let plugin = PluginDescription(
    name: "export", version: QuarryVersion.current,
    summary: "Graph files for Graphviz, Gephi, yEd, Neo4j, networkx, d3 and Mermaid, and pictures",
    commands: [ExportCommand(), RenderCommand()])
}
