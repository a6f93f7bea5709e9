import QuarryCore
import QuarryModel
import Testing

@testable import QuarryExtractor

/// The clause finder on parses given by hand, so each test checks the finder's reading of
/// a tree and not the parser; the last tests run the whole pipeline.
@Suite struct ClauseFinderTests {
  /// A clause as a line: `subject|predicate|object`, the subject and object by their first
  /// entity where they name one, else by their words; then the flags that are set.
  struct Reading: CustomStringConvertible {
    var clause: Clause
    var text: String

    func words(_ phrase: ClausePhrase?) -> String {
      guard let phrase else { return "_" }
      let scalars = Array(text.unicodeScalars)
      return Tokenizer.makeString(scalars, Int(phrase.start), Int(phrase.end))
    }
    func name(_ phrase: ClausePhrase?) -> String {
      phrase?.entities.first ?? words(phrase)
    }
    var description: String {
      var line = "\(name(clause.subject))|\(clause.predicate)|\(name(clause.object))"
      if clause.negated { line += " not" }
      if clause.passive { line += " passive" }
      if let modality = clause.modality { line += " " + modality }
      if let saidBy = clause.saidBy { line += " said by " + name(saidBy) }
      return line
    }
    var arguments: [String] { clause.arguments.map { "\($0.role): \(words($0.phrase))" } }
  }

  func read(_ sentences: [String], entities: [(Range<Int>, EntityType)] = []) -> [Reading] {
    let document = ClauseTestSupport.parse(sentences, entities: entities)
    return ClauseFinder.readings(document.parsed, roles: []).map {
      Reading(clause: $0.clause, text: document.string)
    }
  }

  @Test func verbsTakeTheirSubjectObjectAndArguments() {
    let readings = read(
      [
        "China PROPN NNP 2 nsubj|launched VERB VBD 0 root launch|exercises NOUN NNS 2 obj exercise|around ADP IN 6 case|the DET DT 6 det|island NOUN NN 2 obl|on ADP IN 8 case|Monday PROPN NNP 2 obl|. PUNCT . 2 punct"
      ], entities: [(0..<1, .geopolitical), (7..<8, .date)])
    #expect(readings.map(\.description) == ["China|launch|exercises"])
    #expect(readings[0].arguments == ["around: the island", "time: Monday"])
    #expect(readings[0].clause.tense == "past")
    #expect(readings[0].words(readings[0].clause.object) == "exercises")
  }

  @Test func aNominalObjectKeepsItsNounAndTheModifiersBeforeIt() throws {
    let document = ClauseTestSupport.parse(
      [
        "China PROPN NNP 2 nsubj|launched VERB VBD 0 root launch|large-scale ADJ JJ 5 amod|naval ADJ JJ 5 amod|"
          + "drills NOUN NNS 2 obj drill|around ADP IN 7 case|Taiwan PROPN NNP 5 nmod|. PUNCT . 2 punct"
      ], entities: [(0..<1, .geopolitical), (6..<7, .geopolitical)])
    let clause = try #require(ClauseFinder.readings(document.parsed, roles: []).first?.clause)
    let noun = try #require(clause.objectNoun)
    let scalars = Array(document.string.unicodeScalars)
    #expect(Tokenizer.makeString(scalars, Int(noun.start), Int(noun.end)) == "large-scale naval drills")
    // A reported clause is no noun.
    let said = ClauseTestSupport.parse([
      "Kim PROPN NNP 2 nsubj|said VERB VBD 0 root say|talks NOUN NNS 4 nsubj talk|failed VERB VBD 2 ccomp fail|. PUNCT . 2 punct"
    ])
    #expect(ClauseFinder.readings(said.parsed, roles: []).allSatisfy { $0.clause.objectNoun == nil })
  }

