import QuarryExtractorResources
import QuarryModel

/// Names of companies, news organisations, platforms, groups and products
/// (`organizations.tsv`: the companies of twenty stock indices and a hand-kept list), which
/// correct the entity tagger where it knows less than today's news: a name it typed as a
/// place, a person or a miscellany is an organisation ("Boeing", "Netflix"), or a product
/// ("Xbox"); a name it missed is found where the parse tags it a proper noun in the middle
/// of a sentence ("behind Tencent and Sony").
///
/// Names match token for token, with case: "Apple" the company, never "apple".
final class OrganizationNames: Sendable {
  /// What a name names.
  enum Kind: Sendable {
    case company, media, platform, group, product

    var entityType: EntityType { self == .product ? .product : .organization }
  }

  /// The names by their first token: each name's tokens and kind, longest first.
  private let byFirstToken: [String: [(tokens: [String], kind: Kind)]]

  static let standard = OrganizationNames(
    rows: EmbeddedResource.rows({ quarry_resource_organizations($0) }).compactMap { row in
      guard row.count == 2 else { return nil }
      let kind: Kind
      switch row[0] {
      case "MEDIA": kind = .media
      case "PLATFORM": kind = .platform
      case "PRODUCT": kind = .product
      case "GROUP": kind = .group
      default: kind = .company
      }
      return (String(row[1]), kind)
    })

  init(rows: [(name: String, kind: Kind)]) {
    var byFirstToken: [String: [(tokens: [String], kind: Kind)]] = [:]
    for (name, kind) in rows {
      let tokens = Tokenizer.tokenize(name).map(\.text)
      guard let first = tokens.first else { continue }
      byFirstToken[first, default: []].append((tokens, kind))
    }
    for key in byFirstToken.keys {
      byFirstToken[key]!.sort { $0.tokens.count > $1.tokens.count }
    }
    self.byFirstToken = byFirstToken
  }

  /// The kind of the name that `range` of `tokens` spells exactly, if it is one.
  func kind(of range: Range<Int>, in tokens: [TextToken]) -> Kind? {
    guard let first = range.first, let candidates = byFirstToken[tokens[first].text] else { return nil }
    return candidates.first { candidate in
      candidate.tokens.count == range.count
        && zip(candidate.tokens, range).allSatisfy { tokens[$1].text == $0 }
    }?.kind
  }

  /// The longest name starting at `start` that lies within `limit`, with its kind.
  func longest(at start: Int, in tokens: [TextToken], limit: Int) -> (range: Range<Int>, kind: Kind)? {
    guard let candidates = byFirstToken[tokens[start].text] else { return nil }
    for candidate in candidates where start + candidate.tokens.count <= limit {
      let range = start..<start + candidate.tokens.count
      if zip(candidate.tokens, range).allSatisfy({ tokens[$1].text == $0 }) { return (range, candidate.kind) }
    }
    return nil
  }
}
