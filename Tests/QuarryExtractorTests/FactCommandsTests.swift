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

  @Test func eventsHaveClassesAndATimeline() throws {
    let session = ExtractorTestSupport.extractedSample()
    let fights = try #require(ExtractorTestSupport.table("relations --class fight", session))
    #expect(fights.rows.contains { $0[0] == .string("United States") && $0[1] == .string("shoot down") })
    #expect(fights.rows.allSatisfy { $0[8] == .string("fight") && $0[9] == .int(-1) })
    let timeline = try #require(ExtractorTestSupport.table("timeline", session))
    #expect(timeline.columns == ["date", "subject", "predicate", "object", "class", "negated", "doc"])
    let dates = timeline.rows.map { $0[0].plainText }
    #expect(dates == dates.sorted())
    #expect(dates.first == "2022")
    let austin = try #require(ExtractorTestSupport.table("timeline 'Lloyd Austin'", session))
    #expect(
      austin.rows.allSatisfy { $0[1] == .string("Lloyd Austin") || $0[3] == .string("Lloyd Austin") })
    let bad = ExtractorTestSupport.run("relations --class fights", in: session)
    #expect(bad.errors.messages.contains("unknown event class 'fights'"))
  }

  @Test func quotesHaveTheirSpeakers() throws {
    let session = ExtractorTestSupport.extractedSample()
    let quotes = try #require(ExtractorTestSupport.table("quotes --kind direct", session))
    #expect(Array(quotes.columns.prefix(5)) == ["speaker", "text", "doc", "start", "end"])
    #expect(quotes.rows.count == 4)
    #expect(quotes.rows.allSatisfy { $0[6] == .string("direct") })
    let reported = try #require(ExtractorTestSupport.table("quotes --kind indirect", session))
    #expect(reported.rows.contains { $0[0] == .string("Pentagon") && $0[6] == .string("indirect") })
    let bad = ExtractorTestSupport.run("quotes --kind reported", in: session)
    #expect(bad.errors.messages.contains("unknown quotation kind 'reported'"))
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

@Suite struct MergeCommandTests {
  func session() -> Session {
    let directory = ExtractorTestSupport.temporaryDirectory()
    try! FilePaths.write(
      "date 2023-05-30\nThe Department of Defense said on Monday that the Pentagon would not comment.\n",
      to: directory + "/a.txt")
    let session = ExtractorTestSupport.session()
    #expect(ExtractorTestSupport.run("ingest \(directory); extract", in: session).errors.isEmpty)
    return session
  }

  @Test func mergeJoinsTwoEntitiesAndUnmergeSplitsThem() throws {
    let session = session()
    let merged = ExtractorTestSupport.run("merge Pentagon 'Department of Defense'", in: session)
    #expect(merged.errors.isEmpty)
    let entities = try #require(ExtractorTestSupport.table("entities --type ORG", session))
    #expect(entities.rows.count == 1)
    #expect(entities.rows[0][1] == .string("Pentagon"))
    #expect(entities.rows[0][3] == .list([.string("Department of Defense")]))
    #expect(entities.rows[0][4] == .int(2))
    let mentions = try #require(ExtractorTestSupport.table("mentions --type ORG", session))
    #expect(mentions.rows.allSatisfy { $0[5] == .string("Pentagon") })
    // Articles extracted later follow the merge too.
    let directory = ExtractorTestSupport.temporaryDirectory()
    try FilePaths.write("The Department of Defense issued a statement.\n", to: directory + "/b.txt")
    _ = ExtractorTestSupport.run("ingest \(directory); extract", in: session)
    #expect(Workspace.of(session).entities.first { $0.name == "Pentagon" }?.documentCount == 2)

    #expect(ExtractorTestSupport.run("unmerge 'Department of Defense'", in: session).errors.isEmpty)
    let split = try #require(ExtractorTestSupport.table("entities --type ORG", session))
    #expect(split.rows.count == 2)
  }

  @Test func badMergesAreClearErrors() {
    let session = session()
    let same = ExtractorTestSupport.run("merge Pentagon Pentagon", in: session)
    #expect(same.errors.messages.contains("'Pentagon' cannot be merged with itself"))
    let unknown = ExtractorTestSupport.run("merge Pentagon Pentagonn", in: session)
    #expect(unknown.errors.messages.contains("no entity named 'Pentagonn'"))
    let notMerged = ExtractorTestSupport.run("unmerge Pentagon", in: session)
    #expect(notMerged.errors.messages.contains("'Pentagon' was not merged into anything"))
    #expect(Workspace.of(session).entities.count == 2)
  }
}