  @Test func passivesTurnActive() {
    let readings = read(
      [
        "Law PROPN NNP 10 nsubj|and CCONJ CC 3 cc|Justice PROPN NNP 1 conj|, PUNCT , 5 punct|led VERB VBN 1 acl lead|by ADP IN 7 case|Jarosław PROPN NNP 5 obl:agent|Kaczyński PROPN NNP 7 flat|, PUNCT , 10 punct|won VERB VBD 0 root win|. PUNCT . 10 punct",
        "Ukraine PROPN NNP 3 nsubj:pass|was AUX VBD 3 aux:pass be|attacked VERB VBN 0 root attack|by ADP IN 5 case|Russia PROPN NNP 3 obl|. PUNCT . 3 punct",
      ],
      entities: [
        (0..<3, .organization), (6..<8, .person), (11..<12, .geopolitical), (15..<16, .geopolitical),
      ])
    let lines = readings.map(\.description)
    #expect(lines.contains("Law and Justice|win|_"))
    #expect(lines.contains("Jarosław Kaczyński|lead|Law and Justice passive"))
    #expect(lines.contains("Russia|attack|Ukraine passive"))
    let lead = readings.first { $0.clause.predicate == "lead" }
    #expect(lead?.words(lead?.clause.object) == "Law and Justice")
  }

  @Test func reportedSpeechIsSaidByTheSpeakerAndPronounsResolve() {
    let readings = read(
      [
        "Microsoft PROPN NNP 2 nsubj|said VERB VBD 0 root say|it PRON PRP 5 nsubj|would AUX MD 5 aux|buy VERB VB 2 ccomp|Activision PROPN NNP 5 obj|. PUNCT . 2 punct",
        "\" PUNCT `` 4 punct|We PRON PRP 4 nsubj we|will AUX MD 4 aux|fight VERB VB 0 root|, PUNCT , 4 punct|\" PUNCT '' 4 punct|said VERB VBD 4 parataxis say|Smith PROPN NNP 7 nsubj|. PUNCT . 4 punct",
      ], entities: [(0..<1, .organization), (5..<6, .organization), (14..<15, .person)])
    let lines = readings.map(\.description)
    #expect(lines.contains("Microsoft|buy|Activision would said by Microsoft"))
    #expect(lines.contains("We|fight|_ said by Smith"))
    #expect(readings.first { $0.clause.predicate == "buy" }?.clause.subject?.resolved == true)
    #expect(readings.first { $0.clause.predicate == "fight" }?.clause.tense == "future")
  }

  @Test func controlAndWhatWasDeclined() {
    let readings = read(
      [
        "China PROPN NNP 2 nsubj|declined VERB VBD 0 root decline|an DET DT 4 det|offer NOUN NN 2 obj|to PART TO 6 mark|have VERB VB 4 acl|Austin PROPN NNP 6 obj|meet VERB VB 6 xcomp|Li PROPN NNP 8 obj|. PUNCT . 2 punct",
        "The DET DT 2 det|U.S. PROPN NNP 3 nsubj|urged VERB VBD 0 root urge|China PROPN NNP 3 iobj|not PART RB 7 advmod|to PART TO 7 mark|aid VERB VB 3 xcomp|Russia PROPN NNP 7 obj|. PUNCT . 3 punct",
        "Japan PROPN NNP 4 nsubj|did AUX VBD 4 aux do|not PART RB 4 advmod|agree VERB VB 0 root|to PART TO 6 mark|meet VERB VB 4 xcomp|Korea PROPN NNP 6 obj|. PUNCT . 4 punct",
      ],
      entities: [
        (0..<1, .geopolitical), (6..<7, .person), (8..<9, .person), (11..<12, .geopolitical),
        (13..<14, .geopolitical), (17..<18, .geopolitical), (19..<20, .geopolitical),
        (25..<26, .geopolitical),
      ])
    let lines = readings.map(\.description)
    #expect(lines.contains("China|decline|an offer to have Austin meet Li"))
    #expect(lines.contains("Austin|meet|Li not"))
    #expect(lines.contains("U.S.|urge|China"))
    #expect(lines.contains("China|aid|Russia not"))
    #expect(lines.contains("Japan|agree|to meet Korea not"))
    #expect(lines.contains("Japan|meet|Korea not"))
  }

