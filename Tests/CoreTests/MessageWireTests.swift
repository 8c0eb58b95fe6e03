import Testing

@testable import BulkheadCore

/// The broadcast, comm-terminal and CHARON message types: what the server writes reads back as the same value.
struct MessageWireTests {
  @Test func broadcastListRoundTrips() throws {
    let messages = [
      BroadcastMessage(
        id: 7, sender: "BRIDGE", content: "Hull breach", priority: .critical, createdAt: "2183-07-01 08:00:00"),
      BroadcastMessage(id: 6, sender: "CHARON", content: "", priority: .low, createdAt: ""),
    ]
    let json = BroadcastMessage.listJSON(messages)
    #expect(json["count"] == 2)
    #expect(try BroadcastMessage.list(json: json) == messages)
    #expect(try BroadcastMessage.list(json: JSONParser.parse(JSONWriter.encode(json))) == messages, "through bytes")
  }

  @Test func conversationRoundTripsWithAndWithoutItsLocations() throws {
    let conversation = CharonConversation(
      mode: .query, channel: "story", charonLocationPath: "haldens-reach/kestrel",
      activeLocationPath: "haldens-reach/kestrel/deck",
      messages: [
        .init(messageID: "a1", role: "user", content: "Who is there?", timestamp: "2183-07-01T08:00:00"),
        .init(messageID: "a2", role: "charon", content: "Nobody.", pendingApproval: true),
      ])
    #expect(try CharonConversation(json: conversation.json(withLocations: true)) == conversation)
    let named = conversation.json(withLocations: false)
    #expect(named["charon_location_path"] == nil)
    #expect(named["active_location_path"] == nil)
    var withoutLocations = conversation
    withoutLocations.charonLocationPath = ""
    withoutLocations.activeLocationPath = ""
    #expect(try CharonConversation(json: named) == withoutLocations)
  }

  @Test func terminalRoundTripsWithANullTimestamp() throws {
    let terminal = TerminalInbox(
      slug: "keeper", owner: "Keeper", terminalID: "CLX-KEEP-01", accessLevel: "RESTRICTED",
      description: "The keeper's desk", locationName: "Calyx Relay",
      inbox: [
        TerminalMessage(
          messageID: "m1", subject: "Supply run", from: "Vasquez", to: "Keeper", content: "Two crates.",
          timestamp: "2183-07-01 08:00:00", priority: "HIGH", read: false, contact: "Vasquez",
          conversationID: "c1")
      ],
      sent: [TerminalMessage(messageID: "m2", subject: "Re: Supply run", folder: "sent", inReplyTo: "m1")])
    let json = terminal.json
    #expect(json["sent"]?.arrayValue?.first?["timestamp"] == .null)
    #expect(try TerminalInbox(json: json) == terminal)
  }

  @Test func aCampaignTerminalIsWrittenWithItsLocationName() throws {
    let terminal = CommTerminal(
      slug: "keeper", owner: "Keeper", terminalID: "T1", accessLevel: "PUBLIC", description: "",
      inbox: [TerminalMessage(messageID: "m1")], sent: [])
    let read = try TerminalInbox(json: TerminalInbox(terminal, locationName: "Calyx Relay").json)
    #expect(read.locationName == "Calyx Relay")
    #expect(read.inbox.map(\.messageID) == ["m1"])
  }

  @Test func aMessageThatDoesNotReadNamesItsKeyPath() {
    #expect(
      throws: JSONReadError(
        path: "messages.1.priority", problem: .invalidValue("'URGENT' is not one of LOW, NORMAL, HIGH, CRITICAL"))
    ) {
      try BroadcastMessage.list(json: ["messages": [["id": 1], ["id": 2, "priority": "URGENT"]]])
    }
    #expect(throws: JSONReadError(path: "inbox.0.read", problem: .wrongType(expected: "true or false"))) {
      try TerminalInbox(json: ["inbox": [["read": "no"]]])
    }
  }
}
