/// A quotation and who said it: direct (the words inside quotation marks) or indirect
/// (reported speech: "X said that ...").
public struct Quote: Sendable, Equatable {
  /// The canonical name of the speaker; nil when the text does not say.
  public var speaker: String?
  /// The words inside the quotation marks, or what was reported.
  public var text: String
  /// `[start, end)` of the quoted words in code points of the document's text.
  public var start: Int32
  public var end: Int32
  public var sentence: Int32
  /// Reported speech ("said that the talks failed") rather than a direct quotation.
  public var indirect: Bool

  public init(speaker: String?, text: String, start: Int, end: Int, sentence: Int, indirect: Bool = false) {
    self.indirect = indirect
    self.speaker = speaker
    self.text = text
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.sentence = Int32(clamping: sentence)
  }
}
