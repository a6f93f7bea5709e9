import QuarryCore
import Testing

@testable import QuarryExtractor

@Suite struct CoNLLUTests {
  static let withRangesAndEmptyNodes = """
    # sent_id = 1
    # text = I don't know.
    1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
    2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
    2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
    3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
    4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
    4.1\tknows\t_\t_\t_\t_\t_\t_\t4:conj\t_
    5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

    """

  @Test func readsWordsAndKeepsTheOtherLinesInPlace() throws {
    let sentences = try CoNLLU.parse(
      text: Self.withRangesAndEmptyNodes, file: "a.conllu", strictness: .annotated)
    #expect(sentences.count == 1)
    #expect(sentences[0].forms == ["I", "do", "n't", "know", "."])
    #expect(sentences[0].comments == ["# sent_id = 1", "# text = I don't know."])
    #expect(sentences[0].items.count == 7)
    #expect(CoNLLU.write(sentences) == Self.withRangesAndEmptyNodes + "\n")
  }

  @Test func wordsOnlyNeedAnIdAndAForm() throws {
    let sentences = try CoNLLU.parse(text: "1\tHello\n2\tworld\n\n1\tAgain\n", file: "w", strictness: .words)
    #expect(sentences.map(\.forms) == [["Hello", "world"], ["Again"]])
    #expect(CoNLLU.write(sentences).hasPrefix("1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n"))
  }

  @Test func windowsLineEndsAreLineEnds() throws {
    let text = "# a\r\n1\tHello\r\n2\tworld\r\n\r\n1\tAgain\r\n"
    let sentences = try CoNLLU.parse(text: text, file: "crlf", strictness: .words)
    #expect(sentences.map(\.forms) == [["Hello", "world"], ["Again"]])
    #expect(sentences[0].comments == ["# a"])
    #expect(sentences[1].firstLine == 5)
  }

  @Test func anEmptyFileHoldsNoSentences() throws {
    #expect(try CoNLLU.parse(text: "", file: "e", strictness: .annotated).isEmpty)
    #expect(try CoNLLU.parse(text: "\n\n\n", file: "e", strictness: .words).isEmpty)
  }

  @Test func faultsNameTheFileAndLine() {
    func fault(_ text: String, _ strictness: CoNLLU.Strictness = .annotated) -> String {
      do {
        _ = try CoNLLU.parse(text: text, file: "bad.conllu", strictness: strictness)
        return ""
      } catch {
        return String(describing: error)
      }
    }
    #expect(
      fault("1\tA\tA\tX\tX\t_\t0\troot\t_\t_\n2\tB\n")
        == "bad.conllu:2: expected 10 tab-separated columns, found 2")
    #expect(fault("1\tA\n3\tB\n", .words) == "bad.conllu:2: word id 3 out of order: expected 2")
    #expect(fault("hello world\n", .words).hasPrefix("bad.conllu:1: expected an id and a word"))
    #expect(fault("x\ty\n", .words) == "bad.conllu:1: 'x' is not a word id (a whole number from 1)")
    #expect(fault("1\tA\tA\tX\tX\t_\tz\troot\t_\t_\n").hasPrefix("bad.conllu:1: word 1 has head 'z'"))
    #expect(fault("1\tA\tA\tX\tX\t_\t5\troot\t_\t_\n").hasPrefix("bad.conllu:1: word 1 has head 5, past"))
    #expect(fault("1\tA\n# late\n", .words).hasPrefix("bad.conllu:2: a comment inside a sentence"))
    #expect(fault("1-x\tA\n", .words).hasPrefix("bad.conllu:1: '1-x' is not a word id"))
  }

  @Test func bytesThatAreNotUTF8AreRefusedWithTheirLine() {
    let bytes = Array("1\tok\n2\t".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
    #expect(throws: CoNLLU.FormatError.self) {
      try CoNLLU.parse(bytes: bytes, file: "b.conllu", strictness: .words)
    }
    do {
      _ = try CoNLLU.parse(bytes: bytes, file: "b.conllu", strictness: .words)
    } catch {
      #expect(String(describing: error) == "b.conllu:2: the file is not UTF-8 text")
    }
  }
}
