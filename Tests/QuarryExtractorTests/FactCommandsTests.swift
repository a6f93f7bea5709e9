import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

@Suite struct FactCommandsTests {
  @Test func relationsHaveTheDesignColumnsAndFilters() throws {
    let session = ExtractorTestSupport.extractedSample()
    let all = try #require(ExtractorTestSupport.table("relations", session))
    #expect(
      Array(all.columns.prefix(7)) == [
        "subject", "predicate", "object", "date", "doc", "sentence", "confidence",
      ])
    let roles = try #require(
      ExtractorTestSupport.table("relations --predicate role --about 'Lloyd Austin'", session))
    #expect(roles.rows.map { $0[2] } == [.string("Defense Secretary")])
    let dated = try #require(ExtractorTestSupport.table("relations --since 2020-01-01", session))
    #expect(dated.rows.allSatisfy { $0[3] != .null })
  }

  @Test func quotesHaveTheirSpeakers() throws {
    let session = ExtractorTestSupport.extractedSample()
    let quotes = try #require(ExtractorTestSupport.table("quotes", session))
    #expect(Array(quotes.columns.prefix(5)) == ["speaker", "text", "doc", "start", "end"])
    #expect(quotes.rows.count == 4)
    let speakers = quotes.rows.map { $0[0] }
    #expect(
      speakers == [.string("Liu Pengyu"), .string("Liu Pengyu"), .string("Pentagon"), .string("Pentagon")])
    let pengyu = try #require(ExtractorTestSupport.table("quotes --speaker 'liu pengyu'", session))
    #expect(pengyu.rows.count == 2)
  }

  @Test func entityShowsAProfile() throws {
    let session = ExtractorTestSupport.extractedSample()
    let record = try #require(
      ExtractorTestSupport.run("entity 'Lloyd Austin'", in: session).values.last?.recordValue)
    #expect(record["type"] == .string("PERSON"))
    #expect(record["roles"] == .list([.string("Defense Secretary")]))
    #expect(record["member_of"] == .list([.string("United States")]))
    #expect(record["first_seen"]?.plainText == "2023-05-30")
    let china = try #require(ExtractorTestSupport.run("entity China", in: session).values.last?.recordValue)
    let aliases = try #require(china["aliases"])
    #expect(aliases == .list([.string("Chinese"), .string("PRC"), .string("Beijing")]))
  }

  @Test func unknownNamesSuggestTheNearest() {
    let session = ExtractorTestSupport.extractedSample()
    let result = ExtractorTestSupport.run("entity 'Loyd Austin'", in: session)
    #expect(result.errors.messages.contains("no entity named 'Loyd Austin'"))
    let diagnostic = result.errors.first as? Diagnostic
    #expect(diagnostic?.help == "did you mean 'Lloyd Austin'?")
    let about = ExtractorTestSupport.run("relations --about Pentagn", in: session)
    #expect(about.errors.messages.contains("no entity named 'Pentagn'"))
    #expect(Workspace.of(session).extractedCount == 1)
  }
}
