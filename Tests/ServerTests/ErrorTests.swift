import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

@Suite("Errors")
struct ErrorTests {
  @Test("bad requests get a JSON error naming the field, change nothing and announce nothing")
  func rejectedWritesChangeNothing() async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let stream = try await EventStreamReader.open(server.base)
      defer { stream.close() }
      let before = try #require(await stream.nextEvent()?.version)
      let cases: [(String, String, Int, String)] = [
        ("/api/gm/switch-view/", "{not json", 400, "JSON"),
        ("/api/gm/switch-view/", #"{"view_type":"DANCE"}"#, 400, "view_type"),
        ("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"atlantis"}"#, 404, "atlantis"),
        ("/api/gm/encounter/toggle-room/", #"{"room_id":"ballroom"}"#, 400, "room_id"),
        ("/api/gm/encounter/toggle-room/", #"{}"#, 400, "room_id"),
        (
          "/api/gm/encounter/set-door-status/", #"{"connection_id":"d1_eva_lock","door_status":"AJAR"}"#, 400,
          "door_status"
        ),
        ("/api/gm/encounter/place-token/", #"{"type":"player","name":"A","x":"1","y":1}"#, 400, "x"),
        ("/api/gm/encounter/place-token/", #"{"type":"ghost","name":"A","x":1,"y":1}"#, 400, "type"),
        ("/api/gm/encounter/place-token/", #"{"type":"npc","name":"A","x":999,"y":1}"#, 400, "x"),
        ("/api/gm/encounter/move-token/", #"{"token_id":"ffffffff","x":1,"y":1}"#, 404, "Token"),
        ("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"nobody"}"#, 400, "npc_id"),
        ("/api/gm/ship-status/toggle/", #"{"system":"warp_core","status":"ONLINE"}"#, 400, "system"),
        (
          "/api/gm/show-terminal/", #"{"location_slug":"kestrel_dawn","terminal_slug":"toaster"}"#, 404,
          "toaster"
        ),
        ("/api/gm/encounter/switch-level/", #"{"deck_id":"deck_9"}"#, 400, "deck_id"),
        ("/api/gm/broadcast/", #"{"content":"   "}"#, 400, "content"),
        ("/api/gm/broadcast/", #"[1,2]"#, 400, "object"),
      ]
      for (path, body, status, mention) in cases {
        let answer = try await server.gm(path, body)
        #expect(answer.status == status, "\(path) \(body)")
        let message = answer.json["error"]?.stringValue ?? ""
        #expect(message.contains(mention), "\(path) \(body): \(message)")
      }
      #expect(try await server.payload().version == before)
      let ok = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
      #expect(ok.status == 200)
      #expect(await stream.nextEvent()?.version == before + 1)
    }
  }

  @Test("the wrong method gets 405; an unknown path 404; both as JSON")
  func methodAndPath() async throws {
    try await RouteHarness.with { server in
      let wrongMethod = try await server.get("/api/gm/switch-view/")
      #expect(wrongMethod.status == 405)
      #expect(wrongMethod.json["error"]?.stringValue?.contains("POST") == true)
      let postOnRead = try await server.post("/api/active-view/")
      #expect(postOnRead.status == 405)
      let unknown = try await server.get("/api/nothing-here/")
      #expect(unknown.status == 404)
      #expect(unknown.json["error"]?.stringValue?.isEmpty == false)
    }
  }

  @Test("CHARON queries are refused unless the mode is QUERY")
  func charonQueryMode() async throws {
    try await RouteHarness.with { server in
      let refused = try await server.post("/api/charon/submit-query/", #"{"query":"where is the crew?"}"#)
      #expect(refused.status == 403)
      #expect(refused.json["error"]?.stringValue?.contains("query mode") == true)
      #expect(try await server.gm("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#).status == 200)
      let accepted = try await server.post("/api/charon/submit-query/", #"{"query":"where is the crew?"}"#)
      #expect(accepted.status == 200)
      #expect(accepted.json["query_id"]?.stringValue?.count == 36)
    }
  }
}
