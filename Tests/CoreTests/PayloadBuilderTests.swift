import Foundation
import Testing

@testable import BulkheadCore

/// Building and encoding the active-view payload.
struct PayloadBuilderTests {
  let campaign: Campaign
  let builder: PayloadBuilder

  init() throws {
    campaign = try Campaigns.demo()
    builder = PayloadBuilder(campaign: campaign)
  }

  func run(_ commands: [Command], from state: ActiveViewState = ActiveViewState()) throws
    -> ActiveViewState
  {
    var state = state
    for command in commands {
      state = try Reducer.apply(command, to: state, campaign: campaign).state
    }
    return state
  }

  func decode(_ bytes: [UInt8]) throws -> ActiveViewPayload {
    try JSONDecoder().decode(ActiveViewPayload.self, from: Data(bytes))
  }

  static let encounterOnlyKeys = [
    "location_type", "location_name", "location_data", "location_path", "encounter_total_decks",
    "encounter_deck_name",
  ]

  static let alwaysPresentKeys = [
    "view_type", "location_slug", "view_slug", "overlay_location_slug", "overlay_terminal_slug",
    "charon_mode", "charon_location_path", "charon_active_channel", "charon_dialog_open",
    "encounter_level", "encounter_deck_id", "encounter_room_visibility", "encounter_door_status",
    "encounter_tokens", "encounter_active_portraits", "ship_system_overrides",
    "encounter_npc_data", "version", "epoch",
  ]

