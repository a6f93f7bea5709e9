/// Lemmas from a word and its Penn Treebank tag: English inflection rules, choosing among
/// the forms a rule allows the one seen as a lemma in training ("hoped" → "hope", "helped"
/// → "help"), and an exception list learned from the training data for every word whose
/// lemma the rules get wrong there ("went" → "go", "n't" → "not", "'s" as a verb → "be").
struct Lemmatizer: Sendable {
  /// "xpos\u{1}lower-case form" → lemma.
  let exceptions: [String: String]
  /// Lemmas of nouns, verbs, adjectives and adverbs seen in training, in lower case.
  let knownLemmas: Set<String>

  /// Whether English irregular verbs the training data never showed are known too.
  let irregulars: Bool

  init(exceptions: [String: String], knownLemmas: Set<String>, irregulars: Bool = true) {
    self.exceptions = exceptions
    self.knownLemmas = knownLemmas
    self.irregulars = irregulars
  }

  /// Past tenses and participles of irregular English verbs → the verb: what a treebank
  /// of 200,000 words leaves out ("fought", "withdrew", "sought"). Kept out of training,
  /// so the exceptions learned from the data, and the model, do not depend on it.
  static let irregularVerbs: [String: String] = {
    let table = """
      arise arose arisen|awake awoke awoken|bear bore borne born|beat beaten|become became|begin began begun|\
      bend bent|bet|bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|\
      breed bred|bring brought|broadcast|build built|burn burnt|burst|buy bought|cast|catch caught|\
      choose chose chosen|cling clung|come came|cost|creep crept|cut|deal dealt|dig dug|do did done|\
      draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|dwell dwelt|eat ate eaten|\
      fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|fling flung|fly flew flown|\
      forbid forbade forbidden|forecast|foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|\
      freeze froze frozen|get got gotten|give gave given|go went gone|grind ground|grow grew grown|\
      hang hung|have had|hear heard|hide hid hidden|hit|hold held|hurt|keep kept|kneel knelt|\
      know knew known|lay laid|lead led|lean leant|leap leapt|learn learnt|leave left|lend lent|let|\
      lie lay lain|light lit|lose lost|make made|mean meant|meet met|mislead misled|mistake mistook mistaken|\
      outdo outdid outdone|overcome overcame|overrun overran|oversee oversaw overseen|overtake overtook overtaken|\
      overthrow overthrew overthrown|pay paid|prove proven|put|quit|read|rebuild rebuilt|redo redid redone|\
      rid|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see saw seen|seek sought|\
      sell sold|send sent|set|shake shook shaken|shed|shine shone|shoot shot|show shown|shrink shrank shrunk|\
      shut|sing sang sung|sink sank sunk|sit sat|slay slew slain|sleep slept|slide slid|sling slung|\
      speak spoke spoken|speed sped|spend spent|spin spun|spit spat|split|spread|spring sprang sprung|\
      stand stood|steal stole stolen|stick stuck|sting stung|stink stank stunk|strike struck stricken|\
      string strung|strive strove striven|swear swore sworn|sweep swept|swell swollen|swim swam swum|\
      swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|\
      thrust|tread trod trodden|undergo underwent undergone|understand understood|undertake undertook undertaken|\
      undo undid undone|uphold upheld|upset|wake woke woken|wear wore worn|weave wove woven|weep wept|\
      win won|wind wound|withdraw withdrew withdrawn|withhold withheld|withstand withstood|wring wrung|\
      write wrote written
      """
    var verbs: [String: String] = [:]
    for entry in table.split(separator: "|") {
      let words = entry.split(separator: " ").map(String.init)
      for form in words.dropFirst() { verbs[form] = words[0] }
    }
    return verbs
  }()

