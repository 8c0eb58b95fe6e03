import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

@Suite("Public reads")
struct ReadTests {
  @Test("star map: the campaign's systems and the system each location lies in; 404 without a star map")
  func starMap() async throws {
    try await RouteHarness.with { server in
      let answer = try await server.get("/api/star-map/")
      #expect(answer.status == 200)
      let names = answer.json["star_map"]?["systems"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
      #expect(names?.first == "Marrow")
      #expect(answer.json["location_systems"]?["kestrel_dawn"] == "haldens-reach")
      #expect(answer.json["location_systems"]?["calyx-relay"] == "ossuary")
      #expect(answer.json["location_systems"]?["haldens-reach"] == "haldens-reach")
    }
    var bare = demoCampaign
    bare.starMap = .null
    try await RouteHarness.with(campaign: bare) { server in
      let answer = try await server.get("/api/star-map/")
      #expect(answer.status == 404)
      #expect(answer.json["error"] == "the campaign has no star map")
    }
  }

  @Test("ship status merges the GM's overrides into ship.systems")
  func shipStatus() async throws {
    try await RouteHarness.with { server in
      let before = try await server.get("/api/ship-status/")
      #expect(before.status == 200)
      let name = before.json["ship"]?["name"]?.stringValue
      #expect(name == "MSV Kestrel Dawn")
      let info = before.json["ship"]?["systems"]?["engines"]?["info"]
      _ = try await server.gm("/api/gm/ship-status/toggle/", #"{"system":"engines","status":"OFFLINE","condition":5}"#)
      let after = try await server.get("/api/ship-status/")
      let engines = after.json["ship"]?["systems"]?["engines"]
      #expect(engines?["status"] == "OFFLINE")
      #expect(engines?["condition"] == .int(5))
      #expect(engines?["info"] == info)
      #expect(try await server.payload().shipSystemOverrides["engines"]?.status == .offline)
    }
  }

  @Test("encounter map: the current deck, another deck by deck_id, every deck; errors")
  func encounterMap() async throws {
    try await RouteHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      _ = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
      let current = try await server.get("/api/encounter-map/kestrel_dawn/")
      #expect(current.status == 200)
      #expect(current.json["current_deck_id"] == "deck_1")
      #expect(current.json["is_multi_deck"] == .bool(true))
      #expect(current.json["room_visibility"]?["bridge"] == .bool(true))
      #expect((current.json["current_deck"]?["rooms"]?.arrayValue?.count ?? 0) >= 6)
      let other = try await server.get("/api/encounter-map/kestrel_dawn/?deck_id=deck_2")
      #expect(other.json["current_deck_id"] == "deck_2")
      let all = try await server.get("/api/encounter-map/kestrel_dawn/all-decks/")
      #expect(all.json["decks"]?.arrayValue?.count == 2)
      #expect(all.json["current_deck_id"] == "deck_1")
      let single = try await server.get("/api/encounter-map/calyx-relay/")
      #expect(single.json["is_multi_deck"] == .bool(false))
      #expect(single.json["room_visibility"]?.objectValue?.values.allSatisfy { $0 == .bool(false) } == true)
      #expect(try await server.get("/api/encounter-map/atlantis/").status == 404)
      #expect(try await server.get("/api/encounter-map/haldens-reach/").status == 404)
      #expect(try await server.get("/api/encounter-map/kestrel_dawn/?deck_id=deck_9").status == 400)
    }
  }

  @Test("terminals in both layouts; 404 for unknown ones")
  func terminals() async throws {
    try await RouteHarness.with { server in
      let central = try await server.get("/api/terminal/kestrel_dawn/bridge_terminal/")
      #expect(central.status == 200)
      #expect(central.json["owner"] == "Captain Imre Sallow")
      let inbox = central.json["inbox"]?.arrayValue ?? []
      #expect(!inbox.isEmpty)
      #expect(inbox.allSatisfy { $0["folder"] == "inbox" })
      for key in [
        "message_id", "subject", "from", "to", "content", "timestamp", "priority", "read", "folder", "contact",
        "conversation_id", "in_reply_to",
      ] {
        #expect(inbox.first?[key] != nil, "message key \(key)")
      }
      let perTerminal = try await server.get("/api/terminal/calyx-relay/keeper_terminal/")
      #expect(perTerminal.status == 200)
      let contacts = Set((perTerminal.json["inbox"]?.arrayValue ?? []).compactMap { $0["contact"]?.stringValue })
      #expect(contacts.contains("charon"))
      #expect(try await server.get("/api/terminal/kestrel_dawn/toaster/").status == 404)
      #expect(try await server.get("/api/terminal/atlantis/bridge_terminal/").status == 404)
    }
  }

  @Test("CHARON conversation: the GM's lines and the players' queries, per channel")
  func charonConversation() async throws {
    try await RouteHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"CHARON_TERMINAL"}"#)
      _ = try await server.gm("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#)
      let sent = try await server.gm("/api/gm/charon/send/", #"{"content":"LIFE SIGNS: 9"}"#)
      #expect(sent.status == 200)
      #expect(sent.json["message_id"]?.stringValue?.count == 36)
      _ = try await server.post("/api/charon/submit-query/", #"{"query":"WHO IS THE NINTH"}"#)
      let conversation = try await server.get("/api/charon/conversation/")
      #expect(conversation.json["mode"] == "QUERY")
      let lines = conversation.json["messages"]?.arrayValue ?? []
      #expect(lines.map { $0["role"]?.stringValue ?? "" } == ["charon", "user"])
      #expect(lines.map { $0["content"]?.stringValue ?? "" } == ["LIFE SIGNS: 9", "WHO IS THE NINTH"])
      let story = try await server.get("/api/charon/story/conversation/")
      #expect(story.json["messages"]?.arrayValue?.count == 2)
      let bridge = try await server.get("/api/charon/bridge/conversation/")
      #expect(bridge.json["messages"]?.arrayValue?.isEmpty == true)
    }
  }

  @Test("messages: newest first, since=ID, at most 50")
  func messages() async throws {
    try await RouteHarness.with { server in
      for index in 1...55 {
        let answer = try await server.gm("/api/gm/broadcast/", #"{"content":"m\#(index)","priority":"HIGH"}"#)
        #expect(answer.json["message_id"] == .int(index))
      }
      let all = try await server.get("/api/messages/")
      #expect(all.json["count"] == .int(50))
      #expect(all.json["messages"]?.arrayValue?.first?["content"] == "m55")
      let first = all.json["messages"]?.arrayValue?.first
      #expect(first?["priority"] == "HIGH")
      #expect(first?["sender"] == "CHARON")
      #expect(first?["created_at"]?.stringValue?.count == 19)
      let since = try await server.get("/api/messages/?since=53")
      #expect(since.json["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue } == ["m55", "m54"])
      #expect(try await server.get("/api/messages/?since=abc").status == 400)
    }
  }

  @Test("concurrent writers never lose each other's change")
  func concurrentWriters() async throws {
    try await RouteHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let start = try await server.payload().version
      try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<40 {
          group.addTask {
            try await server.gm(
              "/api/gm/encounter/place-token/", #"{"type":"npc","name":"n\#(index)","x":\#(index % 30),"y":2}"#
            ).status
          }
        }
        for try await status in group { #expect(status == 200) }
      }
      let payload = try await server.payload()
      #expect(payload.encounterTokens.count == 40)
      #expect(Set(payload.encounterTokens.values.map(\.name)).count == 40)
      #expect(payload.version == start + 40)
    }
  }
}
