import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

/// Ctrl-C during `extract` is tested through a real terminal (InteractiveTests): the
/// interrupt flag is process-wide, and raising it here would stop other tests' commands.
@Suite struct ExtractCommandTests {
  func folder(articles: Int) throws -> String {
    let directory = ExtractorTestSupport.temporaryDirectory()
    for number in 0..<articles {
      try FilePaths.write(
        "date 2024-03-0\(number % 9 + 1)\nPrime Minister Keir Starmer met Emmanuel Macron in Paris, story \(number).\n",
        to: "\(directory)/a\(number).txt")
    }
    return directory
  }

  @Test func extractsOnlyWhatIsNew() throws {
    let session = ExtractorTestSupport.session()
    let directory = try folder(articles: 3)
    let first = ExtractorTestSupport.run("ingest \(directory); extract", in: session)
    #expect(first.errors.isEmpty)
    #expect(first.values.last?.recordValue?["documents"] == .int(3))
    let again = ExtractorTestSupport.run("extract", in: session)
    #expect(again.values.last?.recordValue?["documents"] == .int(0))
    try FilePaths.write("Angela Merkel spoke in Berlin.\n", to: directory + "/new.txt")
    let more = ExtractorTestSupport.run("ingest \(directory); extract --jobs 2", in: session)
    #expect(more.values.last?.recordValue?["documents"] == .int(1))
    #expect(Workspace.of(session).pendingDocuments.isEmpty)
  }

  @Test func parallelAndSerialWorkAgree() throws {
    let reader = DocumentReader()
    let documents = (0..<40).map { number in
      reader.plainText(
        "Officials from Japan and Brazil met in Geneva on day \(number).", id: "d\(number)", source: "t")
    }
    let annotator = Annotator()
    let serial = ExtractCommand.annotate(documents, with: annotator, jobs: 1)
    let parallel = ExtractCommand.annotate(documents, with: annotator, jobs: 4)
    #expect(serial.map { $0?.mentions } == parallel.map { $0?.mentions })
  }

  @Test func rejectsAZeroJobCount() {
    let session = ExtractorTestSupport.session()
    let result = ExtractorTestSupport.run("extract --jobs 0", in: session)
    #expect(
      result.errors.compactMap { ($0 as? Diagnostic)?.message }.contains {
        $0.contains("--jobs must be at least 1")
      })
  }
}
