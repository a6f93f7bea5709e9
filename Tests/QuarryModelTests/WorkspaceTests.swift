import QuarryModel
import Testing

@Suite struct WorkspaceTests {
  @Test func skipsTheSameTextTwice() {
    let workspace = Workspace()
    let document = Document(id: "a", source: "a.txt", date: nil, title: nil, text: "Hello.")
    #expect(workspace.add(document) == .added)
    #expect(workspace.add(document) == .duplicate)
    #expect(workspace.documents.count == 1)
  }

  @Test func givesClashingIdsASuffix() {
    let workspace = Workspace()
    workspace.add(Document(id: "a", source: "x/a.txt", date: nil, title: nil, text: "One."))
    workspace.add(Document(id: "a", source: "y/a.txt", date: nil, title: nil, text: "Two."))
    #expect(workspace.documents.map(\.id) == ["a", "a-2"])
  }

  @Test func countsCodePoints() {
    #expect(Document(id: "a", source: "", date: nil, title: nil, text: "李尚福 é").characterCount == 5)
  }
}
