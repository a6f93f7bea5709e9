import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct AnnotatorTests {
  func sample() throws -> (text: String, annotations: DocumentAnnotations) {
    let text = try FilePaths.readText(ExtractorTestSupport.sampleArticle)
    let reader = DocumentReader()
    let document = reader.plainText(text, id: "sample", source: "sample")
    return (text, Annotator().annotate(document))
  }

  func names(_ annotations: DocumentAnnotations, _ type: EntityType) -> Set<String> {
    Set(annotations.mentions.filter { $0.type == type }.map { $0.canonical ?? $0.text })
  }

  @Test func findsThePeopleOfTheSampleWithTheirFullNames() throws {
    let (_, annotations) = try sample()
    let people = names(annotations, .person)
    for person in [
      "Lloyd Austin", "Li Shangfu", "Liu Pengyu", "Jake Sullivan", "Gina Raimondo", "Tsai Ing-wen",
      "Kevin McCarthy",
    ] {
      #expect(people.contains(person), "missing \(person)")
    }
    // "Austin" and "Pengyu" alone are the same people.
    let austin = annotations.mentions.filter { $0.text == "Austin" }
    #expect(!austin.isEmpty && austin.allSatisfy { $0.canonical == "Lloyd Austin" })
    #expect(annotations.mentions.filter { $0.text == "Pengyu" }.allSatisfy { $0.canonical == "Liu Pengyu" })
  }

  /// A name broken over two lines (as in CoNLL-2003's long result lists) is one entity
  /// under its name on one line; the mention keeps the text as it stands, line break and
  /// all, with its offsets.
  @Test func aNameOverALineBreakIsTheSameEntity() {
    let text = """
      date 2024-05-02

      The leaders were David Russell , Michael Campbell ( New Zealand ) , Ian
      Woosnam , Bernhard Langer ( Germany ) and Ian Woosnam again .

      """
    let document = DocumentReader().plainText(text, id: "wrapped", source: "wrapped")
    let mentions = Annotator().annotate(document).mentions.filter { $0.type == .person }
    let broken = mentions.first { $0.text.contains("\n") }
    #expect(broken?.text == "Ian\nWoosnam")
    #expect(broken?.canonical == "Ian Woosnam")
    #expect(mentions.filter { $0.canonical == "Ian Woosnam" }.count == 2)
    #expect(Canonicalizer.name("Olaf  \t\nScholz") == "Olaf Scholz")
    #expect(Canonicalizer.name("Olaf Scholz") == "Olaf Scholz")
  }

  @Test func findsTitlesWithoutFragments() throws {
    let (_, annotations) = try sample()
    let titles = names(annotations, .title)
    for title in [
      "Defense Secretary", "Defense Minister", "embassy spokesman", "Commerce Secretary", "House Speaker",
      "National Security Adviser",
    ] {
      #expect(titles.contains(title), "missing \(title)")
    }
    // No organisation or place made of a title's words.
    for mention in annotations.mentions where mention.type != .title {
      #expect(
        !["Defense", "House", "Secretary", "Defense Secretary"].contains(mention.text),
        "fragment \(mention.text)")
    }
  }

  @Test func typesPlacesAndNationalities() throws {
    let (_, annotations) = try sample()
    func texts(_ type: EntityType) -> Set<String> {
      Set(annotations.mentions.filter { $0.type == type }.map(\.text))
    }
    #expect(
      texts(.geopolitical).isSuperset(of: ["China", "U.S.", "Beijing", "Washington", "Taiwan", "Russia"]))
    #expect(texts(.nationality).contains("Chinese"))
    #expect(texts(.organization).contains("Pentagon"))
    // One entity per country however the article names it.
    #expect(names(annotations, .geopolitical).isSuperset(of: ["China", "United States", "Taiwan", "Russia"]))
    #expect(!names(annotations, .geopolitical).contains("U.S."))
  }

  @Test func resolvesTheDatesAgainstTheArticleDate() throws {
    let (_, annotations) = try sample()
    let dates = Dictionary(
      annotations.mentions.filter { $0.type == .date }.map { ($0.text, $0.value) },
      uniquingKeysWith: { a, _ in a })
    #expect(dates["Monday"] == "2023-05-29")
    #expect(dates["last year"] == "2022")
    #expect(dates["earlier this month"] == "2023-05")
    #expect(dates["January"] == "2023-01")
  }

  @Test func offsetsPointIntoTheTextAsIngested() throws {
    let (text, annotations) = try sample()
    let scalars = Array(text.unicodeScalars)
    #expect(!annotations.mentions.isEmpty)
    for mention in annotations.mentions {
      let slice = String(String.UnicodeScalarView(scalars[Int(mention.start)..<Int(mention.end)]))
      #expect(slice == mention.text)
    }
    #expect(annotations.mentions.first.map { $0.start >= 15 } == true)  // after the date header
  }

  /// Articles written for these tests in other styles: the rules are not the sample's.
  @Test func worksOnOtherArticles() {
    let business = ExtractorTestSupport.mentions(
      """
      FRANKFURT (Reuters) - Deutsche Bank shares rose 4.2% on Tuesday after Chief Executive Christian Sewing \
      said the German lender would return $1.5 billion to investors. "We are ahead of plan," Sewing told analysts.
      """, date: CalendarDate(iso: "2024-02-01"))
    #expect(business.contains { $0 == ("Deutsche Bank", .organization) })
    #expect(business.contains { $0 == ("Christian Sewing", .person) })
    #expect(business.contains { $0 == ("German", .nationality) })
    #expect(business.contains { $0.type == .money && $0.text == "$1.5 billion" })
    #expect(business.contains { $0.type == .percent && $0.text == "4.2%" })
    #expect(business.contains { $0.type == .title && $0.text == "Chief Executive" })

    let sport = ExtractorTestSupport.mentions(
      "Carlos Alcaraz beat Novak Djokovic in the Wimbledon final in London on Sunday, his second title there."
    )
    #expect(sport.contains { $0 == ("Carlos Alcaraz", .person) })
    #expect(sport.contains { $0 == ("Novak Djokovic", .person) })
    #expect(sport.contains { $0 == ("London", .geopolitical) })
    #expect(sport.contains { $0 == ("second", .ordinal) })
  }

  @Test func aScratchSpaceChangesNothingButSpeed() throws {
    let (text, _) = try sample()
    let scratch = Annotator.Scratch()
    let texts = [
      text, "Angela Merkel met Emmanuel Macron in Berlin.", text, "CHINA SAYS NO TO TALKS WITH U.S.",
    ]
    for text in texts {
      let plain = Annotator().annotate(text: text, date: CalendarDate(iso: "2023-05-30"))
      let cached = Annotator().annotate(text: text, date: CalendarDate(iso: "2023-05-30"), scratch: scratch)
      #expect(plain.mentions == cached.mentions)
    }
  }

  @Test func emptyAndOddTextsGiveNoMentions() {
    #expect(Annotator().annotate(text: "").mentions.isEmpty)
    #expect(Annotator().annotate(text: "   \n\n  ").mentions.isEmpty)
    let long = String(repeating: "x", count: 100_000)
    #expect(Annotator().annotate(text: long).tokenCount == 1)
  }
}

