import Testing

@testable import QuarryExtractor

@Suite struct LemmatizerTests {
  static let rules = Lemmatizer(
    exceptions: [:],
    knownLemmas: ["hope", "help", "stop", "city", "box", "run", "make", "big", "happy", "wolf"])

  @Test func inflectionRulesChooseAKnownLemma() {
    let rules = Self.rules
    #expect(rules.lemma("hoped", xpos: "VBD") == "hope")
    #expect(rules.lemma("helped", xpos: "VBN") == "help")
    #expect(rules.lemma("stopped", xpos: "VBD") == "stop")
    #expect(rules.lemma("running", xpos: "VBG") == "run")
    #expect(rules.lemma("making", xpos: "VBG") == "make")
    #expect(rules.lemma("cities", xpos: "NNS") == "city")
    #expect(rules.lemma("boxes", xpos: "NNS") == "box")
    #expect(rules.lemma("wolves", xpos: "NNS") == "wolf")
    #expect(rules.lemma("bigger", xpos: "JJR") == "big")
    #expect(rules.lemma("happiest", xpos: "JJS") == "happy")
    #expect(rules.lemma("Dogs", xpos: "NNS") == "dog")
    #expect(rules.lemma("Paris", xpos: "NNP") == "Paris")
    #expect(rules.lemma("Americans", xpos: "NNPS") == "American")
    #expect(rules.lemma("The", xpos: "DT") == "the")
  }

  @Test func anUnknownStemLosesTheConsonantItsEndingDoubled() {
    #expect(Self.rules.lemma("dubbed", xpos: "VBN") == "dub")
    #expect(Self.rules.lemma("plotted", xpos: "VBD") == "plot")
    #expect(Self.rules.lemma("billed", xpos: "VBD") == "bill")
    // In training the rules stay as they were, so that the model does not change.
    let training = Lemmatizer(exceptions: [:], knownLemmas: [], irregulars: false)
    #expect(training.lemma("dubbed", xpos: "VBN") == "dubb")
  }

  @Test func exceptionsAreLearntWhereTheRulesGoWrong() {
    let words: [(form: String, xpos: String, lemma: String)] = [
      ("went", "VBD", "go"), ("went", "VBD", "go"), ("n't", "RB", "not"), ("hoped", "VBD", "hope"),
      ("hope", "VB", "hope"), ("I", "PRP", "I"), ("States", "NNPS", "State"),
    ]
    let learnt = Lemmatizer(learningFrom: words)
    #expect(learnt.exceptions[Lemmatizer.key("VBD", "went")] == "go")
    #expect(learnt.exceptions[Lemmatizer.key("RB", "n't")] == "not")
    #expect(learnt.exceptions[Lemmatizer.key("VBD", "hoped")] == nil)
    #expect(learnt.lemma("WENT", xpos: "VBD") == "go")
    #expect(learnt.lemma("I", xpos: "PRP") == "I")
    #expect(learnt.lemma("States", xpos: "NNPS") == "State")
  }

  @Test func irregularVerbsTheDataNeverShowedAreKnown() {
    #expect(Self.rules.lemma("fought", xpos: "VBD") == "fight")
    #expect(Self.rules.lemma("withdrawn", xpos: "VBN") == "withdraw")
    #expect(Self.rules.lemma("Sought", xpos: "VBD") == "seek")
    // Only verbs: "found" as a noun stays itself.
    #expect(Self.rules.lemma("found", xpos: "NN") == "found")
    // What training learns does not depend on the table: "went" is still an exception,
    // so models trained before and after it are the same.
    let learnt = Lemmatizer(learningFrom: [("went", "VBD", "go"), ("fought", "VBD", "fight")])
    #expect(learnt.exceptions[Lemmatizer.key("VBD", "went")] == "go")
    #expect(learnt.exceptions[Lemmatizer.key("VBD", "fought")] == "fight")
  }
}