  /// Learns the exceptions and known lemmas from (form, XPOS, lemma) triples.
  init(learningFrom words: [(form: String, xpos: String, lemma: String)]) {
    var known: Set<String> = []
    for word in words
    where Self.inflected.contains(word.xpos) || ["NN", "VB", "JJ", "RB", "VBP"].contains(word.xpos) {
      known.insert(word.lemma.lowercased())
    }
    // For each tag and lower-case form: how often each lemma and each written form occur.
    var lemmaCounts: [String: [String: Int]] = [:]
    var formCounts: [String: [String: Int]] = [:]
    for word in words {
      let key = Self.key(word.xpos, word.form.lowercased())
      lemmaCounts[key, default: [:]][word.lemma, default: 0] += 1
      formCounts[key, default: [:]][word.form, default: 0] += 1
    }
    // The most frequent, ties to the first in order, so training is reproducible.
    func mostFrequent(_ counts: [String: Int]) -> String {
      counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
    }
    let rules = Lemmatizer(exceptions: [:], knownLemmas: known, irregulars: false)
    var exceptions: [String: String] = [:]
    for (key, lemmas) in lemmaCounts {
      let lemma = mostFrequent(lemmas)
      let xpos = String(key.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)[0])
      if rules.lemma(mostFrequent(formCounts[key]!), xpos: xpos) != lemma { exceptions[key] = lemma }
    }
    self.init(exceptions: exceptions, knownLemmas: known)
  }

  private static let inflected: Set<String> = [
    "NNS", "NNPS", "VBZ", "VBD", "VBN", "VBG", "JJR", "JJS", "RBR", "RBS",
  ]

  private static func keepsCase(_ xpos: String) -> Bool { xpos == "NNP" || xpos == "NNPS" }

  static func key(_ xpos: String, _ lower: String) -> String { xpos + "\u{1}" + lower }

  /// The lemma of `form` tagged `xpos`.
  func lemma(_ form: String, xpos: String) -> String { lemma(form, lower: form.lowercased(), xpos: xpos) }

  /// The lemma of `form`, given its lower-case form.
  func lemma(_ form: String, lower: String, xpos: String) -> String {
    if let exception = exceptions[Self.key(xpos, lower)] {
      // A proper noun's exception is about its ending; keep the form's own case.
      if Self.keepsCase(xpos), exception.lowercased() == lower { return form }
      return exception
    }
    if irregulars, xpos == "VBD" || xpos == "VBN", let verb = Self.irregularVerbs[lower] { return verb }
    if Self.keepsCase(xpos) {
      guard xpos == "NNPS" else { return form }
      let ruled = ruleLemma(lower, xpos: "NNS")
      return String(form.prefix(ruled.count))
    }
    return ruleLemma(lower, xpos: xpos)
  }

  /// The rules alone, on a lower-case form.
  func ruleLemma(_ lower: String, xpos: String) -> String {
    switch xpos {
    case "NNS", "NNPS":
      return choose(lower, plural(lower))
    case "VBZ":
      return choose(lower, plural(lower))
    case "VBD", "VBN":
      return choose(lower, verbStem(lower, ending: "ed"))
    case "VBG":
      return choose(lower, verbStem(lower, ending: "ing"))
    case "JJR", "RBR":
      return choose(lower, comparative(lower, ending: "er"))
    case "JJS", "RBS":
      return choose(lower, comparative(lower, ending: "est"))
    case "NNP":
      return lower
    default:
      return lower
    }
  }

  /// The first candidate seen as a lemma in training, else the first candidate.
  private func choose(_ lower: String, _ candidates: [String]) -> String {
    for candidate in candidates where knownLemmas.contains(candidate) { return candidate }
    return candidates.first ?? lower
  }

  private func plural(_ word: String) -> [String] {
    guard word.count > 2, word.hasSuffix("s") else { return [word] }
    if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return [word] }
    if word.hasSuffix("ies"), word.count > 4 {
      return [String(word.dropLast(3)) + "y", String(word.dropLast(1))]
    }
    var candidates: [String] = []
    if word.hasSuffix("es") {
      let stem = String(word.dropLast(2))
      if stem.hasSuffix("s") || stem.hasSuffix("x") || stem.hasSuffix("z") || stem.hasSuffix("ch")
        || stem.hasSuffix("sh") || stem.hasSuffix("o")
      {
        candidates.append(stem)
      }
      if stem.hasSuffix("v") { candidates.append(String(stem.dropLast()) + "f") }
    }
    candidates.insert(String(word.dropLast()), at: candidates.isEmpty ? 0 : 1)
    return candidates
  }

  private func verbStem(_ word: String, ending: String) -> [String] {
    guard word.count > ending.count + 1, word.hasSuffix(ending) else { return [word] }
    let stem = String(word.dropLast(ending.count))
    var candidates: [String] = []
    if ending == "ed", stem.hasSuffix("i") { candidates.append(String(stem.dropLast()) + "y") }
    if ending == "ing", stem.hasSuffix("y") == false, stem.hasSuffix("ck") { candidates.append(stem) }
    let scalars = Array(stem.unicodeScalars)
    if scalars.count >= 2, scalars[scalars.count - 1] == scalars[scalars.count - 2],
      !"aeiouslz".unicodeScalars.contains(scalars[scalars.count - 1])
    {
      candidates.append(String(stem.dropLast()))
    }
    candidates.append(stem + "e")
    candidates.append(stem)
    if ending == "ed" { candidates.append(String(word.dropLast())) }
    // Without any known candidate: a stem ending in a consonant after a single vowel
    // usually had an e ("hoped"), otherwise not ("helped").
    // A doubled final consonant was doubled by the ending ("dubbed" → "dub"), where
    // irregular verbs are looked up (not in training, whose model must not change).
    let doubled =
      irregulars && scalars.count >= 3 && scalars[scalars.count - 1] == scalars[scalars.count - 2]
      && "bdgmnprt".unicodeScalars.contains(scalars[scalars.count - 1])
    let fallback = doubled ? String(stem.dropLast()) : Self.needsSilentE(stem) ? stem + "e" : stem
    return [candidates.first { knownLemmas.contains($0) } ?? fallback]
  }

  private func comparative(_ word: String, ending: String) -> [String] {
    guard word.count > ending.count + 1, word.hasSuffix(ending) else { return [word] }
    let stem = String(word.dropLast(ending.count))
    var candidates: [String] = []
    if stem.hasSuffix("i") { candidates.append(String(stem.dropLast()) + "y") }
    let scalars = Array(stem.unicodeScalars)
    if scalars.count >= 2, scalars[scalars.count - 1] == scalars[scalars.count - 2] {
      candidates.append(String(stem.dropLast()))
    }
    candidates.append(stem)
    candidates.append(stem + "e")
    return [candidates.first { knownLemmas.contains($0) } ?? word]
  }

  /// "hop" (consonant, one vowel, consonant, not w/x/y) takes an e back: "hope".
  private static func needsSilentE(_ stem: String) -> Bool {
    let scalars = Array(stem.unicodeScalars)
    guard scalars.count >= 3 else { return false }
    let vowels = "aeiou".unicodeScalars
    let last = scalars[scalars.count - 1]
    let middle = scalars[scalars.count - 2]
    let before = scalars[scalars.count - 3]
    return !vowels.contains(last) && !"wxy".unicodeScalars.contains(last) && vowels.contains(middle)
      && !vowels.contains(before) && ["v", "z", "c", "s"].contains(String(last))
  }
}
