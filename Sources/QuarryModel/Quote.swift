/// A direct quotation and who said it.
public struct Quote: Sendable, Equatable {
  /// The canonical name of the speaker; nil when the text does not say.
  public var speaker: String?
  /// The words inside the quotation marks.
  public var text: String
  /// `[start, end)` of the quoted words in code points of the document's text.
  public var start: Int32
  public var end: Int32
  public var sentence: Int32

  public init(speaker: String?, text: String, start: Int, end: Int, sentence: Int) {
    self.speaker = speaker
    self.text = text
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: end)
    self.sentence = Int32(clamping: sentence)
  }
}
