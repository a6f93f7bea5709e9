/// The verbs the event finder knows: each form's lemma, an event class in the spirit of
/// CAMEO, and whether the class is cooperation (+1) or conflict (-1).
struct EventVerb: Sendable {
  var lemma: String
  var eventClass: String
  var sign: Int
  /// A particle the lemma needs ("shoot down").
  var particle: String?
}

enum EventLexicon {
  /// lemma, class, sign, forms (the first is the lemma's own), particle.
  private static let table: [(String, String, Int, [String], String?)] = [
    ("meet", "consult", 1, ["meet", "meets", "met", "meeting"], nil),
    ("visit", "consult", 1, ["visit", "visits", "visited", "visiting"], nil),
    ("host", "consult", 1, ["host", "hosts", "hosted", "hosting"], nil),
    ("invite", "consult", 1, ["invite", "invites", "invited", "inviting"], nil),
    ("call", "consult", 1, ["call", "calls", "called", "calling"], nil),
    ("inform", "inform", 0, ["inform", "informs", "informed", "informing"], nil),
    ("tell", "inform", 0, ["tell", "tells", "told", "telling"], nil),
    ("sign", "cooperate", 1, ["sign", "signs", "signed", "signing"], nil),
    ("support", "cooperate", 1, ["support", "supports", "supported", "supporting"], nil),
    ("back", "cooperate", 1, ["back", "backs", "backed", "backing"], nil),
    ("praise", "cooperate", 1, ["praise", "praises", "praised", "praising"], nil),
    ("aid", "aid", 1, ["aid", "aids", "aided", "aiding"], nil),
    ("help", "aid", 1, ["help", "helps", "helped", "helping"], nil),
    ("urge", "appeal", 1, ["urge", "urges", "urged", "urging"], nil),
    ("ask", "appeal", 1, ["ask", "asks", "asked", "asking"], nil),
    ("demand", "demand", -1, ["demand", "demands", "demanded", "demanding"], nil),
    ("reject", "reject", -1, ["reject", "rejects", "rejected", "rejecting"], nil),
    ("decline", "reject", -1, ["decline", "declines", "declined", "declining"], nil),
    ("refuse", "reject", -1, ["refuse", "refuses", "refused", "refusing"], nil),
    ("deny", "reject", -1, ["deny", "denies", "denied", "denying"], nil),
    ("accuse", "disapprove", -1, ["accuse", "accuses", "accused", "accusing"], nil),
    (
      "criticize", "disapprove", -1, ["criticize", "criticizes", "criticized", "criticise", "criticised"], nil
    ),
    ("condemn", "disapprove", -1, ["condemn", "condemns", "condemned", "condemning"], nil),
    ("warn", "threaten", -1, ["warn", "warns", "warned", "warning"], nil),
    ("threaten", "threaten", -1, ["threaten", "threatens", "threatened", "threatening"], nil),
    ("sanction", "coerce", -1, ["sanction", "sanctions", "sanctioned", "sanctioning"], nil),
    ("suppress", "coerce", -1, ["suppress", "suppresses", "suppressed", "suppressing"], nil),
    ("arrest", "coerce", -1, ["arrest", "arrests", "arrested", "arresting"], nil),
    ("expel", "coerce", -1, ["expel", "expels", "expelled", "expelling"], nil),
    ("attack", "fight", -1, ["attack", "attacks", "attacked", "attacking"], nil),
    ("invade", "fight", -1, ["invade", "invades", "invaded", "invading"], nil),
    ("bomb", "fight", -1, ["bomb", "bombs", "bombed", "bombing"], nil),
    ("strike", "fight", -1, ["strike", "strikes", "struck", "striking"], nil),
    ("shoot down", "fight", -1, ["shoot", "shoots", "shot", "shooting"], "down"),
    ("defeat", "fight", -1, ["defeat", "defeats", "defeated", "defeating"], nil),
    ("beat", "fight", -1, ["beat", "beats", "beating"], nil),
    ("kill", "fight", -1, ["kill", "kills", "killed", "killing"], nil),
    ("launch", "fight", -1, ["launch", "launches", "launched", "launching"], nil),
    ("sue", "disapprove", -1, ["sue", "sues", "sued", "suing"], nil),
    ("hire", "cooperate", 1, ["hire", "hires", "hired", "hiring"], nil),
    ("join", "cooperate", 1, ["join", "joins", "joined", "joining"], nil),
    ("campaign", "cooperate", 1, ["campaign", "campaigns", "campaigned", "campaigning"], nil),
  ]

