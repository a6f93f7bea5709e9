import Dispatch
import QuarryCore
import QuarryModel
import Synchronization

/// `extract`: runs the pipeline over every document not extracted yet, on all cores.
struct ExtractCommand: Command {
  let signature = Signature(
    "extract", abstract: "Parse the articles not extracted yet and find entities, dates and numbers",
    discussion: """
      Runs the extraction pipeline — sentences, tokens, the part-of-speech tagger and
      dependency parser (see `tokens`), the named-entity tagger, OntoNotes types, titles,
      dates resolved against each article's date, numbers — over the articles
      ingested since the last `extract`, using every core. Ctrl-C stops it between articles:
      the articles finished so far keep their results and the rest are left for the next
      `extract`. A progress bar shows on a terminal for more than a few hundred articles, and
      always with --progress.
      """,
    flags: [
      Flag("progress", short: "p", help: "show a progress bar even for small or redirected runs"),
      Flag("jobs", short: "j", .int, help: "how many articles to work on at once (default: one per core)"),
    ],
    input: .none, output: .record,
    examples: [Example("ingest Scripts/corpus; extract", "ingest the sample article and extract it")])

  func run(_ invocation: Invocation) throws -> Value {
    let session = invocation.session
    let workspace = Workspace.of(session)
    let pending = workspace.pendingDocuments
    let jobs = invocation.int("jobs") ?? ProcessorCount.active
    guard jobs >= 1 else { throw invocation.error("--jobs must be at least 1", at: "jobs") }
    let annotator = Annotator()
    if annotator.tagger == nil {
      session.warn("no tagger model is built in: only titles, dates and numbers are found")
    }
    if annotator.syntax == nil {
      session.warn("no syntax model is built in: tokens are not tagged or parsed")
    }
    let forced = invocation.isSet("progress")
    let showsProgress = forced || (session.showsProgress && pending.count >= 200)
    let bar = ProgressBar(total: pending.count, unit: "articles")
    let clock = ContinuousClock()
    let started = clock.now
    var tokens = 0
    var mentions = 0
    var done = 0
    let entitiesBefore = workspace.entities.count
    defer {
      if showsProgress { session.progress(nil, force: forced) }
    }
    // One scratch space per worker, kept from batch to batch.
    let scratches = (0..<jobs).map { _ in Annotator.Scratch() }
    // Batches keep memory bounded and let the session thread commit results in order.
    let batchSize = max(jobs * 16, 64)
    var batchStart = 0
    while batchStart < pending.count {
      let batch = Array(pending[batchStart..<min(pending.count, batchStart + batchSize)])
      let documents = batch.map { workspace.documents[$0] }
      let results = Self.annotate(documents, with: annotator, jobs: jobs, scratches: scratches)
      for (offset, result) in results.enumerated() {
        guard let result else { continue }
        workspace.setAnnotations(result, forDocument: batch[offset])
        tokens += result.tokenCount
        mentions += result.mentions.count
        done += 1
      }
      if Interrupt.isRaised {
        session.warn(
          "extract stopped: \(done) of \(pending.count) articles extracted, the rest left for later")
        throw Interrupted()
      }
      batchStart += batch.count
      if showsProgress {
        session.progress(bar.line(done: done, elapsed: seconds(clock.now - started)), force: forced)
      }
    }
    let elapsed = seconds(clock.now - started)
    return .record(
      Record([
        "documents": .int(done), "tokens": .int(tokens), "mentions": .int(mentions),
        "entities": .int(workspace.entities.count - entitiesBefore),
        "seconds": .float((elapsed * 1000).rounded() / 1000),
      ]))
  }

  /// Annotates documents on `jobs` threads; an entry is nil where Ctrl-C stopped the work
  /// before that document.
  static func annotate(
    _ documents: [Document], with annotator: Annotator, jobs: Int, scratches: [Annotator.Scratch] = []
  ) -> [DocumentAnnotations?] {
    let results = ResultSlots<DocumentAnnotations>(count: documents.count)
    if jobs == 1 || documents.count == 1 {
      let scratch = scratches.first ?? Annotator.Scratch()
      for index in documents.indices where !Interrupt.isRaised {
        results.store(annotator.annotate(documents[index], scratch: scratch), at: index)
      }
      return results.values
    }
    let next = WorkCounter()
    let workers = WorkerSpaces(
      scratches.count >= jobs ? scratches : (0..<jobs).map { _ in Annotator.Scratch() })
    DispatchQueue.concurrentPerform(iterations: min(jobs, documents.count)) { worker in
      let scratch = workers[worker]
      while !Interrupt.isRaised, let index = next.take(below: documents.count) {
        results.store(annotator.annotate(documents[index], scratch: scratch), at: index)
      }
    }
    return results.values
  }
}

/// Slots that worker threads fill, each slot by one thread only.
final class ResultSlots<Element: Sendable>: Sendable {
  private let slots: Mutex<[Element?]>

  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

  func store(_ value: Element, at index: Int) { slots.withLock { $0[index] = value } }

  var values: [Element?] { slots.withLock { $0 } }
}

/// Hands out work item numbers to threads.
final class WorkCounter: Sendable {
  private let next = Atomic<Int>(0)

  func take(below limit: Int) -> Int? {
    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
    return index < limit ? index : nil
  }
}

func seconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) + Double(attoseconds) / 1e18
}
