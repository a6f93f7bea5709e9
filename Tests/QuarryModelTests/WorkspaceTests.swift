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

  @Test func annotationsMakeEntitiesAcrossDocuments() {
    let workspace = Workspace()
    workspace.add(Document(id: "a", source: "a", date: nil, title: nil, text: "One."))
    workspace.add(Document(id: "b", source: "b", date: nil, title: nil, text: "Two."))
    #expect(workspace.pendingDocuments == [0, 1])
    let austin = Mention(start: 0, end: 6, text: "Austin", type: .person, canonical: "Lloyd Austin")
    let full = Mention(start: 10, end: 22, text: "Lloyd Austin", type: .person, canonical: "Lloyd Austin")
    let date = Mention(start: 30, end: 36, text: "Monday", type: .date, value: "2023-05-29")
    workspace.setAnnotations(
      DocumentAnnotations(tokenCount: 9, sentenceCount: 1, mentions: [full, austin, date]), forDocument: 1)
    workspace.setAnnotations(
      DocumentAnnotations(tokenCount: 3, sentenceCount: 1, mentions: [full]), forDocument: 0)
    #expect(workspace.pendingDocuments.isEmpty)
    #expect(workspace.extractedCount == 2)
    #expect(workspace.entities.count == 1)
    let entity = workspace.entity(named: "Lloyd Austin", type: .person)
    #expect(entity?.mentionCount == 3)
    #expect(entity?.documentCount == 2)
    #expect(entity?.aliases == ["Austin"])
    #expect(workspace.entity(named: "Monday", type: .date) == nil)
  }

  @Test func entityTypesMapToCoNLL() {
    #expect(EntityType.geopolitical.conllName == "LOC")
    #expect(EntityType.facility.conllName == "LOC")
    #expect(EntityType.nationality.conllName == "MISC")
    #expect(EntityType.title.conllName == nil)
    #expect(EntityType.date.isNamed == false)
    #expect(EntityType(rawValue: "WORK_OF_ART") == .workOfArt)
  }
}