  /// Verb form → the verb, for forms that need no particle or whose particle follows.
  static let forms: [String: EventVerb] = {
    var forms: [String: EventVerb] = [:]
    for (lemma, eventClass, sign, words, particle) in table {
      for word in words where forms[word] == nil {
        forms[word] = EventVerb(lemma: lemma, eventClass: eventClass, sign: sign, particle: particle)
      }
    }
    return forms
  }()

  /// Verbs the parse finds whose class the table above does not give: lemma, class, sign.
  private static let lemmas: [(String, String, Int)] = [
    ("talk", "consult", 1), ("speak", "consult", 1), ("host", "consult", 1), ("negotiate", "consult", 1),
    ("phone", "consult", 1), ("acquire", "cooperate", 1), ("buy", "cooperate", 1), ("invest", "cooperate", 1),
    ("endorse", "cooperate", 1), ("appoint", "cooperate", 1), ("nominate", "cooperate", 1),
    ("name", "cooperate", 1), ("elect", "cooperate", 1), ("partner", "cooperate", 1),
    ("ally", "cooperate", 1),
    ("thank", "cooperate", 1), ("congratulate", "cooperate", 1), ("welcome", "cooperate", 1),
    ("fund", "aid", 1), ("finance", "aid", 1), ("supply", "aid", 1), ("rescue", "aid", 1),
    ("provide", "aid", 1), ("call on", "appeal", 1), ("appeal", "appeal", 1), ("request", "appeal", 1),
    ("press", "demand", -1), ("oppose", "reject", -1), ("veto", "reject", -1), ("block", "reject", -1),
    ("blame", "disapprove", -1), ("criticise", "disapprove", -1), ("slam", "disapprove", -1),
    ("fire", "coerce", -1), ("dismiss", "coerce", -1), ("charge", "coerce", -1), ("indict", "coerce", -1),
    ("convict", "coerce", -1), ("sentence", "coerce", -1), ("ban", "coerce", -1), ("fine", "coerce", -1),
    ("detain", "coerce", -1), ("seize", "coerce", -1), ("investigate", "investigate", 0),
    ("probe", "investigate", 0), ("shoot", "fight", -1), ("wound", "fight", -1), ("fight", "fight", -1),
    ("raid", "fight", -1), ("shell", "fight", -1), ("hit", "fight", -1), ("capture", "fight", -1),
    ("lose", "fight", -1),
  ]

  /// The class and sign of a verb, by lemma; nil for verbs of no known class.
  static let byLemma: [String: (eventClass: String, sign: Int)] = {
    var byLemma: [String: (eventClass: String, sign: Int)] = [:]
    for (lemma, eventClass, sign, _, _) in table where byLemma[lemma] == nil {
      byLemma[lemma] = (eventClass, sign)
    }
    for (lemma, eventClass, sign) in lemmas where byLemma[lemma] == nil {
      byLemma[lemma] = (eventClass, sign)
    }
    return byLemma
  }()

  /// The class of events between entities whose verb has no class of its own.
  static let otherClass = "other"

  /// All event classes, for help and checks.
  static let classes: [String] = (Set(table.map(\.1)).union(lemmas.map(\.1)).union([otherClass])).sorted()

  /// Nouns that name an event with its partner: "a meeting with X", "talks with X".
  static let nouns: [String: String] = ["meeting": "meet", "talks": "meet", "visit": "visit", "call": "call"]
}
