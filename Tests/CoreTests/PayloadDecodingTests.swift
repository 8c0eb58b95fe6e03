import Foundation
import Testing

@testable import BulkheadCore

/// Reading the active-view payload with `JSONParser`, checked against `JSONDecoder`.
struct PayloadDecodingTests {
  let campaign: Campaign
  let builder: PayloadBuilder

  init() throws {
    campaign = try Campaigns.demo()
    builder = PayloadBuilder(campaign: campaign)
  }

  func run(_ commands: [Command], from state: ActiveViewState = ActiveViewState()) throws -> ActiveViewState {
    var state = state
    for command in commands {
      state = try Reducer.apply(command, to: state, campaign: campaign).state
    }
    return state
  }

  func foundation(_ bytes: [UInt8]) throws -> ActiveViewPayload {
    try JSONDecoder().decode(ActiveViewPayload.self, from: Data(bytes))
  }

  /// An ENCOUNTER on `kestrel_dawn` with tokens, doors, overrides, portraits and CHARON changes.
  var encounter: ActiveViewState {
    get throws {
      try run([
        .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""),
        .toggleRoom(roomID: "bridge", visible: true),
        .toggleRoom(roomID: "medbay", visible: true),
        .setDoorStatus(connectionID: "d1_bridge_comms", status: .damaged),
        .setDoorStatus(connectionID: "d1_eva_lock", status: .sealed),
        .setDoorStatus(connectionID: "d1_galley_cabin", status: .locked),
        .togglePortrait(npcID: "oona_reyes"),
        .togglePortrait(npcID: "imre_sallow"),
        .setShipSystem(system: "engines", ShipSystemOverride(status: .critical, condition: 5)),
        .setShipSystem(system: "comms", ShipSystemOverride(status: .offline, info: "Array \"fused\" — dead")),
        .setShipSystem(system: "weapons", ShipSystemOverride(status: .online)),
        .setCharonMode(.query),
        .toggleCharonDialog(open: true),
        .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
        .placeToken(Token(type: .npc, name: "Reyes", x: 22, y: 2, imageURL: "/r.png")),
        .placeToken(Token(type: .creature, name: "Thing 😱", x: 5, y: 9)),
        .updateTokenStatus(id: "00000001", status: ["wounded", "panicked"]),
      ])
    }
  }

  /// The payload bytes as a JSON object, changed by `change`, written again.
  func changed(_ bytes: [UInt8], _ change: (inout [String: JSONValue]) -> Void) throws -> [UInt8] {
    var object = try #require(try JSONParser.parse(bytes).objectValue)
    change(&object)
    return JSONWriter.encode(.object(object))
  }

  /// The `JSONReadError` thrown for `bytes`, or nil.
  func payloadError(_ bytes: [UInt8]) -> JSONReadError? {
    do {
      _ = try ActiveViewPayload.decode(bytes)
      return nil
    } catch {
      return error as? JSONReadError
    }
  }

  // MARK: Parity with JSONDecoder

  @Test func standbyMatchesJSONDecoder() throws {
    let bytes = builder.encode(ActiveViewState(), version: 7, epoch: "epoch-a")
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload.viewType == .standby)
    #expect(payload.version == 7)
    #expect(payload.epoch == "epoch-a")
    #expect(payload.locationData == nil)
    #expect(payload.encounterNPCData.count == campaign.npcs.count)
  }

  @Test func encounterMatchesJSONDecoder() throws {
    let bytes = builder.encode(try encounter, version: 12, epoch: "epoch-b")
    #expect(bytes.count > 5000)
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload.viewType == .encounter)
    #expect(payload.encounterTokens.count == 3)
    #expect(payload.encounterTokens["00000001"]?.status == ["wounded", "panicked"])
    #expect(payload.encounterTokens["00000002"]?.imageURL == "/r.png")
    #expect(payload.encounterTokens["00000003"]?.name == "Thing 😱")
    #expect(
      payload.encounterDoorStatus == ["d1_bridge_comms": .damaged, "d1_eva_lock": .sealed, "d1_galley_cabin": .locked])
    #expect(payload.encounterActivePortraits == ["oona_reyes", "imre_sallow"])
    #expect(payload.shipSystemOverrides["engines"] == ShipSystemOverride(status: .critical, condition: 5))
    #expect(payload.shipSystemOverrides["comms"]?.info == "Array \"fused\" — dead")
    #expect(payload.shipSystemOverrides["weapons"] == ShipSystemOverride(status: .online))
    #expect(payload.encounterNPCData["imre_sallow"]?.portrait == "/data/campaign/NPCs/images/imre_sallow.png")
    #expect(payload.locationData?["map"]?["current_deck_id"] == "deck_1")
    #expect(payload.encounterTotalDecks == 2)
    #expect(payload.charonMode == .query)
    #expect(payload.charonDialogOpen)
  }

  @Test func dataOverloadMatches() throws {
    let bytes = builder.encode(try encounter, version: 1, epoch: "e")
    #expect(try ActiveViewPayload.decode(Data(bytes)) == ActiveViewPayload.decode(bytes))
  }

  @Test func everyViewAndLocationMatchesJSONDecoder() throws {
    let places: [(ViewType, String)] =
      ViewType.allCases.map { ($0, "kestrel_dawn") } + [
        (.encounter, "varga-yards"), (.encounter, "calyx-relay"), (.bridge, ""), (.charonTerminal, ""),
      ]
    for (viewType, slug) in places {
      let state = try run([.switchView(viewType, locationSlug: slug, viewSlug: "")], from: try encounter)
      let bytes = builder.encode(state, version: 3, epoch: "e")
      #expect(try ActiveViewPayload.decode(bytes) == foundation(bytes), "\(viewType) \(slug)")
    }
    let deck2 = try run([.switchLevel(level: 2, deckID: nil)], from: try encounter)
    let bytes = builder.encode(deck2, version: 4, epoch: "e")
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload.encounterDeckName == "Engineering Deck")
    let overlay = try run([.showTerminal(locationSlug: "calyx-relay", terminalSlug: "signals_lab")])
    let overlayBytes = builder.encode(overlay, version: 5, epoch: "e")
    #expect(try ActiveViewPayload.decode(overlayBytes) == foundation(overlayBytes))
  }

  @Test func unknownKeysAreIgnored() throws {
    let bytes = try changed(builder.encode(try encounter, version: 1, epoch: "e")) { object in
      object["future_field"] = ["anything": [1, 2, 3]]
      if var tokens = object["encounter_tokens"]?.objectValue, var token = tokens["00000001"]?.objectValue {
        token["facing"] = "north"
        tokens["00000001"] = .object(token)
        object["encounter_tokens"] = .object(tokens)
      }
    }
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload == (try ActiveViewPayload.decode(builder.encode(try encounter, version: 1, epoch: "e"))))
  }

  // MARK: Optional keys and defaults

  static let encounterOnlyKeys = [
    "location_type", "location_name", "location_data", "location_path", "encounter_total_decks",
    "encounter_deck_name",
  ]

  @Test func encounterOnlyKeysAreNilWhenAbsentOrNull() throws {
    let bytes = builder.encode(try encounter, version: 1, epoch: "e")
    for key in Self.encounterOnlyKeys {
      for replacement in [nil, JSONValue.null] {
        let edited = try changed(bytes) { $0[key] = replacement }
        let payload = try ActiveViewPayload.decode(edited)
        #expect(payload == (try foundation(edited)), "\(key)")
      }
    }
    let bare = try changed(bytes) { object in
      for key in Self.encounterOnlyKeys { object[key] = .null }
    }
    let payload = try ActiveViewPayload.decode(bare)
    #expect(payload.locationType == nil)
    #expect(payload.locationName == nil)
    #expect(payload.locationData == nil)
    #expect(payload.locationPath == nil)
    #expect(payload.encounterTotalDecks == nil)
    #expect(payload.encounterDeckName == nil)
  }

  @Test func tokenDefaultsMatchTokenDecoding() throws {
    let bytes = try changed(builder.encode(ActiveViewState(), version: 1, epoch: "e")) { object in
      object["encounter_tokens"] = [
        "bare": ["type": "object", "x": 1, "y": 2],
        "nulls": ["type": "npc", "x": 3, "y": 4, "name": .null, "status": .null, "image_url": .null, "room_id": .null],
        "full": [
          "type": "player", "name": "Ash", "x": 5, "y": 6, "status": ["dead"], "image_url": "/a.png",
          "room_id": "bridge",
        ],
      ]
    }
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload.encounterTokens["bare"] == Token(type: .object, name: "", x: 1, y: 2))
    #expect(payload.encounterTokens["nulls"] == Token(type: .npc, name: "", x: 3, y: 4))
    #expect(
      payload.encounterTokens["full"]
        == Token(type: .player, name: "Ash", x: 5, y: 6, status: ["dead"], imageURL: "/a.png", roomID: "bridge"))
  }

  @Test func overrideOptionalFieldsMatchShipSystemOverrideDecoding() throws {
    let bytes = try changed(builder.encode(ActiveViewState(), version: 1, epoch: "e")) { object in
      object["ship_system_overrides"] = [
        "engines": ["status": "DAMAGED"],
        "comms": ["status": "STRESSED", "condition": .null, "info": .null],
        "weapons": ["status": "CRITICAL", "condition": 40, "info": "jammed"],
      ]
    }
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload.shipSystemOverrides["engines"] == ShipSystemOverride(status: .damaged))
    #expect(payload.shipSystemOverrides["comms"] == ShipSystemOverride(status: .stressed))
    #expect(
      payload.shipSystemOverrides["weapons"] == ShipSystemOverride(status: .critical, condition: 40, info: "jammed"))
  }

  @Test func wholeDoublesAreAcceptedAsIntegers() throws {
    let bytes = try changed(builder.encode(try encounter, version: 1, epoch: "e")) { object in
      object["version"] = .double(9)
      object["encounter_level"] = .double(2)
      object["encounter_total_decks"] = .double(2)
      object["encounter_tokens"] = ["t": ["type": "player", "x": .double(3), "y": .double(-4)]]
      object["ship_system_overrides"] = ["engines": ["status": "ONLINE", "condition": .double(50)]]
    }
    #expect(String(decoding: bytes, as: UTF8.self).contains(#""x":3.0"#))
    let payload = try ActiveViewPayload.decode(bytes)
    #expect(payload == (try foundation(bytes)))
    #expect(payload.version == 9)
    #expect(payload.encounterLevel == 2)
    #expect(payload.encounterTotalDecks == 2)
    #expect(payload.encounterTokens["t"] == Token(type: .player, name: "", x: 3, y: -4))
    #expect(payload.shipSystemOverrides["engines"]?.condition == 50)
    let exponent = Array(
      String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #""x":3.0"#, with: #""x":3e0"#).utf8)
    #expect(try ActiveViewPayload.decode(exponent).encounterTokens["t"]?.x == 3)
  }

  // MARK: Missing and wrong keys

  /// The keys a payload may leave out (the original tool sends no `version` or `epoch`, and no location keys
  /// outside ENCOUNTER): absent or `null`, each takes its default.
  static let defaultedKeys = [
    "location_slug", "view_slug", "overlay_location_slug", "overlay_terminal_slug",
    "charon_mode", "charon_location_path", "charon_active_channel", "charon_dialog_open",
    "encounter_level", "encounter_deck_id", "encounter_room_visibility", "encounter_door_status",
    "encounter_tokens", "encounter_active_portraits", "ship_system_overrides",
    "encounter_npc_data", "version", "epoch",
  ]

  @Test("only view_type is required; every other key left out or null takes its default, through both readers")
  func missingKeysTakeTheirDefaults() throws {
    let bytes = builder.encode(try encounter, version: 1, epoch: "e")
    let noViewType = try changed(bytes) { $0["view_type"] = nil }
    #expect(payloadError(noViewType) == JSONReadError(path: "view_type", problem: .missing))
    #expect(throws: JSONReadError.self) { try foundation(noViewType) }
    let nullViewType = try changed(bytes) { $0["view_type"] = .null }
    #expect(payloadError(nullViewType) == JSONReadError(path: "view_type", problem: .missing))
    for key in Self.defaultedKeys {
      for value in [nil, JSONValue.null] {
        let without = try changed(bytes) { $0[key] = value }
        let payload = try ActiveViewPayload.decode(without)
        #expect(try foundation(without) == payload, "\(key)")
      }
    }
    let bare = try ActiveViewPayload.decode(Array(#"{"view_type": "ENCOUNTER"}"#.utf8))
    #expect(bare.viewType == .encounter)
    #expect(bare.locationSlug == "" && bare.overlayTerminalSlug == "" && bare.charonActiveChannel == "")
    #expect(bare.charonMode == .display && !bare.charonDialogOpen)
    #expect(bare.encounterLevel == 1 && bare.encounterDeckID == "")
    #expect(bare.encounterRoomVisibility.isEmpty && bare.encounterDoorStatus.isEmpty && bare.encounterTokens.isEmpty)
    #expect(bare.encounterActivePortraits.isEmpty && bare.shipSystemOverrides.isEmpty && bare.encounterNPCData.isEmpty)
    #expect(bare.version == 0 && bare.epoch == "")
    #expect(bare.locationData == nil && bare.locationName == nil && bare.encounterTotalDecks == nil)
  }

  @Test func wrongValuesNameTheKey() throws {
    let base = builder.encode(ActiveViewState(), version: 1, epoch: "e")
    let validToken: [String: JSONValue] = ["type": "player", "x": 1, "y": 2]
    func token(_ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
      var copy = validToken
      change(&copy)
      return ["t1": .object(copy)]
    }
    let cases: [(String, JSONValue, String, JSONReadError.Problem)] = [
      (
        "view_type", "WARP", "view_type",
        .invalidValue("'WARP' is not one of \(ViewType.allCases.map(\.rawValue).joined(separator: ", "))")
      ),
      ("view_type", 3, "view_type", .wrongType(expected: "a string")),
      ("charon_mode", "display", "charon_mode", .invalidValue("'display' is not one of DISPLAY, QUERY")),
      ("charon_dialog_open", "true", "charon_dialog_open", .wrongType(expected: "true or false")),
      ("location_slug", 1, "location_slug", .wrongType(expected: "a string")),
      ("version", "1", "version", .wrongType(expected: "an integer")),
      ("version", .double(1.5), "version", .wrongType(expected: "an integer")),
      ("version", .double(1e300), "version", .wrongType(expected: "an integer")),
      ("encounter_level", true, "encounter_level", .wrongType(expected: "an integer")),
      ("encounter_room_visibility", [], "encounter_room_visibility", .wrongType(expected: "an object")),
      (
        "encounter_room_visibility", ["bridge": 1], "encounter_room_visibility.bridge",
        .wrongType(expected: "true or false")
      ),
      (
        "encounter_door_status", ["d1": "AJAR"], "encounter_door_status.d1",
        .invalidValue("'AJAR' is not one of OPEN, CLOSED, LOCKED, SEALED, DAMAGED")
      ),
      ("encounter_door_status", ["d1": .null], "encounter_door_status.d1", .wrongType(expected: "a string")),
      ("encounter_tokens", ["t1": "player"], "encounter_tokens.t1", .wrongType(expected: "an object")),
      (
        "encounter_tokens", token { $0["type"] = "ghost" }, "encounter_tokens.t1.type",
        .invalidValue("'ghost' is not one of player, npc, creature, object")
      ),
      ("encounter_tokens", token { $0["type"] = nil }, "encounter_tokens.t1.type", .missing),
      ("encounter_tokens", token { $0["x"] = nil }, "encounter_tokens.t1.x", .missing),
      ("encounter_tokens", token { $0["y"] = .null }, "encounter_tokens.t1.y", .missing),
      ("encounter_tokens", token { $0["x"] = "3" }, "encounter_tokens.t1.x", .wrongType(expected: "an integer")),
      (
        "encounter_tokens", token { $0["x"] = .double(3.5) }, "encounter_tokens.t1.x",
        .wrongType(expected: "an integer")
      ),
      ("encounter_tokens", token { $0["name"] = 7 }, "encounter_tokens.t1.name", .wrongType(expected: "a string")),
      (
        "encounter_tokens", token { $0["status"] = ["ok", 1] }, "encounter_tokens.t1.status.1",
        .wrongType(expected: "a string")
      ),
      (
        "encounter_tokens", token { $0["status"] = "dead" }, "encounter_tokens.t1.status",
        .wrongType(expected: "an array")
      ),
      (
        "encounter_active_portraits", "imre_sallow", "encounter_active_portraits",
        .wrongType(expected: "an array")
      ),
      ("encounter_active_portraits", [.null], "encounter_active_portraits.0", .wrongType(expected: "a string")),
      ("ship_system_overrides", ["engines": ["condition": 5]], "ship_system_overrides.engines.status", .missing),
      (
        "ship_system_overrides", ["engines": ["status": "BROKEN"]], "ship_system_overrides.engines.status",
        .invalidValue("'BROKEN' is not one of ONLINE, STRESSED, DAMAGED, CRITICAL, OFFLINE")
      ),
      (
        "ship_system_overrides", ["engines": ["status": "ONLINE", "condition": "5"]],
        "ship_system_overrides.engines.condition", .wrongType(expected: "an integer")
      ),
      (
        "ship_system_overrides", ["engines": ["status": "ONLINE", "info": false]],
        "ship_system_overrides.engines.info", .wrongType(expected: "a string")
      ),
      (
        "encounter_npc_data", ["quill": ["id": "quill", "name": "Quill"]], "encounter_npc_data.quill.portrait",
        .missing
      ),
      (
        "encounter_npc_data", ["quill": ["id": 1, "name": "Quill", "portrait": ""]], "encounter_npc_data.quill.id",
        .wrongType(expected: "a string")
      ),
      ("location_path", ["a", 1], "location_path.1", .wrongType(expected: "a string")),
      ("encounter_total_decks", .double(2.5), "encounter_total_decks", .wrongType(expected: "an integer")),
      ("location_name", [:], "location_name", .wrongType(expected: "a string")),
    ]
    for (key, value, errorKey, problem) in cases {
      let bytes = try changed(base) { $0[key] = value }
      #expect(payloadError(bytes) == JSONReadError(path: errorKey, problem: problem), "\(key) = \(value)")
      #expect(throws: JSONReadError.self, "\(key) = \(value)") { try foundation(bytes) }
    }
  }

  @Test func errorsDescribeTheKey() throws {
    #expect(JSONReadError(path: "version", problem: .missing).description == "version: missing")
    #expect(
      JSONReadError(path: "encounter_tokens.t1.x", problem: .wrongType(expected: "an integer")).description
        == "encounter_tokens.t1.x: expected an integer")
    #expect(
      JSONReadError(path: "view_type", problem: .invalidValue("'WARP' is not one of STANDBY")).description
        == "view_type: 'WARP' is not one of STANDBY")
    #expect(payloadError(Array("[]".utf8)) == JSONReadError(path: "", problem: .wrongType(expected: "an object")))
    #expect(payloadError(Array("[]".utf8))?.description == "expected an object")
  }

  @Test func invalidJSONThrowsAParseError() {
    #expect(throws: JSONParseError(offset: 1, reason: .expectedKey)) { try ActiveViewPayload.decode(Array("{]".utf8)) }
    #expect(throws: JSONParseError.self) { try ActiveViewPayload.decode(Data()) }
  }

  @Test func initFromJSONValue() throws {
    let bytes = builder.encode(try encounter, version: 2, epoch: "e")
    let value = try JSONParser.parse(bytes)
    #expect(try ActiveViewPayload(json: value) == foundation(bytes))
  }
}