  var kestrel: ActiveViewState {
    get throws { try run([.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: "")]) }
  }

  @Test func standbyPayloadDecodes() throws {
    let bytes = builder.encode(ActiveViewState(), version: 7, epoch: "epoch-a")
    let payload = try decode(bytes)
    #expect(payload.viewType == .standby)
    #expect(payload.version == 7)
    #expect(payload.epoch == "epoch-a")
    #expect(payload.locationSlug == "")
    #expect(payload.charonMode == .display)
    #expect(payload.charonActiveChannel == "story")
    #expect(payload.encounterTokens.isEmpty)
    #expect(payload.encounterNPCData.count == campaign.npcs.count)
    #expect(
      payload.encounterNPCData["imre_sallow"]
        == NPCCard(
          id: "imre_sallow", name: "Captain Imre Sallow",
          portrait: "/data/campaign/NPCs/images/imre_sallow.png", role: "Ship Captain"))
    #expect(payload.encounterNPCData["tomas_greer"]?.portrait == "", "no portrait reads as \"\"")
    #expect(payload.locationData == nil)
  }

  @Test func standbyPayloadHasNoEncounterOnlyKeys() throws {
    let object = try jsonObject(builder.encode(ActiveViewState(), version: 1, epoch: "e"))
    for key in Self.encounterOnlyKeys {
      #expect(object[key] == nil, "\(key) must be absent outside ENCOUNTER")
    }
    for key in Self.alwaysPresentKeys {
      #expect(object[key] != nil, "\(key) must be present")
    }
    #expect(Set(object.keys) == Set(Self.alwaysPresentKeys))
  }

  @Test func bridgeOnAMappedLocationHasNoEncounterOnlyKeys() throws {
    let state = try run(
      [.switchView(.bridge, locationSlug: "kestrel_dawn", viewSlug: "")], from: try kestrel)
    let object = try jsonObject(builder.encode(state, version: 1, epoch: "e"))
    for key in Self.encounterOnlyKeys {
      #expect(object[key] == nil, "\(key) must be absent outside ENCOUNTER")
    }
    #expect(object["location_slug"] as? String == "kestrel_dawn")
  }

  @Test func encounterPayloadCarriesTheCurrentDeck() throws {
    let state = try kestrel
    let bytes = builder.encode(state, version: 2, epoch: "e")
    let payload = try decode(bytes)
    #expect(payload.viewType == .encounter)
    #expect(payload.locationSlug == "kestrel_dawn")
    #expect(payload.locationType == "ship")
    #expect(payload.locationName == "MSV Kestrel Dawn")
    #expect(payload.locationPath == ["haldens-reach", "kestrel_dawn"])
    #expect(payload.encounterTotalDecks == 2)
    #expect(payload.encounterDeckName == "Command Deck")
    #expect(payload.encounterDeckID == "deck_1")
    #expect(payload.encounterRoomVisibility.count == 17)
    let map = try #require(payload.locationData?["map"])
    #expect(map["is_multi_deck"] == true)
    #expect(map["current_deck_id"] == "deck_1")
    #expect(map["manifest"]?["total_decks"] == 2)
    let rooms = try #require(map["current_deck"]?["rooms"]?.arrayValue)
    let deck = try #require(campaign.locations["kestrel_dawn"]?.map?.deck("deck_1"))
    #expect(rooms.compactMap { $0["id"]?.stringValue } == deck.rooms.map(\.id))
    #expect(map["current_deck"]?["connections"]?.arrayValue?.count == deck.connections.count)
    #expect(map["current_deck"]?["deck_id"] == "deck_1")
    #expect(payload.locationData?["slug"] == "kestrel_dawn")
    #expect(payload.locationData?["has_map"] == true)
    #expect(payload.locationData?["system_slug"] == "haldens-reach")
    #expect(payload.locationData?["status"] == "COMPROMISED", "location.yaml keys are passed on")
    let terminals = try #require(payload.locationData?["terminals"]?.arrayValue)
    #expect(
      terminals.compactMap { $0["slug"]?.stringValue } == [
        "bridge_terminal", "engineering_terminal", "medbay_terminal",
      ])
  }

  @Test func locationPathIsAJSONArray() throws {
    let object = try jsonObject(builder.encode(try kestrel, version: 1, epoch: "e"))
    let path = try #require(object["location_path"] as? [Any])
    #expect(path.compactMap { $0 as? String } == ["haldens-reach", "kestrel_dawn"])
    #expect(object["encounter_total_decks"] as? Int == 2)
    #expect(object["encounter_deck_name"] as? String == "Command Deck")
  }

  @Test func switchLevelShowsTheOtherDeck() throws {
    let state = try run([.switchLevel(level: nil, deckID: "deck_2")], from: try kestrel)
    let payload = try decode(builder.encode(state, version: 3, epoch: "e"))
    #expect(payload.encounterDeckID == "deck_2")
    #expect(payload.encounterLevel == 2)
    #expect(payload.encounterDeckName == "Engineering Deck")
    let map = try #require(payload.locationData?["map"])
    #expect(map["current_deck_id"] == "deck_2")
    let rooms = map["current_deck"]?["rooms"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
    #expect(rooms?.contains("reactor") == true)
    #expect(rooms?.contains("bridge") == false)
  }

  @Test func tokensOfOneDeckStayOffTheOther() throws {
    let deck1 = try run(
      [.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2))], from: try kestrel)
    let onDeck1 = try decode(builder.encode(deck1, version: 1, epoch: "e"))
    #expect(Set(onDeck1.encounterTokens.keys) == ["00000001"])
    #expect(onDeck1.encounterTokens["00000001"]?.roomID == "bridge")
    let deck2 = try run([.switchLevel(level: 2, deckID: nil)], from: deck1)
    let onDeck2 = try decode(builder.encode(deck2, version: 2, epoch: "e"))
    #expect(onDeck2.encounterTokens.isEmpty)
    let withCreature = try run(
      [.placeToken(Token(type: .creature, name: "It", x: 14, y: 10))], from: deck2)
    let payload = try decode(builder.encode(withCreature, version: 3, epoch: "e"))
    #expect(Set(payload.encounterTokens.keys) == ["00000002"])
    #expect(payload.encounterTokens["00000002"]?.type == .creature)
  }

  @Test func liveStateIsInThePayload() throws {
    let state = try run(
      [
        .toggleRoom(roomID: "bridge", visible: true),
        .setDoorStatus(connectionID: "d1_bridge_comms", status: .damaged),
        .togglePortrait(npcID: "oona_reyes"),
        .setShipSystem(system: "engines", ShipSystemOverride(status: .critical, condition: 5)),
        .setCharonMode(.query),
        .toggleCharonDialog(open: true),
        .placeToken(Token(type: .npc, name: "Reyes", x: 22, y: 2, status: [], imageURL: "/r.png")),
        .updateTokenStatus(id: "00000001", status: ["wounded"]),
      ], from: try kestrel)
    let payload = try decode(builder.encode(state, version: 9, epoch: "e"))
    #expect(payload.encounterRoomVisibility["bridge"] == true)
    #expect(payload.encounterRoomVisibility["galley"] == false)
    #expect(payload.encounterDoorStatus == ["d1_bridge_comms": .damaged])
    #expect(payload.encounterActivePortraits == ["oona_reyes"])
    #expect(
      payload.shipSystemOverrides["engines"] == ShipSystemOverride(status: .critical, condition: 5))
    #expect(payload.charonMode == .query)
    #expect(payload.charonDialogOpen)
    #expect(
      payload.encounterTokens["00000001"]
        == Token(
          type: .npc, name: "Reyes", x: 22, y: 2, status: ["wounded"], imageURL: "/r.png",
          roomID: "medbay"))
  }

  @Test func overlayIsInThePayload() throws {
    let state = try run([.showTerminal(locationSlug: "calyx-relay", terminalSlug: "signals_lab")])
    let payload = try decode(builder.encode(state, version: 1, epoch: "e"))
    #expect(payload.overlayLocationSlug == "calyx-relay")
    #expect(payload.overlayTerminalSlug == "signals_lab")
  }

  @Test func encodingIsDeterministic() throws {
    let state = try run(
      [
        .toggleRoom(roomID: "bridge", visible: true),
        .toggleRoom(roomID: "reactor", visible: true),
        .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
        .placeToken(Token(type: .player, name: "Kim", x: 3, y: 2)),
      ], from: try kestrel)
    let first = builder.encode(state, version: 4, epoch: "e")
    let second = builder.encode(state, version: 4, epoch: "e")
    #expect(first == second)
    let other = PayloadBuilder(campaign: campaign).encode(state, version: 4, epoch: "e")
    #expect(first == other, "a second builder of the same campaign gives the same bytes")
    var reordered = state
    reordered.roomVisibility = Dictionary(
      uniqueKeysWithValues: state.roomVisibility.sorted { $0.key > $1.key }.map {
        ($0.key, $0.value)
      })
    #expect(builder.encode(reordered, version: 4, epoch: "e") == first)
    #expect(builder.encode(state, version: 5, epoch: "e") != first, "the version is in the bytes")
  }

  @Test func keysAreSortedAndTheOutputIsCompact() throws {
    let state = try run(
      [.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2))], from: try kestrel)
    let text = String(decoding: builder.encode(state, version: 1, epoch: "e"), as: UTF8.self)
    #expect(!text.contains("\n"))
    let lists = objectKeyLists(text)
    #expect(lists.count > 10)
    for keys in lists {
      #expect(keys == keys.sorted(), "keys out of order: \(keys)")
    }
    let top = try #require(lists.last)
    #expect(top.first == "charon_active_channel")
    #expect(top.last == "view_type")
  }

  @Test func encounterOnALocationWithoutAMap() throws {
    let state = try run([.switchView(.encounter, locationSlug: "varga-yards", viewSlug: "")])
    let payload = try decode(builder.encode(state, version: 1, epoch: "e"))
    #expect(payload.locationData?["has_map"] == false)
    #expect(payload.locationData?["map"] == .null)
    #expect(payload.encounterTotalDecks == 0)
    #expect(payload.locationPath == ["marrow", "varga-yards"])
  }

  @Test func singleDeckMapIsNotMultiDeck() throws {
    let state = try run([.switchView(.encounter, locationSlug: "calyx-relay", viewSlug: "")])
    let payload = try decode(builder.encode(state, version: 1, epoch: "e"))
    let map = try #require(payload.locationData?["map"])
    #expect(map["is_multi_deck"] == false)
    #expect(map["manifest"] == .null)
    #expect(map["current_deck_id"] == "relay_core")
    #expect(payload.encounterTotalDecks == 1)
  }

  @Test(.enabled(if: fixturesAvailable, fixturesAbsent))
  func fixtureMorriganEncounterPayloadDecodes() throws {
    let fixture = try Campaigns.fixture()
    let state = try Reducer.apply(
      .switchView(.encounter, locationSlug: "uscss_morrigan", viewSlug: ""),
      to: ActiveViewState(), campaign: fixture
    ).state
    let bytes = PayloadBuilder(campaign: fixture).encode(state, version: 1, epoch: "e")
    let payload = try decode(bytes)
    #expect(payload.encounterTotalDecks == 2)
    #expect(payload.encounterDeckName == "Main Deck")
    #expect(payload.locationPath == ["sol", "earth", "uscss_morrigan"])
    #expect(payload.encounterNPCData.count == 4)
    let rooms = payload.locationData?["map"]?["current_deck"]?["rooms"]?.arrayValue
    #expect(rooms?.count == 7)
    #expect(payload.encounterRoomVisibility.count == 12)
  }
}
