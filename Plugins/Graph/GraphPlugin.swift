import QuarryCore

/// The graph module: registered from the start so its commands join the same
/// registry, help and completion as they are built.
public enum GraphPlugin {
  public static let plugin = PluginDescription(
    name: "graph", version: QuarryVersion.current,
    summary: "A property graph of entities, documents and relations, with queries and analytics",
    commands: [
      GraphBuildCommand(), GraphLoadCommand(), GraphStatsCommand(), GraphNodesCommand(), GraphEdgesCommand(),
      GraphNeighborsCommand(), GraphPathCommand(), GraphEgoCommand(), GraphSubgraphCommand(),
      GraphDegreeCommand(), GraphPageRankCommand(), GraphComponentsCommand(), GraphBetweennessCommand(),
      GraphClosenessCommand(), GraphCommunitiesCommand(), GraphCoreCommand(), GraphClusteringCommand(),
      GraphMatchCommand(),
    ])
}
