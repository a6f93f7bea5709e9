import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct SyntaxTrainingTests {
  @Test func trainingIsDeterministicAndLearnsItsData() throws {
    let data = try SyntaxTestSupport.sentences(300)
    let first = try SyntaxTraining.train(data, options: SyntaxTestSupport.options())
    let second = try SyntaxTraining.train(data, options: SyntaxTestSupport.options())
    #expect(first.serialize() == second.serialize())
    let held = try SyntaxTestSupport.sentences(60, seed: 99)
    let score = try SyntaxScore.score(held, model: first)
    #expect(score.uposAccuracy > 95)
    #expect(score.uas > 95)
    #expect(score.las > 95)
    #expect(score.lemmaAccuracy > 95)
  }

  @Test func passesAreReportedWithTheModelSoFar() throws {
    var stages: [String] = []
    var models = 0
    _ = try SyntaxTraining.train(try SyntaxTestSupport.sentences(60), options: SyntaxTestSupport.options()) {
      report, model in
      stages.append("\(report.stage) \(report.epoch)")
      if model != nil { models += 1 }
    }
    #expect(stages == ["tagger 1", "tagger 2", "tagger 3", "parser 1", "parser 2", "parser 3"])
    #expect(models == 3)
  }

  @Test func sentencesThatAreNotTreesTeachOnlyTheTagger() throws {
    var data = try SyntaxTestSupport.sentences(40)
    // A cycle: word 1's head is 2 and word 2's is 1.
    data[0].words[0].fields[CoNLLUColumn.head] = "2"
    data[0].words[1].fields[CoNLLUColumn.head] = "1"
    let model = try SyntaxTraining.train(data, options: SyntaxTestSupport.options())
    #expect(model.parserFeatureCount > 0)
  }

  @Test func aTreebankWithoutARootRelationIsRefused() throws {
    let text = "1\tHi\thi\tINTJ\tUH\t_\t0\tdiscourse\t_\t_\n"
    let data = try CoNLLU.parse(text: text, file: "t", strictness: .annotated)
    #expect(throws: SyntaxTraining.TrainingError.self) {
      try SyntaxTraining.train(data, options: SyntaxTestSupport.options())
    }
  }
}
