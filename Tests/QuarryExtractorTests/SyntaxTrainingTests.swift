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

  @Test func taggedOnlySentencesTeachTheTaggerWithTheTreebanksUPOS() throws {
    let tagged: [SyntaxTraining.TaggedSentence] = [
      [("the", "DT"), ("minister", "NN"), ("saw", "VBD")],
      [("Lena", "NNP"), ("(", "("), ("saw", "VBD"), (")", ")")],
      [("Kyiv", "NNP"), ("fell", "ZZ")],
    ]
    #expect(tagged.count == 3)
    #expect(tagged[0].map(\.form) == ["the", "minister", "saw"])
    let rows = [
      "1\tLena\tLena\tPROPN\tNNP\t_\t6\tnsubj", "2\t(\t(\tPUNCT\t-LRB-\t_\t4\tpunct",
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet", "4\tminister\tminister\tNOUN\tNN\t_\t1\tappos",
      "5\t)\t)\tPUNCT\t-RRB-\t_\t4\tpunct", "6\tsaw\tsee\tVERB\tVBD\t_\t0\troot",
      "7\tKyiv\tKyiv\tPROPN\tNNP\t_\t6\tobj",
    ]
    let text = String(repeating: rows.map { $0 + "\t_\t_\n" }.joined() + "\n", count: 20)
    let treebank = try CoNLLU.parse(text: text, file: "t", strictness: .annotated)
    let tags = TagSet(names: [
      "DET\tDT", "NOUN\tNN", "PROPN\tNNP", "PUNCT\t-LRB-", "PUNCT\t-RRB-", "VERB\tVBD",
    ])
    let examples = SyntaxTraining.taggedExamples(tagged, treebank: treebank, tags: tags)
    // The third sentence has a tag the treebank lacks and is left out.
    #expect(examples.count == 2)
    #expect(examples[0].tags.map { tags.names[Int($0)] } == ["DET\tDT", "NOUN\tNN", "VERB\tVBD"])
    #expect(
      examples[1].tags.map { tags.names[Int($0)] } == [
        "PROPN\tNNP", "PUNCT\t-LRB-", "VERB\tVBD", "PUNCT\t-RRB-",
      ])
    #expect(examples.allSatisfy { $0.heads.isEmpty })

    let model = try SyntaxTraining.train(treebank, taggedOnly: tagged, options: SyntaxTestSupport.options())
    let again = try SyntaxTraining.train(treebank, taggedOnly: tagged, options: SyntaxTestSupport.options())
    #expect(model.serialize() == again.serialize())
  }
}
