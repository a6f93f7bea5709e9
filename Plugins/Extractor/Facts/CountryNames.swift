import QuarryExtractorResources

/// The names a country goes by — "U.S.", "USA", "America" → United States; "PRC" →
/// China — and its capital, from `countries.tsv` (made from iso-codes and GeoNames by
/// `Scripts/gazetteers/build`).
struct CountryNames: Sendable {
  /// Lower-cased name or alias → canonical name.
  private let byName: [String: String]
  /// Lower-cased capital → canonical country name.
  private let byCapital: [String: String]

  static let standard = CountryNames()

  init() {
    var byName: [String: String] = [:]
    var byCapital: [String: String] = [:]
    for row in EmbeddedResource.rows({ quarry_resource_countries($0) }) where row.count == 3 {
      let country = String(row[1])
      byName[country.lowercased()] = country
      if row[0] == "ALIAS" {
        byName[row[2].lowercased()] = country
      } else if row[0] == "CAPITAL" {
        byCapital[row[2].lowercased()] = country
      }
    }
    self.byName = byName
    self.byCapital = byCapital
  }

  /// The canonical name of a country named `name`, if it is one.
  func country(named name: String) -> String? { byName[name.lowercased()] }

  /// The country whose capital is `city`.
  func country(withCapital city: String) -> String? { byCapital[city.lowercased()] }
}
