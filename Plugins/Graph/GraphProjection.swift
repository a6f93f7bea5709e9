import QuarryCore
import QuarryModel

/// Builds graphs from what the workspace extracted: the relation graph (entities joined
/// by roles, memberships and events), the co-occurrence graph (entities named in the same
/// sentence or article, weighted by how often) and the entity–document graph.
struct GraphProjection {
  enum Kind: String {
    case relations, cooccurrence, bipartite
  }

  var kind: Kind = .relations
  /// For co-occurrence: entities in the same sentence, or anywhere in the same article.
  var sentenceWindow = true
  var minimumWeight = 1.0
  /// Only entities of these types (nil: all).
  var types: Set<EntityType>?
  var since: CalendarDate?
  var until: CalendarDate?
  /// For the relation graph: also the things entities act on, as THING nodes.
  var things = false

  /// Whether entities of this type are kept (`--type`).
  private func keeps(_ type: EntityType) -> Bool { types?.contains(type) ?? true }

  func build(_ workspace: Workspace) -> PropertyGraph {
    var builder = PropertyGraph.Builder()
    var typeOf: [String: EntityType] = [:]
    for entity in workspace.entities where typeOf[entity.name] == nil { typeOf[entity.name] = entity.type }
    func keepsDocument(_ document: Document) -> Bool {
      if let since, let date = document.date, date < since { return false }
      if let until, let date = document.date, date > until { return false }
      if (since != nil || until != nil) && document.date == nil { return false }
      return true
    }
    switch kind {
    case .relations:
      for (index, found) in workspace.annotations.enumerated() {
        guard let found, keepsDocument(workspace.documents[index]) else { continue }
        let id = workspace.documents[index].id
        for relation in found.relations {
          let subject = workspace.resolve(relation.subject)
          let object = relation.predicate == "role" ? relation.object : workspace.resolve(relation.object)
          let subjectType = typeOf[subject] ?? .miscellaneous
          // Parties from "R-Calif." are organisations, and states places, though not mentions.
          let fallback: EntityType =
            relation.predicate == "member_of"
            ? .organization : relation.predicate == "represents" ? .geopolitical : .miscellaneous
          let objectType = relation.predicate == "role" ? EntityType.title : (typeOf[object] ?? fallback)
          guard keeps(subjectType), relation.predicate == "role" || keeps(objectType) else { continue }
          let from = builder.node(subject, label: subjectType.rawValue)
          let to = builder.node(object, label: objectType.rawValue)
          builder.edge(
            from, to, type: relation.negated ? "not " + relation.predicate : relation.predicate,
            weight: relation.confidence, document: id, sentence: Int(relation.sentence), date: relation.date)
        }
        if things {
          addThings(found, document: workspace.documents[index], to: &builder, typeOf: typeOf, workspace)
        }
      }
    case .cooccurrence:
      // Entities by number and pairs as one 64-bit key, so that counting the pairs of
      // 100,000 articles hashes integers rather than strings.
      var number: [String: Int32] = [:]
      var names: [String] = []
      var weights: [UInt64: Double] = [:]
      var order: [UInt64] = []
      var members: [(window: Int32, entity: Int32)] = []
      for (index, found) in workspace.annotations.enumerated() {
        guard let found, keepsDocument(workspace.documents[index]) else { continue }
        members.removeAll(keepingCapacity: true)
        for mention in found.mentions {
          guard let (name, type) = workspace.entityKey(of: mention), type != .title, keeps(type) else {
            continue
          }
          let entity: Int32
          if let known = number[name] {
            entity = known
          } else {
            entity = Int32(names.count)
            number[name] = entity
            names.append(name)
          }
          members.append((sentenceWindow ? mention.sentence : 0, entity))
        }
        // By window, then by name; each entity once a window.
        members.sort {
          $0.window != $1.window ? $0.window < $1.window : names[Int($0.entity)] < names[Int($1.entity)]
        }
        var start = 0
        while start < members.count {
          var end = start
          var group: [Int32] = []
          while end < members.count && members[end].window == members[start].window {
            if group.last != members[end].entity { group.append(members[end].entity) }
            end += 1
          }
          for first in group.indices {
            for second in group.indices where second > first {
              let pair = UInt64(UInt32(group[first])) << 32 | UInt64(UInt32(group[second]))
              if weights[pair] == nil { order.append(pair) }
              weights[pair, default: 0] += 1
            }
          }
          start = end
        }
      }
      for pair in order where weights[pair]! >= minimumWeight {
        let (a, b) = (names[Int(pair >> 32)], names[Int(pair & 0xFFFF_FFFF)])
        let from = builder.node(a, label: (typeOf[a] ?? .miscellaneous).rawValue)
        let to = builder.node(b, label: (typeOf[b] ?? .miscellaneous).rawValue)
        builder.edge(from, to, type: "co_occurs", weight: weights[pair]!)
      }
    case .bipartite:
      for (index, found) in workspace.annotations.enumerated() {
        let document = workspace.documents[index]
        guard let found, keepsDocument(document) else { continue }
        var counts: [String: Double] = [:]
        var names: [String] = []
        for mention in found.mentions {
          guard let (name, type) = workspace.entityKey(of: mention), type != .title, keeps(type) else {
            continue
          }
          if counts[name] == nil { names.append(name) }
          counts[name, default: 0] += 1
        }
        let documentNode = builder.node("doc:" + document.id, label: "DOCUMENT")
        for name in names {
          let entity = builder.node(name, label: (typeOf[name] ?? .miscellaneous).rawValue)
          builder.edge(
            entity, documentNode, type: "mentioned_in", weight: counts[name]!, document: document.id)
        }
      }
    }
    describeNodes(&builder, workspace)
    return builder.build(kind: kind.rawValue, directed: kind != .cooccurrence)
  }