  @Test func coordinationRelativeClausesAppositionsAndCopulas() {
    let readings = read(
      [
        "Smith PROPN NNP 4 nsubj|and CCONJ CC 3 cc|Jones PROPN NNP 1 conj|met VERB VBD 0 root meet|Li PROPN NNP 4 obj|and CCONJ CC 7 cc|signed VERB VBD 4 conj sign|a DET DT 9 det|deal NOUN NN 7 obj|. PUNCT . 4 punct",
        "The DET DT 2 det|company NOUN NN 8 nsubj|, PUNCT , 5 punct|which PRON WDT 5 nsubj|sued VERB VBD 2 acl:relcl sue|Northwind PROPN NNP 5 obj|, PUNCT , 2 punct|lost VERB VBD 0 root lose|. PUNCT . 8 punct",
        "Duda PROPN NNP 8 nsubj|, PUNCT , 4 punct|an DET DT 4 det|ally NOUN NN 1 appos|of ADP IN 6 case|Poland PROPN NNP 4 nmod|, PUNCT , 1 punct|vetoed VERB VBD 0 root veto|it PRON PRP 8 obj|. PUNCT . 8 punct",
        "McCarthy PROPN NNP 4 nsubj|is AUX VBZ 4 cop be|the DET DT 4 det|speaker NOUN NN 0 root|of ADP IN 7 case|the DET DT 7 det|House PROPN NNP 4 nmod|. PUNCT . 4 punct",
      ],
      entities: [
        (0..<1, .person), (2..<3, .person), (4..<5, .person), (15..<16, .organization), (19..<20, .person),
        (24..<25, .geopolitical), (29..<30, .person), (35..<36, .organization),
      ])
    let lines = readings.map(\.description)
    #expect(lines.contains("Smith|meet|Li"))
    #expect(lines.contains("Smith|sign|a deal"))
    #expect(readings.first { $0.clause.predicate == "sign" }?.clause.subject?.entities == ["Smith", "Jones"])
    #expect(lines.contains("The company|sue|Northwind"))
    #expect(lines.contains("The company|lose|_"))
    #expect(lines.contains("Duda|be|an ally of Poland"))
    #expect(readings.first { $0.clause.predicate == "veto" }.map { $0.words($0.clause.subject) } == "Duda")
    #expect(lines.contains("McCarthy|be|the speaker of the House"))
    #expect(readings.first { $0.clause.kind == .copula }?.clause.tense == "present")
  }

  @Test func descriptionsAndPronounsReachBackAcrossSentences() {
    let readings = read(
      [
        "Northwind PROPN NNP 2 nsubj|grew VERB VBD 0 root grow|. PUNCT . 2 punct",
        "The DET DT 2 det|company NOUN NN 3 nsubj|hired VERB VBD 0 root hire|Ruiz PROPN NNP 3 obj|. PUNCT . 3 punct",
        "He PRON PRP 2 nsubj he|joined VERB VBD 0 root join|it PRON PRP 2 obj|. PUNCT . 2 punct",
      ], entities: [(0..<1, .organization), (6..<7, .person)])
    let lines = readings.map(\.description)
    #expect(lines.contains("Northwind|hire|Ruiz"))
    #expect(lines.contains("Ruiz|join|Northwind"))
  }

  @Test func modalityAndTense() {
    #expect(ClauseFinder.modalityAndTense(["will"], xpos: "VB") == (nil, "future"))
    #expect(ClauseFinder.modalityAndTense(["could"], xpos: "VB") == ("could", nil))
    #expect(ClauseFinder.modalityAndTense(["has"], xpos: "VBN") == (nil, "past"))
    #expect(ClauseFinder.modalityAndTense([], xpos: "VBZ") == (nil, "present"))
    #expect(ClauseFinder.modalityAndTense(["would", "have"], xpos: "VBN") == ("would", "past"))
  }

  @Test func theWholePipelineReadsClausesFromItsOwnParse() {
    let annotations = Annotator().annotate(
      text: "Microsoft said on Tuesday it would buy Activision Blizzard.")
    let buy = annotations.clauses.first { $0.predicate == "buy" }
    #expect(buy?.subject?.entities == ["Microsoft"])
    #expect(buy?.object?.entities == ["Activision Blizzard"])
    #expect(buy?.saidBy?.entities == ["Microsoft"])
    #expect(buy?.modality == "would")
  }

  @Test func longAndDeepSentencesTakeBoundedTime() {
    let long = Array(repeating: "Smith said that", count: 1_700).joined(separator: " ") + " Jones left."
    let annotations = Annotator().annotate(text: long)
    #expect(annotations.tokenCount > 5_000)
    #expect(!annotations.clauses.isEmpty)
    let names = Array(repeating: "Smith, Jones and Brown", count: 400).joined(separator: ", ")
    #expect(Annotator().annotate(text: names).clauses.count < 2_000)
    // An unclosed quotation and text in another language give a result or nothing.
    _ = Annotator().annotate(
      text: "\"We will never give up, Smith said. Der Präsident sagte, er werde kommen.")
  }
}
