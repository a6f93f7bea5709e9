import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct EntityTaggerTests {
  func documents() throws -> [CoNLLDocument] {
    let path = ExtractorTestSupport.temporaryDirectory() + "/train.txt"
    try FilePaths.write(ExtractorTestSupport.conll, to: path)
    return try CoNLLCorpus.read(path: path)
  }

  @Test func theBuiltInModelLoads() throws {
    let tagger = try #require(EntityTagger.standard)
    #expect(tagger.featureCount > 10_000)
  }

  @Test func theBuiltInModelFindsNamesInUnseenText() throws {
    let tagger = try #require(EntityTagger.standard)
    let tokens = Tokenizer.tokenize(
      "Chancellor Olaf Scholz flew to Tokyo to meet officials of the International Monetary Fund.")
    let found = tagger.entities(tokens: tokens, sentences: SentenceSplitter.split(tokens)).map {
      ($0.range.map { tokens[$0].text }.joined(separator: " "), $0.type)
    }
    #expect(found.contains { $0 == ("Olaf Scholz", .person) })
    #expect(found.contains { $0 == ("Tokyo", .location) })
    #expect(found.contains { $0 == ("International Monetary Fund", .organization) })
  }

  @Test func trainingIsDeterministicAndLearnsItsData() throws {
    let data = try documents()
    let first = try TaggerTraining.train(data, epochs: 3).model
    let second = try TaggerTraining.train(data, epochs: 3).model
    #expect(first == second)
    let tagger = try first.withUnsafeBufferPointer { try EntityTagger(model: $0) }
    let score = NEREvaluation.score(data, annotator: Annotator(tagger: tagger))
    #expect(score.micro.f1 > 0.8)
  }

  /// Training on the real data (a slice of it, to stay quick) is deterministic too and
  /// learns: it scores well on documents it was not trained on.
  @Test(.enabled(if: ExtractorTestSupport.sharedTrainingFile != nil, "../shared/data/conll2003 is not here"))
  func trainingOnCoNLLIsDeterministicAndGeneralises() throws {
    let documents = try CoNLLCorpus.read(path: ExtractorTestSupport.sharedTrainingFile!)
    let training = Array(documents.prefix(80))
    let first = try TaggerTraining.train(training, epochs: 2).model
    let second = try TaggerTraining.train(training, epochs: 2).model
    #expect(first == second)
    let tagger = try first.withUnsafeBufferPointer { try EntityTagger(model: $0) }
    let held = Array(documents.dropFirst(80).prefix(30))
    #expect(NEREvaluation.score(held, annotator: Annotator(tagger: tagger)).micro.f1 > 0.5)
  }

  @Test func rejectsWhatIsNotAModel() {
    let garbage: [UInt8] = Array("not a model at all".utf8)
    #expect(throws: EntityTagger.ModelError.self) {
      try garbage.withUnsafeBufferPointer { try EntityTagger(model: $0) }
    }
    var truncated = EmbeddedResource.nerModel.prefix(1000).map { $0 }
    truncated.removeLast()
    #expect(throws: EntityTagger.ModelError.self) {
      try truncated.withUnsafeBufferPointer { try EntityTagger(model: $0) }
    }
  }
}
