import QuarryCore

/// Everything the session has ingested and extracted, shared by the plugins through
/// the session's state store.
public final class Workspace: @unchecked Sendable {
  // Used from the session's thread only.
  public private(set) var documents: [Document] = []
  private var contentHashes: Set<UInt64> = []
  private var identifiers: Set<String> = []
  /// What extraction found, by document index; nil where a document is not extracted yet.
  public private(set) var annotations: [DocumentAnnotations?] = []
  public private(set) var entities: [Entity] = []
  private var entityIndex: [EntityKey: Int] = [:]

  private struct EntityKey: Hashable {
    var name: String
    var type: EntityType
  }

  public init() {}

  /// The workspace of a session, made on first use.
  public static func of(_ session: Session) -> Workspace {
    session.state(Workspace.self) { Workspace() }
  }

  public enum AddResult: Equatable, Sendable {
    case added
    /// The same text is already in the workspace.
    case duplicate
  }

  /// Adds a document unless its text is already present; a clashing id gets a suffix.
  @discardableResult
  public func add(_ document: Document) -> AddResult {
    let hash = Workspace.contentHash(document.text)
    guard contentHashes.insert(hash).inserted else { return .duplicate }
    var document = document
    if identifiers.contains(document.id) {
      var counter = 2
      while identifiers.contains("\(document.id)-\(counter)") { counter += 1 }
      document.id = "\(document.id)-\(counter)"
    }
    identifiers.insert(document.id)
    documents.append(document)
    annotations.append(nil)
    return .added
  }

  /// Indices of the documents not extracted yet.
  public var pendingDocuments: [Int] { annotations.indices.filter { annotations[$0] == nil } }

  /// Records what extraction found in document `index` and adds its entities.
  public func setAnnotations(_ found: DocumentAnnotations, forDocument index: Int) {
    precondition(annotations[index] == nil, "a document is extracted once")
    annotations[index] = found
    for mention in found.mentions { count(mention, inDocument: index) }
  }

  private func count(_ mention: Mention, inDocument index: Int) {
    guard let (name, type) = entityKey(of: mention) else { return }
    let key = EntityKey(name: name, type: type)
    let id: Int
    if let existing = entityIndex[key] {
      id = existing
    } else {
      id = entities.count
      entityIndex[key] = id
      entities.append(
        Entity(
          id: id + 1, name: name, type: type, aliases: [], mentionCount: 0, documentCount: 0, lastDocument: -1
        ))
    }
    entities[id].mentionCount += 1
    if entities[id].lastDocument != index {
      entities[id].lastDocument = index
      entities[id].documentCount += 1
    }
    for alias in [mention.canonical, mention.text].compactMap({ $0 })
    where alias != name && !entities[id].aliases.contains(alias) {
      entities[id].aliases.append(alias)
    }
  }

  // MARK: Corrections by hand

  /// Names merged into others by `merge`: merged name → the name it joined.
  public private(set) var merges: [String: String] = [:]
  /// The type each merged name takes: its target's.
  private var mergedTypes: [String: EntityType] = [:]

  /// The name an entity name stands for after the merges.
  public func resolve(_ name: String) -> String {
    var current = name
    var steps = 0
    while let next = merges[current], steps < 64 {
      current = next
      steps += 1
    }
    return current
  }

  /// The canonical name and type a mention refers to, merges applied; nil for values.
  public func entityKey(of mention: Mention) -> (name: String, type: EntityType)? {
    guard let (name, type) = mention.entityKey else { return nil }
    let resolved = resolve(name)
    return resolved == name ? (name, type) : (resolved, mergedTypes[name] ?? type)
  }

  public enum MergeError: Error, Equatable, CustomStringConvertible {
    case same(String)
    case notMerged(String)

    public var description: String {
      switch self {
      case .same(let name): "'\(name)' cannot be merged with itself"
      case .notMerged(let name): "'\(name)' was not merged into anything"
      }
    }
  }

  /// Makes every mention of `name` count as one of `target`, in the documents extracted
  /// so far and those to come.
  public func merge(_ name: String, into target: String) throws(MergeError) {
    let resolvedTarget = resolve(target)
    guard resolve(name) != resolvedTarget else { throw .same(name) }
    merges[name] = resolvedTarget
    mergedTypes[name] = entities.first(where: { $0.name == resolvedTarget })?.type
    rebuildEntities()
  }

  /// Undoes `merge` of `name`: it is its own entity again.
  public func unmerge(_ name: String) throws(MergeError) {
    guard merges.removeValue(forKey: name) != nil else { throw .notMerged(name) }
    mergedTypes[name] = nil
    rebuildEntities()
  }

  /// Counts every extracted mention again, merges applied.
  private func rebuildEntities() {
    entities = []
    entityIndex = [:]
    for (index, found) in annotations.enumerated() {
      guard let found else { continue }
      for mention in found.mentions { count(mention, inDocument: index) }
    }
  }

  /// The entity with this canonical name and type.
  public func entity(named name: String, type: EntityType) -> Entity? {
    entityIndex[EntityKey(name: name, type: type)].map { entities[$0] }
  }

  /// How many documents have been extracted.
  public var extractedCount: Int { annotations.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

  /// 64-bit FNV-1a of the UTF-8 text: enough to tell re-ingested content apart.
  public static func contentHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