@Suite struct NameBoundaryTests {
  func cut(_ words: [String], _ spans: [(range: Range<Int>, type: CoarseType)], paragraphAt: Int? = nil)
    -> [Range<Int>]
  {
    var offset = 0
    let tokens = words.enumerated().map { index, word in
      defer { offset += word.count + 1 }
      return TextToken(
        text: word, start: offset, end: offset + word.count,
        kind: word.first!.isLetter ? .word : .punctuation, spaceAfter: true,
        lineBreaksBefore: index == paragraphAt ? 2 : 0)
    }
    return Annotator.withinBoundaries(spans, tokens: tokens).map(\.range)
  }

  @Test func honorificsAreNeitherNamesNorRoles() {
    let annotations = Annotator().annotate(text: "Dr. Anthony Fauci and the Rev. Al Sharpton spoke.")
    let people = annotations.mentions.filter { $0.type == .person }.map(\.text)
    #expect(people == ["Anthony Fauci", "Al Sharpton"])
    #expect(!annotations.relations.contains { $0.predicate == "role" })
  }

  @Test func namesStopAtParagraphsQuotationMarksAndFullStops() {
    let words = ["Law", "and", "Justice", "party", ".", "\"", "We", "lost"]
    #expect(cut(words, [(0..<7, .organization)]) == [0..<4, 6..<7])
    #expect(cut(["the", "Kremlin", "Putin", "said"], [(1..<3, .person)], paragraphAt: 2) == [1..<2, 2..<3])
    #expect(cut(["Northwind", "Motors", ","], [(0..<3, .organization)]) == [0..<2])
    #expect(cut(["Northwind", "Motors"], [(0..<2, .organization)]) == [0..<2])
    #expect(cut(["\"", "\""], [(0..<2, .miscellaneous)]).isEmpty)
  }
}
