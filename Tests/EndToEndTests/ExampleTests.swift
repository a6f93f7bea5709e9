import Foundation
import Testing

/// Every worked example of every command the executable registers — all plugins — runs
/// through the real binary, in a folder holding the files the examples name. An example
/// that states its result must give it.
@Suite struct ExampleTests {
  struct Case: CustomStringConvertible, Sendable {
    var command: String
    var example: String
    var result: String?
    var description: String { "\(command): \(example)" }
  }

  static let cases: [Case] = {
    guard let listing = try? runQuarry(["--format", "jsonl", "-c", "help --examples"]) else { return [] }
    return listing.stdout.split(separator: "\n").compactMap { line in
      guard let data = line.data(using: .utf8),
        let row = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return nil }
      return Case(
        command: row["command"] as? String ?? "", example: row["example"] as? String ?? "",
        result: row["result"] as? String)
    }
  }()

  /// A folder with the files the examples read.
  static func fixtureFolder() throws -> String {
    let folder = temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: folder + "/Scripts/corpus", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/news", withIntermediateDirectories: true)
    try write(
      "date 2023-05-30\nChina declined the meeting. The Department of Defense said on Monday that the Pentagon "
        + "would not comment.\n", to: folder + "/Scripts/corpus/a.txt")
    try write(
      "{\"id\": \"n1\", \"text\": \"Talks resumed.\", \"date\": \"2023-06-01\"}\n",
      to: folder + "/news/feed.jsonl")
    try write("name,type,mentions\nLloyd Austin,PERSON,4\nChina,GPE,9\n", to: folder + "/entities.csv")
    try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
    try write(
      "<html><head><title>Talks resume | The Courier</title></head><body><nav><a href=/>Home</a></nav>"
        + "<article><h1>Talks resume</h1><p>Talks between the two sides resumed in Cairo on Monday, "
        + "officials said, after a pause of a week.</p></article></body></html>",
      to: folder + "/pages/story.html")
    try write("a\tb\t2\nb\tc\t1\nc\ta\t1\nc\td\t3\n", to: folder + "/edges.tsv")
    try write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <graph edgedefault="directed">
          <node id="a"/><node id="b"/><node id="c"/>
          <edge source="a" target="b"><data key="w">2.5</data></edge>
          <edge source="b" target="c"/>
        </graph>
      </graphml>
      """, to: folder + "/network.graphml")
    try FileManager.default.copyItem(atPath: Package.root + "/Scripts/gold", toPath: folder + "/Scripts/gold")
    // A made-up treebank in CoNLL-U for the syntax commands (UD's data is never committed).
    var treebank = ""
    for (number, (subject, verb, lemma, object)) in [
      ("Lawmakers", "rejected", "reject", "budget"), ("Officials", "approved", "approve", "plan"),
      ("Voters", "backed", "back", "deal"), ("Ministers", "signed", "sign", "treaty"),
    ].enumerated() {
      treebank += "# sent_id = \(number + 1)\n"
      treebank += "1\t\(subject)\t\(subject.lowercased().dropLast())\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      treebank += "2\t\(verb)\t\(lemma)\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      treebank += "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      treebank += "4\t\(object)\t\(object)\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
      treebank += "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    }
    try write(treebank, to: folder + "/train.conllu")
    try write(treebank, to: folder + "/dev.conllu")
    try write("1\tVoters\n2\trejected\n3\tthe\n4\tplan\n5\t.\n\n", to: folder + "/raw.conllu")
    // A few sentences in CoNLL format, written for the tests (CoNLL-2003 is never committed).
    try FileManager.default.createDirectory(atPath: folder + "/conll", withIntermediateDirectories: true)
    let tagged = [
      "Angela B-PER", "Merkel I-PER", "visited O", "Paris B-LOC", ". O", "", "The O", "United B-ORG",
      "Nations I-ORG", "met O", "German B-MISC", "envoys O", ". O",
    ]
    // Without a document marker the whole file is one document.
    let conll =
      tagged.map { $0.isEmpty ? "" : $0.replacingOccurrences(of: " ", with: " _ _ ") }
      .joined(separator: "\n") + "\n"
    for name in ["train.txt", "valid.txt"] { try write(conll, to: folder + "/conll/" + name) }
    try FileManager.default.createDirectory(
      atPath: folder + "/Plugins/Examples", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Package.root + "/Plugins/Examples/tone.py", toPath: folder + "/Plugins/Examples/tone.py")
    return folder
  }

  @Test func thereAreExamples() {
    #expect(Self.cases.count > 30)
  }

  @Test(arguments: cases)
  func exampleRuns(_ example: Case) throws {
    let result = try runQuarry(
      ["--format", "json", "-c", example.example], directory: try Self.fixtureFolder())
    // `exit N` is an example of ending with a status.
    let expectedStatus: Int32 = example.command == "exit" || example.command == "quit" ? 2 : 0
    #expect(result.status == expectedStatus, "\(example): \(result.stderr)")
    guard let stated = example.result else { return }
    let actual = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: .fragmentsAllowed)
    let expected = try JSONSerialization.jsonObject(with: Data(stated.utf8), options: .fragmentsAllowed)
    #expect((actual as? NSObject)?.isEqual(expected) == true, "\(example) printed \(result.stdout)")
  }
}
