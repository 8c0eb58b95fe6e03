import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Reading `GET /api/charon/conversation/` into a ``CharonConversation``.
struct CharonConversationTests {
  /// A story-channel conversation as the server's conversation endpoint returns it (keys and value types of
  /// `CharonMessage.json` and `BulkheadAPI.conversation`), oldest first, with a pending query and a pending draft.
  static let storyJSON = #"""
    {
      "mode": "QUERY", "channel": "story", "charon_location_path": "ossuary/calyx-relay",
      "active_location_path": "ossuary/calyx-relay",
      "messages": [
        {"message_id": "7d0e", "role": "charon",
         "content": "RELAY CALYX ONLINE. KEEPER ABSENT 41 DAYS.\nSIGNAL PERIOD: 41 SECONDS. SOURCE INSIDE STAR.",
         "timestamp": "2186-02-09T21:04:11", "pending_approval": false},
        {"message_id": "81aa", "role": "user", "content": "Where is Wren Halloran?",
         "timestamp": "2186-02-09T21:05:02", "pending_approval": false},
        {"message_id": "92bc", "role": "charon",
         "content": "LAST KNOWN POSITION: ANTENNA HOUSING, UPPER MAST. LIFE SIGNS: INDETERMINATE.",
         "timestamp": "2186-02-09T21:05:30", "pending_approval": false},
        {"message_id": "a3cd", "role": "user", "content": "Open the mast hatch.",
         "timestamp": "2186-02-09T21:06:12", "pending_approval": true},
        {"message_id": "b4de", "role": "charon", "content": "DRAFT: HATCH WELDED SHUT.",
         "timestamp": "2186-02-09T21:06:20", "pending_approval": true}
      ]
    }
    """#

  /// The story conversation, parsed.
  static func story() throws -> CharonConversation {
    try CharonConversation(json: JSONParser.parse(storyJSON))
  }

  @Test func readsEveryField() throws {
    let conversation = try Self.story()
    #expect(conversation.mode == .query)
    #expect(conversation.channel == "story")
    #expect(conversation.charonLocationPath == "ossuary/calyx-relay")
    #expect(conversation.activeLocationPath == "ossuary/calyx-relay")
    #expect(conversation.messages.count == 5)
    #expect(
      conversation.messages[1]
        == CharonConversation.Line(
          messageID: "81aa", role: "user", content: "Where is Wren Halloran?", timestamp: "2186-02-09T21:05:02"))
    #expect(conversation.messages.map(\.isFromCharon) == [true, false, true, false, true])
    #expect(conversation.messages.map(\.pendingApproval) == [false, false, false, true, true])
  }

  @Test func missingOptionalFieldsTakeDefaults() throws {
    let conversation = try CharonConversation(json: JSONParser.parse(#"{"messages": [{"content": "HELLO"}]}"#))
    #expect(conversation.mode == .display)
    #expect(conversation.channel == "")
    #expect(conversation.messages == [CharonConversation.Line(role: "charon", content: "HELLO")])
    #expect(try CharonConversation(json: JSONParser.parse("{}")) == CharonConversation())
    #expect(CharonConversation.Line(role: "CHARON", content: "").isFromCharon)
  }

  @Test func wrongShapesNameTheKey() throws {
    #expect(throws: JSONReadError(path: "", problem: .wrongType(expected: "an object"))) {
      try CharonConversation(json: JSONParser.parse(#""story""#))
    }
    #expect(throws: JSONReadError(path: "mode", problem: .invalidValue("'CHAT' is not one of DISPLAY, QUERY"))) {
      try CharonConversation(json: JSONParser.parse(#"{"mode": "CHAT"}"#))
    }
    #expect(throws: JSONReadError(path: "messages.0.pending_approval", problem: .wrongType(expected: "true or false")))
    {
      try CharonConversation(json: JSONParser.parse(#"{"messages": [{"pending_approval": 1}]}"#))
    }
    #expect(throws: JSONReadError(path: "messages", problem: .wrongType(expected: "an array"))) {
      try CharonConversation(json: JSONParser.parse(#"{"messages": "none"}"#))
    }
  }
}
