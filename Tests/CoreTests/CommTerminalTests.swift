import Foundation
import Testing

@testable import BulkheadCore

/// Comm terminals and their Markdown messages.
struct CommTerminalTests {
  static let message = """
    ---
    timestamp: "2186-03-10 04:02:00"
    priority: HIGH
    subject: "Quarantine"
    from: "Dr. Oona Reyes"
    to: "Captain Imre Sallow"
    message_id: "msg_1"
    read: false
    ---

    He is not sleeping.
    ---
    Neither am I.
    """

  @Test func frontMatterAndBodyAreSplit() throws {
    let message = try TerminalMessage.parse(Self.message, fileName: "001.md", file: "x/001.md")
    #expect(message.messageID == "msg_1")
    #expect(message.subject == "Quarantine")
    #expect(message.from == "Dr. Oona Reyes")
    #expect(message.to == "Captain Imre Sallow")
    #expect(message.timestamp == "2186-03-10 04:02:00")
    #expect(message.priority == "HIGH")
    #expect(message.read == false)
    #expect(message.content == "He is not sleeping.\n---\nNeither am I.")
  }

  @Test func aFileWithoutFrontMatterIsAllBody() throws {
    let message = try TerminalMessage.parse("Just text.\n", fileName: "002.md", file: "x/002.md")
    #expect(message.messageID == "002.md")
    #expect(message.content == "Just text.")
    #expect(message.priority == "NORMAL")
    #expect(message.read == true)
  }

  /// A campaign checked out on Windows (git `autocrlf`) has CRLF line ends; the original
  /// tool reads files with universal newlines, so the front matter must still be found.
  @Test func crlfFrontMatterIsRead() throws {
    let text = Self.message.replacingOccurrences(of: "\n", with: "\r\n")
    let message = try TerminalMessage.parse(text, fileName: "001.md", file: "x/001.md")
    #expect(message.messageID == "msg_1")
    #expect(message.subject == "Quarantine")
    #expect(message.from == "Dr. Oona Reyes")
    #expect(!message.content.contains("message_id"))
  }

  @Test func invalidFrontMatterNamesTheFile() {
    let text = "---\nsubject: [unclosed\n---\nbody\n"
    let error = #expect(throws: CampaignError.self) {
      try TerminalMessage.parse(text, fileName: "003.md", file: "comms/t/inbox/a/003.md")
    }
    #expect(error?.file == "comms/t/inbox/a/003.md")
  }

  @Test func centralStoreFilesMessagesCaseInsensitively() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func message(_ id: String, _ time: String, from: String, to: String) -> String {
      "---\nmessage_id: \(id)\ntimestamp: \"\(time)\"\n"
        + "from: \"\(from)\"\nto: \"\(to)\"\n---\nBody \(id)\n"
    }
    let comms = "galaxy/sys/ship/comms"
    try write(
      [
        "\(comms)/captain/terminal.yaml": "owner: Captain Vale\nterminal_id: T-1\n",
        "\(comms)/no_file/.keep": "",
        "\(comms)/messages/b.md": message(
          "m2", "2186-01-02 00:00:00", from: "CHARON", to: "CAPTAIN VALE"),
        "\(comms)/messages/a.md": message(
          "m3", "2186-01-03 00:00:00", from: "Captain Vale", to: "All"),
        "\(comms)/messages/c.md": message(
          "m1", "2186-01-01 00:00:00", from: "", to: "captain vale; crew"),
      ], under: folder)
    let campaign = try Campaign.load(from: folder)
    let terminals = try #require(campaign.locations["ship"]?.terminals)
    #expect(terminals.keys.sorted() == ["captain", "no_file"])
    let captain = try #require(terminals["captain"])
    #expect(captain.inbox.map(\.messageID) == ["m1", "m2"])
    #expect(captain.inbox.map(\.contact) == ["Unknown", "CHARON"])
    #expect(captain.sent.map(\.messageID) == ["m3"])
    #expect(captain.sent.first?.contact == "All")
    #expect(captain.accessLevel == "PUBLIC")
    let unnamed = try #require(terminals["no_file"])
    #expect(unnamed.owner == "no_file", "the owner defaults to the folder name")
  }

  @Test func messageJSONUsesTheAPIKeys() throws {
    let message = try TerminalMessage.parse(Self.message, fileName: "001.md", file: "x/001.md")
      .filed(in: "inbox", contact: "oona")
    let object = try #require(message.json.objectValue)
    #expect(
      Set(object.keys) == [
        "message_id", "subject", "from", "to", "content", "timestamp", "priority", "read", "folder",
        "contact", "conversation_id", "in_reply_to",
      ])
    #expect(object["contact"] == "oona")
    #expect(try TerminalMessage(json: message.json) == message, "reads back as written")
  }
}
