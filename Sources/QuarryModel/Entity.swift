/// An entity across the workspace: one per canonical name and type.
public struct Entity: Sendable {
  public var id: Int
  public var name: String
  public var type: EntityType
  /// Other names the entity goes by in the text, in order of first appearance.
  public var aliases: [String]
  public var mentionCount: Int
  public var documentCount: Int
  /// The last document counted in `documentCount`.
  var lastDocument: Int
}
