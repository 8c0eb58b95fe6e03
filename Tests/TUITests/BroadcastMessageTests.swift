import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Reading `GET /api/messages/` into ``BroadcastMessage``s.
struct BroadcastMessageTests {
  /// A message list as the server's message endpoint returns it (keys and value types of `BroadcastMessage.json`),
  /// newest first.
  static let listJSON = #"""
    {
      "messages": [
        {"id": 5, "sender": "CHARON", "content": "HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.", "priority": "CRITICAL",
         "created_at": "2186-02-09 21:14:03"},
        {"id": 4, "sender": "Bridge", "content": "Unknown contact bearing 041. Battle stations.",
         "priority": "HIGH", "created_at": "2186-02-09 21:12:40"},
        {"id": 3, "sender": "Quartermaster Oona Reyes",
         "content": "Ration count is off by six.\nSomeone is eating in the cold store.", "priority": "NORMAL",
         "created_at": "2186-02-09 20:51:17"},
        {"id": 2, "sender": "Galley", "content": "Coffee is back on deck 1.", "priority": "LOW",
         "created_at": "2186-02-09 20:30:00"},
        {"id": 1, "sender": "CHARON", "content": "DEPARTURE CLEARED. CALYX RELAY, 3 DAYS.", "priority": "NORMAL",
         "created_at": "2186-02-09 19:00:00"}
      ],
      "count": 5
    }
    """#

  /// The list, parsed.
  static func list() throws -> [BroadcastMessage] {
    try BroadcastMessage.list(json: JSONParser.parse(listJSON))
  }

  @Test func readsTheListNewestFirst() throws {
    let messages = try Self.list()
    #expect(messages.map(\.id) == [5, 4, 3, 2, 1])
    #expect(messages.map(\.priority) == [.critical, .high, .normal, .low, .normal])
    #expect(
      messages[2]
        == BroadcastMessage(
          id: 3, sender: "Quartermaster Oona Reyes",
          content: "Ration count is off by six.\nSomeone is eating in the cold store.", priority: .normal,
          createdAt: "2186-02-09 20:51:17"))
    #expect(messages.map(\.isUrgent) == [true, true, false, false, false])
  }

  @Test func timeIsHoursAndMinutesOfTheServerSpelling() {
    #expect(BroadcastMessage(id: 1, sender: "", content: "", createdAt: "2186-02-09 21:14:03").time == "21:14")
    #expect(BroadcastMessage(id: 1, sender: "", content: "", createdAt: "").time == "")
    #expect(BroadcastMessage(id: 1, sender: "", content: "", createdAt: "2186-02-09 2x:14:03").time == "")
    #expect(BroadcastMessage(id: 1, sender: "", content: "", createdAt: "yesterday at noon").time == "")
  }

  @Test func missingOptionalFieldsTakeDefaults() throws {
    let message = try BroadcastMessage(json: JSONParser.parse(#"{"id": 9.0, "priority": null}"#))
    #expect(message == BroadcastMessage(id: 9, sender: "", content: "", priority: .normal, createdAt: ""))
    #expect(try BroadcastMessage.list(json: JSONParser.parse("{}")).isEmpty)
  }

  @Test func wrongShapesNameTheKey() throws {
    #expect(throws: JSONReadError(path: "", problem: .wrongType(expected: "an object"))) {
      try BroadcastMessage.list(json: JSONParser.parse("[]"))
    }
    #expect(throws: JSONReadError(path: "messages.0.id", problem: .missing)) {
      try BroadcastMessage.list(json: JSONParser.parse(#"{"messages": [{"content": "x"}]}"#))
    }
    #expect(throws: JSONReadError(path: "messages.1.id", problem: .wrongType(expected: "an integer"))) {
      try BroadcastMessage.list(json: JSONParser.parse(#"{"messages": [{"id": 2}, {"id": "1"}]}"#))
    }
    let unknown = JSONReadError(
      path: "priority", problem: .invalidValue("'URGENT' is not one of LOW, NORMAL, HIGH, CRITICAL"))
    #expect(throws: unknown) {
      try BroadcastMessage(json: JSONParser.parse(#"{"id": 1, "priority": "URGENT"}"#))
    }
    #expect(throws: JSONReadError(path: "content", problem: .wrongType(expected: "a string"))) {
      try BroadcastMessage(json: JSONParser.parse(#"{"id": 1, "content": ["a"]}"#))
    }
  }
}
