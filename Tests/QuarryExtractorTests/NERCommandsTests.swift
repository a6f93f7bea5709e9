import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct NERCommandsTests {
  @Test func trainsEvaluatesAndUsesAModelFile() throws {
    let directory = ExtractorTestSupport.temporaryDirectory()
    try FilePaths.write(ExtractorTestSupport.conll, to: directory + "/train.txt")
    let session = ExtractorTestSupport.session()
    let trained = ExtractorTestSupport.run(
      "ner train \(directory)/train.txt --output \(directory)/model --epochs 2 --validate \(directory)/train.txt",
      in: session)
    #expect(trained.errors.isEmpty)
    let passes = try #require(trained.values.last?.tableValue)
    #expect(passes.columns == ["epoch", "mistakes", "seconds", "f1"])
    #expect(passes.rows.count == 2)
    #expect(FilePaths.exists(directory + "/model"))

    let scored = ExtractorTestSupport.run(
      "ner evaluate \(directory)/train.txt --model \(directory)/model", in: session)
    let table = try #require(scored.values.last?.tableValue)
    #expect(table.columns == ["type", "precision", "recall", "f1", "gold", "found", "correct"])
    #expect(table.rows.last?[0] == .string("micro"))
    #expect(table.rows.last?[4] == .int(6))

    let errors = ExtractorTestSupport.run("ner evaluate \(directory)/train.txt --errors", in: session)
    #expect(errors.values.last?.tableValue?.columns == ["doc", "error", "type", "text", "context"])
  }

  @Test func documentsShowTheTextTrainingAndScoringRead() throws {
    let directory = ExtractorTestSupport.temporaryDirectory()
    try FilePaths.write(ExtractorTestSupport.conll, to: directory + "/data.txt")
    let session = ExtractorTestSupport.session()
    let table = try #require(
      ExtractorTestSupport.run("ner documents \(directory)/data.txt", in: session).values.last?.tableValue)
    #expect(table.columns == ["doc", "text", "tokens", "entities"])
    let documents = try CoNLLCorpus.read(path: directory + "/data.txt")
    #expect(table.rows.map { $0[1] } == documents.map { .string($0.text) })
    #expect(table.rows.first?[0] == .int(0))
    let missing = ExtractorTestSupport.run("ner documents \(directory)/nothing.txt", in: session)
    #expect(missing.errors.messages.contains("no such file"))
  }

  @Test func badFilesAreClearErrors() throws {
    let directory = ExtractorTestSupport.temporaryDirectory()
    try FilePaths.write("not a model", to: directory + "/bad.model")
    try FilePaths.write(ExtractorTestSupport.conll, to: directory + "/data.txt")
    let session = ExtractorTestSupport.session()
    let missing = ExtractorTestSupport.run("ner evaluate \(directory)/nothing.txt", in: session)
    #expect(missing.errors.messages.contains("no such file"))
    let model = ExtractorTestSupport.run(
      "ner evaluate \(directory)/data.txt --model \(directory)/bad.model", in: session)
    #expect(model.errors.messages.contains("not a Quarry tagger model"))
    let output = ExtractorTestSupport.run("ner train \(directory)/data.txt", in: session)
    #expect(output.errors.messages.contains("needs --output"))
  }
}
