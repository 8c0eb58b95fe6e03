import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Reading `GET /api/terminal/<location>/<terminal>/` into a ``TerminalInbox``.
struct TerminalInboxTests {
  /// The demo campaign's keeper terminal as the server's terminal endpoint returns it (keys and value types of
  /// `TerminalMessage.json`, oldest first, a `null` timestamp allowed).
  static let keeperJSON = #"""
    {
      "slug": "keeper_terminal", "owner": "Keeper Ansel Mott", "terminal_id": "CLX-KEEP-01",
      "access_level": "RESTRICTED", "description": "Relay keeper's log terminal", "location_name": "Calyx Relay",
      "inbox": [
        {"message_id": "clx_charon_001", "subject": "UNCATALOGUED SIGNAL", "from": "CHARON",
         "to": "Keeper Ansel Mott",
         "content": "UNCATALOGUED SIGNAL LOGGED.\nBEARING: OSSUARY PRIMARY. SOURCE INSIDE STAR.\nPERIOD: 41 SECONDS.\n\nFORWARDED TO HOLLIS-VARGA ACQUISITIONS PER STANDING ORDER.\n\nEND TRANSMISSION",
         "timestamp": "2186-01-28 02:14:00", "priority": "NORMAL", "read": true, "folder": "inbox",
         "contact": "charon", "conversation_id": "", "in_reply_to": ""},
        {"message_id": "clx_wren_001", "subject": "It is repeating", "from": "Signals Tech Wren Halloran",
         "to": "Keeper Ansel Mott",
         "content": "Ansel,\n\nThe 41 second signal is not noise. It is a question.\nSame structure every time. It is waiting for a reply.\n\nI can build one from the relay handshake. Give me a day.\n\n- Wren",
         "timestamp": "2186-01-30 19:06:00", "priority": "NORMAL", "read": true, "folder": "inbox",
         "contact": "wren_halloran", "conversation_id": "conv_signal", "in_reply_to": ""},
        {"message_id": "clx_wren_002", "subject": "I answered", "from": "Signals Tech Wren Halloran",
         "to": "Keeper Ansel Mott",
         "content": "I answered.\n\nIt stopped asking. The feed horn is warm.\nThere is something in the antenna housing and it is not ice.\n\nI am going up to look. Do not weld the hatch.\n\n- W",
         "timestamp": "2186-02-03 03:33:00", "priority": "CRITICAL", "read": false, "folder": "inbox",
         "contact": "wren_halloran", "conversation_id": "conv_signal", "in_reply_to": "clx_mott_001"},
        {"message_id": "clx_ops_004", "subject": "Supply drop rescheduled", "from": "Hollis-Varga Logistics",
         "to": "Keeper Ansel Mott", "content": "Drop moved to the next window.", "timestamp": null,
         "priority": "HIGH", "read": false, "folder": "inbox", "contact": "hollis_varga",
         "conversation_id": "", "in_reply_to": ""}
      ],
      "sent": [
        {"message_id": "clx_mott_001", "subject": "Do not answer", "from": "Keeper Ansel Mott",
         "to": "Signals Tech Wren Halloran", "content": "Do not answer it.", "timestamp": "2186-01-31 07:00:00",
         "priority": "HIGH", "read": true, "folder": "sent", "contact": "wren_halloran",
         "conversation_id": "conv_signal", "in_reply_to": "clx_wren_001"}
      ]
    }
    """#

  /// The keeper terminal, parsed.
  static func keeper() throws -> TerminalInbox {
    try TerminalInbox(json: JSONParser.parse(keeperJSON))
  }

  @Test func readsEveryField() throws {
    let terminal = try Self.keeper()
    #expect(terminal.slug == "keeper_terminal")
    #expect(terminal.owner == "Keeper Ansel Mott")
    #expect(terminal.terminalID == "CLX-KEEP-01")
    #expect(terminal.accessLevel == "RESTRICTED")
    #expect(terminal.description == "Relay keeper's log terminal")
    #expect(terminal.locationName == "Calyx Relay")
    #expect(terminal.inbox.map(\.messageID) == ["clx_charon_001", "clx_wren_001", "clx_wren_002", "clx_ops_004"])
    #expect(terminal.sent.map(\.messageID) == ["clx_mott_001"])
    let answered = terminal.inbox[2]
    #expect(
      answered
        == TerminalMessage(
          messageID: "clx_wren_002", subject: "I answered", from: "Signals Tech Wren Halloran",
          to: "Keeper Ansel Mott",
          content:
            "I answered.\n\nIt stopped asking. The feed horn is warm.\nThere is something in the antenna housing and "
            + "it is not ice.\n\nI am going up to look. Do not weld the hatch.\n\n- W",
          timestamp: "2186-02-03 03:33:00", priority: "CRITICAL", read: false, folder: "inbox",
          contact: "wren_halloran", conversationID: "conv_signal", inReplyTo: "clx_mott_001"))
    #expect(terminal.inbox[3].timestamp == nil)
    #expect(terminal.sent[0].folder == "sent")
  }

  @Test func missingOptionalFieldsTakeDefaults() throws {
    let terminal = try TerminalInbox(json: JSONParser.parse(#"{"slug": "lab", "inbox": [{"from": "Ada"}]}"#))
    #expect(terminal.owner == "lab")
    #expect(terminal.sent.isEmpty)
    #expect(terminal.inbox == [TerminalMessage(from: "Ada")])
    #expect(terminal.inbox[0].read)
    #expect(terminal.inbox[0].priority == "NORMAL")
    #expect(TerminalMessage(contact: "ada").sender == "ada")
  }

  @Test func wrongShapesNameTheKey() throws {
    #expect(throws: JSONReadError(path: "", problem: .wrongType(expected: "an object"))) {
      try TerminalInbox(json: JSONParser.parse("[]"))
    }
    #expect(throws: JSONReadError(path: "inbox", problem: .wrongType(expected: "an array"))) {
      try TerminalInbox(json: JSONParser.parse(#"{"inbox": {}}"#))
    }
    #expect(throws: JSONReadError(path: "inbox.1.read", problem: .wrongType(expected: "true or false"))) {
      try TerminalInbox(json: JSONParser.parse(#"{"inbox": [{}, {"read": "no"}]}"#))
    }
    #expect(throws: JSONReadError(path: "sent.0", problem: .wrongType(expected: "an object"))) {
      try TerminalInbox(json: JSONParser.parse(#"{"sent": [3]}"#))
    }
    #expect(throws: JSONReadError(path: "owner", problem: .wrongType(expected: "a string"))) {
      try TerminalInbox(json: JSONParser.parse(#"{"owner": 7}"#))
    }
  }
}
