import QuarryExtractorResources
import QuarryModel

/// Whether "he" or "she" can stand for a person: from a form of address the article uses
/// ("Mr. Li", "Ms. Barra"), else from the first name (names nearly always given to one
/// sex, from the US Social Security Administration's counts; see first-names.tsv). Unknown
/// when neither says, and then either pronoun may stand for the person.
struct PersonGender: Sendable {
  enum Gender: Sendable { case female, male }

  private let names: [String: Gender]

  static let standard = PersonGender()

  init() {
    var names: [String: Gender] = [:]
    for row in EmbeddedResource.rows({ quarry_resource_first_names($0) }) where row.count == 2 {
      names[String(row[1])] = row[0] == "F" ? .female : .male
    }
    self.names = names
  }

  /// Whether `lower` is a first name the list knows.
  func isFirstName(_ lower: String) -> Bool { names[lower] != nil }

  static let addresses: [String: Gender] = [
    "mr.": .male, "mr": .male, "mrs.": .female, "mrs": .female, "ms.": .female, "ms": .female,
    "sir": .male, "dame": .female, "lord": .male, "lady": .female,
  ]
  static let pronouns: [String: Gender] = [
    "he": .male, "him": .male, "himself": .male, "his": .male, "she": .female, "her": .female,
    "herself": .female, "hers": .female,
  ]

  /// The gender of each person the document names, by canonical name, where it can tell.
  func genders(_ text: DocumentText, mentions: [Mention], ranges: [Range<Int>]) -> [String: Gender] {
    var found: [String: Gender] = [:]
    for (number, mention) in mentions.enumerated() where mention.type == .person {
      guard let name = mention.entityKey?.name else { continue }
      let before = ranges[number].lowerBound - 1
      if before >= 0, let gender = Self.addresses[text.lower[before]] {
        found[name] = gender
      } else if found[name] == nil, let first = name.split(separator: " ").first,
        let gender = names[first.lowercased()]
      {
        found[name] = gender
      }
    }
    return found
  }
}
