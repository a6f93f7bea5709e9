import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct SyntaxModelTests {
  static func trained() throws -> SyntaxModel {
    try SyntaxTraining.train(try SyntaxTestSupport.sentences(200), options: SyntaxTestSupport.options())
  }

  @Test func aModelFileReadsBackAsTheSameModel() throws {
    let model = try Self.trained()
    let bytes = model.serialize()
    let read = try bytes.withUnsafeBufferPointer { try SyntaxModel(model: $0) }
    #expect(read.serialize() == bytes)
    let sentence = [["the", "court", "praised", "a", "bank", "."]]
    #expect(read.analyze(sentences: sentence) == model.analyze(sentences: sentence))
  }

  @Test func damagedModelFilesAreRefused() throws {
    let bytes = try Self.trained().serialize()
    for broken in [Array("QNER1234".utf8), Array(bytes.prefix(bytes.count / 2)), bytes + [0]] {
      #expect(throws: SyntaxModel.ModelError.self) {
        try broken.withUnsafeBufferPointer { try SyntaxModel(model: $0) }
      }
    }
  }

  @Test func everySentenceGetsOneTreeWhateverItHolds() throws {
    let model = try Self.trained()
    let long = (0..<5_000).map { ["the", "dog", "saw", ",", "and", "Kyiv"][$0 % 6] }
    let odd = ["", "\u{0}", "🙂", "Zürich", "李尚福", String(repeating: "x", count: 10_000)]
    let analysed = model.analyze(sentences: [long, odd, [], ["."]])
    #expect(analysed.map(\.count) == [5_000, 6, 0, 1])
    for sentence in analysed where !sentence.isEmpty {
      #expect(sentence.filter { $0.head == 0 }.count == 1)
      #expect(sentence.filter { $0.relation == "root" }.count == 1)
      let heads = sentence.map { Int32($0.head == 0 ? sentence.count : $0.head - 1) }
      #expect(SyntaxTraining.isTree(heads))
    }
  }

  @Test func theBuiltInModelParsesNewsItWasNotTrainedOn() throws {
    let model = try #require(SyntaxModel.standard)
    let parses = model.analyze(sentences: [
      ["China", "launched", "military", "exercises", "around", "the", "island", "."],
      ["The", "minister", "resigned", "on", "Monday", "."],
    ])
    func word(_ form: String, in sentence: Int = 0) -> SyntaxModel.Word {
      parses[sentence].first { $0.form == form }!
    }
    #expect(word("launched").relation == "root")
    #expect(word("launched").upos == "VERB")
    #expect(word("launched").lemma == "launch")
    #expect(word("China").relation == "nsubj" && word("China").head == 2)
    #expect(word("exercises").relation == "obj" && word("exercises").head == 2)
    #expect(word("exercises").lemma == "exercise")
    #expect(word("military").relation == "amod" && word("military").head == 4)
    #expect(word("around").relation == "case" && word("around").head == 7)
    #expect(word("the").relation == "det" && word("the").head == 7)
    // A past tense straight after its subject, which web text alone reads as a participle.
    #expect(word("resigned", in: 1).xpos == "VBD" && word("resigned", in: 1).relation == "root")
    #expect(word("minister", in: 1).relation == "nsubj" && word("minister", in: 1).head == 3)
  }

  @Test func extractionKeepsEachTokensParse() throws {
    _ = try #require(SyntaxModel.standard)
    let annotations = Annotator().annotate(text: "Officials rejected the plan on Monday. Nobody knew why.")
    let syntax = try #require(annotations.syntax)
    #expect(syntax.tokens.count == annotations.tokenCount)
    #expect(syntax.tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1])
    #expect(syntax.relation(1) == "root" && syntax.tokens[1].head == -1)
    #expect(syntax.tokens[0].head == 1 && syntax.relation(0) == "nsubj")
    #expect(syntax.tokens[3].head == 1 && syntax.relation(3) == "obj")
    #expect(syntax.lemmas[0] == "official" && syntax.lemmas[1] == "reject")
    #expect(syntax.upos(1) == "VERB" && syntax.xpos(1) == "VBD")
    #expect(syntax.relation(7) == "nsubj" && syntax.tokens[7].head == 8)
    #expect(syntax.relation(8) == "root" && syntax.tokens[8].head == -1)
  }

  @Test func namesAreParsedAsOneWordAndDatelinesApart() throws {
    _ = try #require(SyntaxModel.standard)
    let text = "BRUSSELS (Reuters) - European Commission President Ursula von der Leyen met Fumio Kishida."
    let annotations = Annotator().annotate(text: text)
    let syntax = try #require(annotations.syntax)
    let words = Tokenizer.tokenize(text).map(\.text)
    func at(_ word: String) -> Int { words.firstIndex(of: word)! }
    // Each word of a name hangs from its last word as `flat`, tagged a proper noun.
    for word in ["Ursula", "von", "der"] {
      #expect(syntax.tokens[at(word)].head == Int32(at("Leyen")) && syntax.relation(at(word)) == "flat")
    }
    #expect(syntax.upos(at("Ursula")) == "PROPN" && syntax.upos(at("Fumio")) == "PROPN")
    #expect(syntax.tokens[at("Fumio")].head == Int32(at("Kishida")))
    // The name's last word is the verb's subject, and the dateline is a tree of its own.
    #expect(syntax.relation(at("Leyen")) == "nsubj" && syntax.tokens[at("Leyen")].head == Int32(at("met")))
    #expect(syntax.relation(at("met")) == "root")
    #expect(syntax.tokens[at("BRUSSELS")].head == -1)
    // The syntax commands parse the words as written, names and all.
    let plain = try #require(SyntaxModel.standard).analyze(sentences: [
      ["Ursula", "von", "der", "Leyen", "met", "him"]
    ])
    #expect(plain[0].count == 6)
  }
}
