import QuarryModel

/// Finds money, percentages, quantities, ordinals, cardinals and clock times among the
/// tokens no other mention has taken: "$1.5 billion", "3 percent", "20 kilometres",
/// "second", "2,000", "3:30 p.m.".
enum NumberFinder {
  static let scales: WordSet = [
    "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn",
  ]
  static let currencies: WordSet = [
    "dollars", "dollar", "euros", "euro", "pounds", "sterling", "yen", "yuan", "renminbi", "rupees", "rubles",
    "roubles", "francs", "marks", "pesos", "cents", "won", "lira", "shekels", "dinars", "riyals",
  ]
  static let currencySymbols: WordSet = ["$", "€", "£", "¥", "₹", "US$", "C$", "A$", "HK$"]
  static let units: WordSet = [
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
    "meter", "feet", "foot", "inches", "tons", "tonnes", "ton", "tonne", "kg", "kilograms", "grams",
    "barrels",
    "acres", "hectares", "litres", "liters", "gallons", "degrees", "mph", "knots", "megawatts", "square",
  ]
  static let numberWords: WordSet = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "dozen", "dozens", "hundreds", "thousands", "millions",
  ]
  static let ordinals: WordSet = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "twentieth", "hundredth",
  ]

  /// Value mentions as token ranges with types, skipping tokens marked `taken`.
  static func find(_ tokens: [TextToken], lower: [String], taken: [Bool], in sentence: Range<Int>)
    -> [(range: Range<Int>, type: EntityType)]
  {
    var found: [(range: Range<Int>, type: EntityType)] = []
    var index = sentence.lowerBound
    func isNumber(_ i: Int) -> Bool {
      i < sentence.upperBound && !taken[i]
        && ((tokens[i].kind == .number && tokens[i].text.first?.isNumber == true)
          || numberWords.contains(lower[i]))
    }
    while index < sentence.upperBound {
      if taken[index] {
        index += 1
        continue
      }
      let start = index
      let symbol = currencySymbols.contains(tokens[index].text) && isNumber(index + 1)
      if symbol { index += 1 }
      guard isNumber(index) else {
        if ordinals.contains(lower[index]) {
          found.append((index..<index + 1, .ordinal))
        }
        index += 1
        continue
      }
      let text = lower[index]
      if tokens[index].kind == .number, ["st", "nd", "rd", "th"].contains(where: text.hasSuffix),
        text.first?.isNumber == true
      {
        found.append((index..<index + 1, .ordinal))
        index += 1
        continue
      }
      index += 1
      while index < sentence.upperBound && !taken[index]
        && (scales.contains(lower[index]) || lower[index] == "and")
        && (lower[index] != "and" || isNumber(index + 1))
      {
        index += 1
      }
      let type: EntityType
      if symbol {
        type = .money
      } else if index < sentence.upperBound && !taken[index] && currencies.contains(lower[index]) {
        index += 1
        type = .money
      } else if index < sentence.upperBound && !taken[index]
        && (lower[index] == "%" || lower[index] == "percent")
      {
        index += 1
        type = .percent
      } else if index + 1 < sentence.upperBound && lower[index] == "per" && lower[index + 1] == "cent" {
        index += 2
        type = .percent
      } else if index < sentence.upperBound && !taken[index] && units.contains(lower[index]) {
        index += 1
        type = .quantity
      } else if text.contains(":")
        || (index < sentence.upperBound && ["a.m.", "p.m.", "am", "pm", "gmt"].contains(lower[index]))
      {
        if index < sentence.upperBound && ["a.m.", "p.m.", "am", "pm", "gmt"].contains(lower[index]) {
          index += 1
        }
        type = .time
      } else {
        type = .cardinal
      }
      found.append((start..<index, type))
    }
    return found
  }
}
