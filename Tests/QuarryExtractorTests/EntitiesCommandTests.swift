import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct EntitiesCommandTests {
  @Test func listsEntitiesWithTheDesignColumns() throws {
    let session = ExtractorTestSupport.extractedSample()
    let entities = try #require(ExtractorTestSupport.table("entities", session))
    #expect(entities.columns == ["id", "name", "type", "aliases", "mentions", "docs"])
    let austin = try #require(entities.rows.first { $0[1] == .string("Lloyd Austin") })
    #expect(austin[2] == .string("PERSON"))
    #expect(austin[3] == .list([.string("Austin")]))
    #expect(austin[4] == .int(3))
    #expect(austin[5] == .int(1))
    // Sorted by mentions, most first.
    let counts = entities.rows.compactMap { $0[4].intValue }
    #expect(counts == counts.sorted(by: >))
  }

  @Test func filtersByTypeMentionsPatternAndDocument() throws {
    let session = ExtractorTestSupport.extractedSample()
    let people = try #require(ExtractorTestSupport.table("entities --type PERSON", session))
    #expect(!people.rows.isEmpty && people.rows.allSatisfy { $0[2] == .string("PERSON") })
    let several = try #require(
      ExtractorTestSupport.table("entities --type [PERSON GPE] --min-mentions 3", session))
    #expect(several.rows.allSatisfy { ($0[4].intValue ?? 0) >= 3 })
    #expect(several.rows.contains { $0[1] == .string("China") })
    let pattern = try #require(ExtractorTestSupport.table("entities 'l*'", session))
    #expect(pattern.rows.allSatisfy { $0[1].plainText.lowercased().hasPrefix("l") })
    let substring = try #require(ExtractorTestSupport.table("entities shang", session))
    #expect(substring.rows.map { $0[1] } == [.string("Li Shangfu")])
    let document = try #require(
      ExtractorTestSupport.table(
        "entities --doc 2023-05-30-china-declines-defense-meeting --limit 2", session))
    #expect(document.rows.count == 2)
  }

  @Test func unknownTypesAndDocumentsAreClearErrors() throws {
    let session = ExtractorTestSupport.extractedSample()
    let badType = ExtractorTestSupport.run("entities --type PERSONS", in: session)
    let message = badType.errors.messages
    #expect(message.contains("unknown entity type 'PERSONS'"))
    let diagnostic = try #require(badType.errors.first as? Diagnostic)
    #expect(diagnostic.help?.contains("PERSON, ORG, GPE") == true)
    let badDocument = ExtractorTestSupport.run("entities --doc nope", in: session)
    #expect(badDocument.errors.messages.contains("no document 'nope'"))
    // The session keeps what it had.
    #expect(Workspace.of(session).documents.count == 1)
  }

  @Test func namePatternsMatchLikeAShellGlob() {
    #expect(NamePattern("Lloyd*").matches("Lloyd Austin"))
    #expect(NamePattern("*austin").matches("Lloyd Austin"))
    #expect(NamePattern("l?oyd*").matches("Lloyd Austin"))
    #expect(!NamePattern("Austin*").matches("Lloyd Austin"))
    #expect(NamePattern("aus").matches("Lloyd Austin"))
    #expect(NamePattern("*").matches(""))
  }
}
