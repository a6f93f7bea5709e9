import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct SyntaxCommandsTests {
  /// A folder with the made-up treebank and a model trained on it.
  static func trainedFolder() throws -> String {
    let directory = ExtractorTestSupport.temporaryDirectory()
    try FilePaths.write(SyntaxTestSupport.treebank(sentences: 150), to: directory + "/train.conllu")
    try FilePaths.write(SyntaxTestSupport.treebank(sentences: 30, seed: 5), to: directory + "/dev.conllu")
    let session = ExtractorTestSupport.session()
    let trained = ExtractorTestSupport.run(
      "syntax train \(directory)/train.conllu --output \(directory)/syntax.model --tagger-epochs 2 "
        + "--parser-epochs 2 --folds 2 --min-updates 1 --validate \(directory)/dev.conllu", in: session)
    #expect(trained.errors.isEmpty)
    let passes = try #require(trained.values.last?.tableValue)
    #expect(passes.columns == ["stage", "epoch", "mistakes", "seconds", "upos", "uas", "las"])
    #expect(passes.rows.count == 4)
    return directory
  }

  @Test func trainsEvaluatesAndParsesWithAModelFile() throws {
    let directory = try Self.trainedFolder()
    let session = ExtractorTestSupport.session()
    let scores = try #require(
      ExtractorTestSupport.table(
        "syntax evaluate \(directory)/dev.conllu --model \(directory)/syntax.model", session))
    #expect(
      scores.columns == ["words", "upos", "xpos", "lemma", "uas", "las", "las_full", "words_per_second"])
    #expect(scores.rows[0][4].doubleValue! > 90)
    let relations = try #require(
      ExtractorTestSupport.table(
        "syntax evaluate \(directory)/dev.conllu --model \(directory)/syntax.model --by relation", session))
    #expect(relations.columns == ["relation", "gold", "predicted", "correct", "precision", "recall", "f1"])
    #expect(relations.rows.contains { $0[0] == .string("nsubj") })

    let parse = try #require(
      ExtractorTestSupport.table(
        "syntax parse 'the dog saw a bank.' --model \(directory)/syntax.model", session))
    #expect(parse.columns == ["sentence", "id", "word", "lemma", "upos", "xpos", "head", "relation"])
    #expect(parse.rows.map { $0[2] } == ["the", "dog", "saw", "a", "bank", "."].map(Value.string))
    #expect(parse.rows[2][7] == .string("root"))
    #expect(parse.rows[1][6] == .int(3))
    let tree = ExtractorTestSupport.run(
      "syntax parse 'the dog saw a bank.' --tree --model \(directory)/syntax.model", in: session)
    #expect(
      tree.values.last
        == .string(
          "saw  root  VERB\n├── dog  nsubj  NOUN\n│   └── the  det  DET\n├── bank  obj  NOUN\n│   └── a  det  DET\n└── .  punct  PUNCT"
        ))
  }

  @Test func annotateRewritesTheAnnotationAndKeepsEverythingElse() throws {
    let directory = try Self.trainedFolder()
    let input = """
      # sent_id = x
      # text = the dog saw a bank.
      1\tthe
      2-3\tdogsaw
      2\tdog
      3\tsaw
      3.1\tsaw\t_\t_\t_\t_\t_\t_\t3:conj\t_
      4\ta
      5\tbank\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
      6\t.

      """
    try FilePaths.write(input, to: directory + "/raw.conllu")
    let session = ExtractorTestSupport.session()
    let result = ExtractorTestSupport.run(
      "syntax annotate \(directory)/raw.conllu --output \(directory)/out.conllu --model \(directory)/syntax.model",
      in: session)
    #expect(result.errors.isEmpty)
    #expect(result.values.last?.recordValue?["words"] == .int(6))
    let lines = try FilePaths.readText(directory + "/out.conllu").split(separator: "\n").map(String.init)
    #expect(lines[0] == "# sent_id = x")
    #expect(lines[3] == "2-3\tdogsaw\t_\t_\t_\t_\t_\t_\t_\t_")
    #expect(lines[6] == "3.1\tsaw\t_\t_\t_\t_\t_\t_\t_\t_")
    let words = lines.filter { $0.first?.isNumber == true && !$0.contains("-") && !$0.contains(".1") }
    #expect(words.count == 6)
    for word in words { #expect(word.split(separator: "\t", omittingEmptySubsequences: false).count == 10) }
    #expect(words[4].hasSuffix("\tSpaceAfter=No"))
    #expect(words[2].split(separator: "\t")[7] == "root")

    let again = ExtractorTestSupport.run(
      "syntax annotate \(directory)/raw.conllu --output \(directory)/out.conllu --model \(directory)/syntax.model",
      in: session)
    #expect(again.errors.messages.contains("exists"))
  }

  @Test func badInputIsAClearErrorNamingTheFileAndLine() throws {
    let directory = try Self.trainedFolder()
    try FilePaths.write("1\tfine\n2\n", to: directory + "/broken.conllu")
    try FilePaths.write("", to: directory + "/empty.conllu")
    try FilePaths.write("not a model", to: directory + "/bad.model")
    try FilePaths.write(bytes: [0x7F, 0x45, 0x4C, 0x46, 0xFF, 0x00, 0x9C], to: directory + "/binary.conllu")
    let session = ExtractorTestSupport.session()
    let model = "--model \(directory)/syntax.model"
    func message(_ source: String) -> String { ExtractorTestSupport.run(source, in: session).errors.messages }
    #expect(
      message("syntax annotate \(directory)/broken.conllu --output \(directory)/o1 \(model)")
        .contains("\(directory)/broken.conllu:2: expected an id and a word"))
    #expect(
      message("syntax annotate \(directory)/binary.conllu --output \(directory)/o2 \(model)")
        .contains("binary.conllu:1: the file is not UTF-8 text"))
    #expect(message("syntax evaluate \(directory)/empty.conllu \(model)").contains("holds no sentences"))
    #expect(message("syntax evaluate \(directory)/nothing.conllu \(model)").contains("no such file"))
    #expect(
      message("syntax evaluate \(directory)/dev.conllu --model \(directory)/bad.model").contains(
        "not a Quarry syntax model"))
    #expect(
      message("syntax evaluate \(directory)/dev.conllu --by word \(model)").contains("--by takes 'relation'"))
    #expect(message("syntax train \(directory)/train.conllu").contains("needs --output"))
    #expect(
      message("syntax train \(directory)/train.conllu --output \(directory)/m --folds 1").contains(
        "--folds must be at least 2"))
    // An empty file annotates to an empty file.
    let empty = ExtractorTestSupport.run(
      "syntax annotate \(directory)/empty.conllu --output \(directory)/o3 \(model)", in: session)
    #expect(empty.errors.isEmpty)
    #expect(try FilePaths.readText(directory + "/o3") == "")
  }

  @Test func tokensListsTheParseKeptWithEachArticle() throws {
    _ = try #require(SyntaxModel.standard)
    let session = ExtractorTestSupport.extractedSample()
    let table = try #require(ExtractorTestSupport.table("tokens --sentence 0", session))
    #expect(
      table.columns == [
        "doc", "sentence", "id", "word", "lemma", "upos", "xpos", "head", "relation", "start", "end",
      ])
    #expect(!table.rows.isEmpty)
    #expect(table.rows.filter { $0[8] == .string("root") }.count == 1)
    #expect(table.rows.allSatisfy { $0[1] == .int(0) })
    let ids = table.rows.map { $0[2].intValue! }
    #expect(ids == Array(1...ids.count))
  }
}