  /// "China launched large-scale exercises": an entity's clause whose object names no
  /// entity joins the entity to a THING node named by the object's noun and the words
  /// that modify it, the edge typed by the verb (with "not " where negated).
  private func addThings(
    _ found: DocumentAnnotations, document: Document, to builder: inout PropertyGraph.Builder,
    typeOf: [String: EntityType], _ workspace: Workspace
  ) {
    var scalars: [Unicode.Scalar]?
    for clause in found.clauses where clause.kind == .verb {
      guard let subject = clause.subject?.entities.first, let object = clause.object, object.entities.isEmpty,
        let noun = clause.objectNoun
      else { continue }
      if scalars == nil { scalars = Array(document.text.unicodeScalars) }
      let start = Int(noun.start)
      let end = Int(noun.end)
      guard start >= 0, start < end, end <= scalars!.count, end - start <= 80 else { continue }
      var name = ""
      name.unicodeScalars.append(contentsOf: scalars![start..<end])
      name = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard name.contains(where: \.isLetter) else { continue }
      let entity = workspace.resolve(subject)
      let type = typeOf[entity] ?? .miscellaneous
      guard keeps(type) else { continue }
      let from = builder.node(entity, label: type.rawValue)
      let to = builder.node(name, label: "THING")
      builder.edge(
        from, to, type: clause.negated ? "not " + clause.predicate : clause.predicate, weight: 1,
        document: document.id, sentence: Int(clause.sentence), date: document.date?.description)
    }
  }

  /// Node properties from the workspace, for export and `graph nodes`: an entity's
  /// aliases, mention and article counts, and the dates of the first and last articles
  /// naming it (`first_seen`, `last_seen`, which Gephi's timeline plays); an article's
  /// date and title.
  private func describeNodes(_ builder: inout PropertyGraph.Builder, _ workspace: Workspace) {
    let count = builder.nodeCount
    guard count > 0 else { return }
    var aliases = [Value](repeating: .null, count: count)
    var mentions = [Value](repeating: .null, count: count)
    var documents = [Value](repeating: .null, count: count)
    var described = false
    for entity in workspace.entities {
      guard let node = builder.existingNode(entity.name).map(Int.init), mentions[node].isNull else {
        continue
      }
      described = true
      aliases[node] = .list(entity.aliases.map(Value.string))
      mentions[node] = .int(entity.mentionCount)
      documents[node] = .int(entity.documentCount)
    }
    // The first and last dated article naming each node's entity.
    var first = [CalendarDate?](repeating: nil, count: count)
    var last = [CalendarDate?](repeating: nil, count: count)
    var nodeOf: [String: Int32] = [:]
    for (index, found) in workspace.annotations.enumerated() {
      guard let found, let date = workspace.documents[index].date else { continue }
      for mention in found.mentions {
        guard let key = mention.entityKey else { continue }
        let node: Int32
        if let known = nodeOf[key.name] {
          node = known
        } else {
          node = builder.existingNode(workspace.resolve(key.name)) ?? -1
          nodeOf[key.name] = node
        }
        guard node >= 0 else { continue }
        if first[Int(node)].map({ date < $0 }) ?? true { first[Int(node)] = date }
        if last[Int(node)].map({ date > $0 }) ?? true { last[Int(node)] = date }
      }
    }
    if kind == .bipartite {
      var titles = [Value](repeating: .null, count: count)
      for document in workspace.documents {
        guard let node = builder.existingNode("doc:" + document.id).map(Int.init) else { continue }
        first[node] = document.date
        last[node] = document.date
        titles[node] = document.title.map(Value.string) ?? .null
      }
      builder.nodeProperties.set("title", titles)
    }
    if described {
      builder.nodeProperties.set("aliases", aliases)
      builder.nodeProperties.set("mentions", mentions)
      builder.nodeProperties.set("docs", documents)
    }
    if first.contains(where: { $0 != nil }) {
      builder.nodeProperties.set("first_seen", first.map { $0.map(Value.date) ?? .null })
      builder.nodeProperties.set("last_seen", last.map { $0.map(Value.date) ?? .null })
    }
  }
}
