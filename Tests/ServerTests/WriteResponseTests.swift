import BulkheadCore
import Foundation
import Testing

@testable import BulkheadServer
@testable import TestSupport

/// The success answer of every write endpoint, byte for byte (API.md: `{success: true, …}` with the changed values).
@Suite("Write responses")
struct WriteResponseTests {
  /// One write and the exact body it is answered with; a stored CHARON line's id (a UUID) reads `<uuid>`.
  struct Exchange: Sendable {
    var path: String
    var body: String
    var answer: String
  }

  static let exchanges: [Exchange] = [
    Exchange(
      path: "/api/gm/switch-view/", body: #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#,
      answer: #"{"location_slug":"kestrel_dawn","success":true,"view_type":"ENCOUNTER"}"#),
    Exchange(
      path: "/api/gm/show-terminal/", body: #"{"location_slug":"calyx-relay","terminal_slug":"keeper_terminal"}"#,
      answer: #"{"overlay_terminal_slug":"keeper_terminal","success":true}"#),
    Exchange(
      path: "/api/terminal/hide/", body: #"{}"#,
      answer: #"{"success":true}"#),
    Exchange(
      path: "/api/gm/broadcast/", body: #"{"content":"Brace."}"#,
      answer: #"{"message_id":1,"success":true}"#),
    Exchange(
      path: "/api/gm/charon/mode/", body: #"{"mode":"QUERY"}"#,
      answer: #"{"mode":"QUERY","success":true}"#),
    Exchange(
      path: "/api/gm/charon/location/", body: #"{"location_path":"haldens-reach/kestrel_dawn"}"#,
      answer: #"{"location_path":"haldens-reach/kestrel_dawn","success":true}"#),
    Exchange(
      path: "/api/gm/charon/send/", body: #"{"content":"Hull breach."}"#,
      answer: #"{"channel":"encounter-kestrel_dawn","message_id":"<uuid>","success":true}"#),
    Exchange(
      path: "/api/gm/charon/toggle-dialog/", body: #"{}"#,
      answer: #"{"charon_dialog_open":true,"success":true}"#),
    Exchange(
      path: "/api/charon/submit-query/", body: #"{"query":"Who opened the crate?"}"#,
      answer: #"{"channel":"encounter-kestrel_dawn","query_id":"<uuid>","success":true}"#),
    Exchange(
      path: "/api/gm/encounter/switch-level/", body: #"{"deck_id":"deck_2"}"#,
      answer: #"{"deck_id":"deck_2","level":2,"success":true}"#),
    Exchange(
      path: "/api/gm/encounter/switch-level/", body: #"{"level":1}"#,
      answer: #"{"deck_id":"deck_1","level":1,"success":true}"#),
    Exchange(
      path: "/api/gm/encounter/toggle-room/", body: #"{"room_id":"bridge"}"#,
      answer:
        #"{"room_id":"bridge","room_visibility":{"bridge":true,"captains_cabin":false,"cargo_hold":false,"cargo_lock":false,"comms_array":false,"coolant_loop":false,"crew_berths":false,"eva_lock":false,"eva_prep":false,"galley":false,"life_support":false,"maintenance":false,"medbay":false,"reactor":false,"salvage_bay":false,"spine_access":false,"spine_base":false},"success":true,"visible":true}"#
    ),
    Exchange(
      path: "/api/gm/encounter/room-visibility/", body: #"{"room_visibility":{"galley":true,"reactor":true}}"#,
      answer:
        #"{"room_visibility":{"bridge":false,"captains_cabin":false,"cargo_hold":false,"cargo_lock":false,"comms_array":false,"coolant_loop":false,"crew_berths":false,"eva_lock":false,"eva_prep":false,"galley":true,"life_support":false,"maintenance":false,"medbay":false,"reactor":true,"salvage_bay":false,"spine_access":false,"spine_base":false},"success":true}"#
    ),
    Exchange(
      path: "/api/gm/encounter/set-door-status/",
      body: #"{"connection_id":"d2_reactor_coolant","door_status":"SEALED"}"#,
      answer:
        #"{"all_door_status":{"d2_reactor_coolant":"SEALED"},"connection_id":"d2_reactor_coolant","door_status":"SEALED","success":true}"#
    ),
    Exchange(
      path: "/api/gm/encounter/place-token/", body: #"{"type":"player","name":"Ash","x":2,"y":2}"#,
      answer:
        #"{"success":true,"token_id":"00000001","tokens":{"00000001":{"image_url":"","name":"Ash","room_id":"bridge","status":[],"type":"player","x":2,"y":2}}}"#
    ),
    Exchange(
      path: "/api/gm/encounter/place-token/",
      body: #"{"type":"npc","name":"Greer","x":0,"y":0,"image_url":"greer.png"}"#,
      answer:
        #"{"success":true,"token_id":"00000002","tokens":{"00000001":{"image_url":"","name":"Ash","room_id":"bridge","status":[],"type":"player","x":2,"y":2},"00000002":{"image_url":"greer.png","name":"Greer","room_id":"","status":[],"type":"npc","x":0,"y":0}}}"#
    ),
    Exchange(
      path: "/api/gm/encounter/move-token/", body: #"{"token_id":"00000001","x":2,"y":8}"#,
      answer:
        #"{"success":true,"token_id":"00000001","tokens":{"00000001":{"image_url":"","name":"Ash","room_id":"galley","status":[],"type":"player","x":2,"y":8},"00000002":{"image_url":"greer.png","name":"Greer","room_id":"","status":[],"type":"npc","x":0,"y":0}}}"#
    ),
    Exchange(
      path: "/api/gm/encounter/update-token-status/", body: #"{"token_id":"00000002","status":["Wounded","panicked"]}"#,
      answer:
        #"{"success":true,"token_id":"00000002","tokens":{"00000001":{"image_url":"","name":"Ash","room_id":"galley","status":[],"type":"player","x":2,"y":8},"00000002":{"image_url":"greer.png","name":"Greer","room_id":"","status":["wounded","panicked"],"type":"npc","x":0,"y":0}}}"#
    ),
    Exchange(
      path: "/api/gm/encounter/remove-token/", body: #"{"token_id":"00000002"}"#,
      answer:
        #"{"success":true,"tokens":{"00000001":{"image_url":"","name":"Ash","room_id":"galley","status":[],"type":"player","x":2,"y":8}}}"#
    ),
    Exchange(
      path: "/api/gm/encounter/clear-tokens/", body: #"{}"#,
      answer: #"{"success":true,"tokens":{}}"#),
    Exchange(
      path: "/api/gm/encounter/toggle-portrait/", body: #"{"npc_id":"imre_sallow"}"#,
      answer: #"{"active_portraits":["imre_sallow"],"success":true}"#),
    Exchange(
      path: "/api/gm/ship-status/toggle/",
      body: #"{"system":"engines","status":"OFFLINE","condition":5,"info":"Fire"}"#,
      answer: #"{"override":{"condition":5,"info":"Fire","status":"OFFLINE"},"success":true,"system":"engines"}"#),
  ]

  @Test("a session of every write, each answered with its changed values, byte for byte")
  func everyWriteAnswersItsChangedValues() async throws {
    try await RouteHarness.with { server in
      for exchange in Self.exchanges {
        let answer = try await server.gm(exchange.path, exchange.body)
        #expect(answer.status == 200, "\(exchange.path): \(answer.text)")
        let masked = answer.text.replacing(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.ignoresCase(), with: "<uuid>")
        #expect(masked == exchange.answer, "\(exchange.path)")
      }
    }
  }

  @Test("the answer's fields come from the command and the reducer's outcome")
  func fieldsFromTheOutcome() throws {
    var state = ActiveViewState()
    func answer(_ command: Command) throws -> [String: JSONValue] {
      let outcome = try Reducer.apply(command, to: state, campaign: demoCampaign)
      state = outcome.state
      return WriteResponse.fields(of: command, outcome)
    }
    let view = try answer(.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""))
    #expect(view["view_type"] == "ENCOUNTER")
    #expect(view["location_slug"] == "kestrel_dawn")
    let shown = try answer(.showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal"))
    #expect(shown["overlay_terminal_slug"] == "keeper_terminal")
    let once = try answer(.toggleRoom(roomID: "medbay", visible: nil))
    #expect(once["visible"] == true)
    #expect(once["room_id"] == "medbay")
    #expect(once["room_visibility"]?["medbay"] == true)
    let fog = try answer(.setRoomVisibility(["galley": true, "reactor": true]))
    #expect(fog["room_visibility"]?["galley"] == true)
    #expect(fog["room_visibility"]?["medbay"] == false)
    let door = try answer(.setDoorStatus(connectionID: "d2_reactor_coolant", status: .sealed))
    #expect(door["door_status"] == "SEALED")
    #expect(door["all_door_status"]?["d2_reactor_coolant"] == "SEALED")
    let level = try answer(.switchLevel(level: nil, deckID: "deck_2"))
    #expect(level["level"] == 2)
    #expect(level["deck_id"] == "deck_2")
    _ = try answer(.switchLevel(level: 1, deckID: nil))
    let first = try answer(.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)))
    #expect(first["token_id"] == "00000001")
    #expect(first["tokens"]?["00000001"]?["room_id"] == "bridge")
    let second = try answer(.placeToken(Token(type: .npc, name: "Greer", x: 0, y: 0)))
    #expect(second["token_id"] == "00000002")
    #expect(try answer(.clearTokens)["tokens"] == .object([:]))
    for npc in ["imre_sallow", "oona_reyes", "tomas_greer"] { _ = try answer(.togglePortrait(npcID: npc)) }
    let portraits = try answer(.togglePortrait(npcID: "oona_reyes"))
    #expect(portraits["active_portraits"] == ["imre_sallow", "tomas_greer"])
    let ship = try answer(.setShipSystem(system: "engines", ShipSystemOverride(status: .offline, condition: 0)))
    #expect(ship["override"] == ["status": "OFFLINE", "condition": 0])
    _ = try answer(.switchView(.bridge, locationSlug: "", viewSlug: ""))
    #expect(try answer(.sendCharonMessage("Course plotted."))["channel"] == "bridge")
    #expect(try answer(.toggleCharonDialog(open: nil))["charon_dialog_open"] == true)
    #expect(try answer(.setCharonMode(.query))["mode"] == "QUERY")
  }
}
