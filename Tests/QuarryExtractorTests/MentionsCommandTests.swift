import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct MentionsCommandTests {
  @Test func listsMentionsWithTheDesignColumns() throws {
    let session = ExtractorTestSupport.session()
    let result = ExtractorTestSupport.run(
      "ingest \(ExtractorTestSupport.sampleArticle); extract; mentions --type DATE", in: session)
    #expect(result.errors.isEmpty)
    let table = try #require(result.values.last?.tableValue)
    #expect(Array(table.columns.prefix(7)) == ["doc", "start", "end", "text", "type", "entity", "value"])
    let monday = try #require(table.rows.first { $0[3] == .string("Monday") })
    #expect(monday[0] == .string("2023-05-30-china-declines-defense-meeting"))
    #expect(monday[4] == .string("DATE"))
    #expect(monday[5] == .null)
    #expect(monday[6] == .string("2023-05-29"))
    #expect(table.rows.allSatisfy { $0[4] == .string("DATE") })
  }

  @Test func namedMentionsCarryTheirEntity() throws {
    let session = ExtractorTestSupport.session()
    let result = ExtractorTestSupport.run(
      "ingest \(ExtractorTestSupport.sampleArticle); extract; mentions --type PERSON --doc 2023-05-30-china-declines-defense-meeting",
      in: session)
    let table = try #require(result.values.last?.tableValue)
    let austin = table.rows.filter { $0[3] == .string("Austin") }
    #expect(!austin.isEmpty && austin.allSatisfy { $0[5] == .string("Lloyd Austin") })
    let starts = table.rows.compactMap { $0[1].intValue }
    #expect(starts == starts.sorted())
  }

  @Test func warnsWhenArticlesAreNotExtracted() throws {
    let session = ExtractorTestSupport.session()
    _ = ExtractorTestSupport.run("ingest \(ExtractorTestSupport.sampleArticle); mentions", in: session)
    #expect(session.errors.captured.contains("1 article is not extracted yet: run `extract`"))
  }
}
