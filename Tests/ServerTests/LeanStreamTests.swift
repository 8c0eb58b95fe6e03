import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `GET /api/active-view/stream/?compact=1`: the map and the NPC cards only when they change, and payloads that
/// read back exactly as the default stream's.
@Suite("Lean stream (?compact=1)", .serialized)
struct LeanStreamTests {
  /// The GM writes of the comparison: a new location, a reveal, token moves, a door, the other deck, STANDBY.
  static let writes: [(String, String)] = [
    ("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#),
    ("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#),
    ("/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":2,"y":2,"room_id":"bridge"}"#),
    ("/api/gm/encounter/set-door-status/", #"{"connection_id":"d1_bridge_comms","door_status":"LOCKED"}"#),
    ("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"imre_sallow"}"#),
    ("/api/gm/encounter/switch-level/", #"{"level":2,"deck_id":"deck_2"}"#),
    ("/api/gm/encounter/toggle-room/", #"{"room_id":"reactor","visible":true}"#),
    ("/api/gm/switch-view/", #"{"view_type":"STANDBY"}"#),
    ("/api/gm/switch-view/", #"{"view_type":"SHIP_DASHBOARD"}"#),
  ]

  @Test("lean events leave the static parts out only while they are unchanged, and read back as the full ones")
  func leanEventsReadBackAsFullOnes() async throws {
    try await ServerHarness.with { server in
      let full = try await EventStreamReader.open(server.base)
      let lean = try await EventStreamReader.open(server.base, query: "?compact=1")
      defer {
        full.close()
        lean.close()
      }
      var previous = try #require(await lean.nextEvent()).payload()
      #expect(try #require(await full.nextEvent()).payload() == previous)
      var omitted: [Bool] = []
      for (path, body) in Self.writes {
        let answer = try await server.gm(path, body)
        #expect(answer.status == 200, "\(path) \(body): \(answer.json)")
        let expected = try #require(await full.nextEvent())
        let event = try #require(await lean.nextEvent())
        #expect(event.id == expected.id)
        let data = try #require(event.data)
        let object = try #require(JSONParser.parse(Array(data.utf8)).objectValue)
        omitted.append(object["compact"] == .bool(true))
        #expect((object["compact"] == .bool(true)) == (object["encounter_npc_data"] == nil))
        let payload = try ActiveViewPayload.decode(Array(data.utf8), after: previous)
        #expect(payload == (try expected.payload()), "after \(path) \(body)")
        #expect(Array(data.utf8).count <= (expected.data ?? "").utf8.count)
        previous = payload
      }
      // The first switch and the deck change carry the map; STANDBY changes what the map depends on; the rest are
      // lean.
      #expect(omitted == [false, true, true, true, true, false, true, false, true])
    }
  }

  @Test("a listener joining mid-encounter gets the whole state first")
  func aNewListenerStartsWhole() async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm(Self.writes[0].0, Self.writes[0].1)
      _ = try await server.gm(Self.writes[1].0, Self.writes[1].1)
      let lean = try await EventStreamReader.open(server.base, query: "?compact=1")
      defer { lean.close() }
      let first = try #require(await lean.nextEvent())
      let object = try #require(JSONParser.parse(Array((first.data ?? "").utf8)).objectValue)
      #expect(object["compact"] == nil)
      #expect(object["location_data"] != nil && object["encounter_npc_data"] != nil)
      #expect(try first.payload().encounterRoomVisibility["bridge"] == true)
    }
  }

  @Test("the default stream never leaves anything out")
  func theDefaultStreamIsWhole() async throws {
    try await ServerHarness.with { server in
      let full = try await EventStreamReader.open(server.base)
      defer { full.close() }
      _ = await full.nextEvent()
      for (path, body) in Self.writes.prefix(4) {
        _ = try await server.gm(path, body)
        let object = try #require(JSONParser.parse(Array((await full.nextEvent()?.data ?? "").utf8)).objectValue)
        #expect(object["compact"] == nil && object["encounter_npc_data"] != nil && object["location_data"] != nil)
      }
    }
  }
}
