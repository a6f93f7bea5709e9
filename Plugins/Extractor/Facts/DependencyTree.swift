import QuarryModel

/// A document's parse as the fact finders walk it: each token's relation and part of
/// speech as small enums, read from the model's label names once per document, and each
/// token's dependents in text order.
struct DependencyTree {
  /// The relations the fact finders act on; any other is `other`.
  enum Dependency: UInt8 {
    case other, root, nsubj, nsubjPass, csubj, obj, iobj, obl, oblAgent, oblUnmarked, nmodUnmarked, ccomp
    case xcomp, advcl, acl, relcl, conj, cc, parataxis, aux, auxPass, cop, mark, caseMarker, fixed, advmod
    case particle, punct, appos, expl, det, possessive, compound, flat, amod, nmod, discourse

    init(label: String) {
      switch label {
      case "root": self = .root
      case "nsubj", "nsubj:outer": self = .nsubj
      case "nsubj:pass": self = .nsubjPass
      case "csubj", "csubj:pass", "csubj:outer": self = .csubj
      case "obj": self = .obj
      case "iobj": self = .iobj
      case "obl": self = .obl
      case "obl:agent": self = .oblAgent
      case "obl:unmarked", "obl:tmod", "obl:npmod": self = .oblUnmarked
      case "nmod:unmarked", "nmod:tmod", "nmod:npmod": self = .nmodUnmarked
      case "ccomp": self = .ccomp
      case "xcomp": self = .xcomp
      case "advcl", "advcl:relcl": self = .advcl
      case "acl": self = .acl
      case "acl:relcl": self = .relcl
      case "conj": self = .conj
      case "cc", "cc:preconj": self = .cc
      case "parataxis": self = .parataxis
      case "aux": self = .aux
      case "aux:pass": self = .auxPass
      case "cop": self = .cop
      case "mark": self = .mark
      case "case": self = .caseMarker
      case "fixed": self = .fixed
      case "advmod": self = .advmod
      case "compound:prt": self = .particle
      case "punct": self = .punct
      case "appos": self = .appos
      case "expl": self = .expl
      case "det", "det:predet": self = .det
      case "nmod:poss": self = .possessive
      case "compound": self = .compound
      case "flat", "flat:name": self = .flat
      case "amod": self = .amod
      case "nmod", "nmod:desc": self = .nmod
      case "discourse": self = .discourse
      default: self = .other
      }
    }
  }

  /// Coarse parts of speech the fact finders tell apart.
  enum PartOfSpeech: UInt8 {
    case other, verb, aux, noun, properNoun, pronoun, adjective, number

    init(upos: String) {
      switch upos {
      case "VERB": self = .verb
      case "AUX": self = .aux
      case "NOUN": self = .noun
      case "PROPN": self = .properNoun
      case "PRON": self = .pronoun
      case "ADJ": self = .adjective
      case "NUM": self = .number
      default: self = .other
      }
    }

    var isNominal: Bool { self == .noun || self == .properNoun || self == .pronoun || self == .number }
  }

  let syntax: DocumentSyntax
  let dependency: [Dependency]
  let partOfSpeech: [PartOfSpeech]
  private let childStart: [Int32]
  private let childList: [Int32]

  init(_ syntax: DocumentSyntax) {
    self.syntax = syntax
    let relationTable = syntax.labels.relations.map(Dependency.init(label:))
    let uposTable = syntax.labels.upos.map(PartOfSpeech.init(upos:))
    let tokens = syntax.tokens
    dependency = tokens.map { relationTable[Int($0.relation)] }
    partOfSpeech = tokens.map { uposTable[Int($0.tag)] }
    // Dependents in text order, by counting sort on the head.
    var start = [Int32](repeating: 0, count: tokens.count + 1)
    for token in tokens where token.head >= 0 { start[Int(token.head) + 1] += 1 }
    for index in 0..<tokens.count { start[index + 1] += start[index] }
    var fill = start
    var list = [Int32](repeating: 0, count: Int(start[tokens.count]))
    for (index, token) in tokens.enumerated() where token.head >= 0 {
      list[Int(fill[Int(token.head)])] = Int32(index)
      fill[Int(token.head)] += 1
    }
    childStart = start
    childList = list
  }

  var count: Int { syntax.tokens.count }

  func head(_ token: Int) -> Int? {
    let head = syntax.tokens[token].head
    return head < 0 ? nil : Int(head)
  }

  func lemma(_ token: Int) -> String { syntax.lemmas[token] }

  /// The token's Penn Treebank tag.
  func xpos(_ token: Int) -> String { syntax.labels.xpos[Int(syntax.tokens[token].tag)] }

  /// The first token of `token`'s subtree, following first dependents down.
  func leftmost(_ token: Int) -> Int {
    var current = token
    while let first = children(current).first, Int(first) < current { current = Int(first) }
    return current
  }

  /// The dependents of `token`, in text order.
  func children(_ token: Int) -> ArraySlice<Int32> {
    childList[Int(childStart[token])..<Int(childStart[token + 1])]
  }

  /// The first dependent of `token` with relation `dependency`.
  func child(_ token: Int, _ dependency: Dependency) -> Int? {
    children(token).first { self.dependency[Int($0)] == dependency }.map(Int.init)
  }

  /// The first and last token of `token`'s subtree, leaving out the dependents of `token`
  /// itself that `cut` says to; walked with a stack, so any depth is safe.
  func span(_ token: Int, cut: (Int) -> Bool = { _ in false }) -> ClosedRange<Int> {
    var low = token
    var high = token
    var stack: [Int] = children(token).map(Int.init).filter { !cut($0) }
    while let next = stack.popLast() {
      low = min(low, next)
      high = max(high, next)
      for child in children(next) { stack.append(Int(child)) }
    }
    return low...high
  }
}
