import Foundation
import Testing

@testable import BulkheadCore

/// The reducer's rules (API.md), applied to the demo campaign.
struct ReducerTests {
  let campaign: Campaign

  init() throws {
    campaign = try Campaigns.demo()
  }

  // MARK: helpers

  func apply(_ command: Command, to state: ActiveViewState) throws(CommandError) -> Outcome {
    try Reducer.apply(command, to: state, campaign: campaign)
  }

  /// Applies `commands` in order, from the start state unless `state` is given.
  func run(_ commands: [Command], from state: ActiveViewState = ActiveViewState()) throws
    -> ActiveViewState
  {
    var state = state
    for command in commands { state = try apply(command, to: state).state }
    return state
  }

  /// The state with ENCOUNTER open on `slug`.
  func encounter(_ slug: String = "kestrel_dawn") throws -> ActiveViewState {
    try run([.switchView(.encounter, locationSlug: slug, viewSlug: "")])
  }

  /// The error `command` is refused with; records an issue when it is accepted.
  func rejection(
    _ command: Command, on state: ActiveViewState,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> CommandError? {
    #expect(throws: CommandError.self, sourceLocation: sourceLocation) {
      try apply(command, to: state)
    }
  }

  var kestrelRooms: Set<String> {
    Set(campaign.locations["kestrel_dawn"]?.map?.decks.flatMap { $0.rooms.map(\.id) } ?? [])
  }

  // MARK: switch-view

  @Test func encounterOnANewLocationFogsEveryRoomOfEveryDeck() throws {
    let before = try run([
      .togglePortrait(npcID: "imre_sallow"),
      .showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal"),
    ])
    #expect(before.activePortraits == ["imre_sallow"])
    #expect(before.overlayTerminalSlug == "keeper_terminal")
    let outcome = try apply(
      .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""), to: before)
    let state = outcome.state
    #expect(state.viewType == .encounter)
    #expect(state.locationSlug == "kestrel_dawn")
    #expect(state.encounterLocationSlug == "kestrel_dawn")
    #expect(kestrelRooms.count == 17)
    #expect(Set(state.roomVisibility.keys) == kestrelRooms)
    #expect(state.roomVisibility.values.allSatisfy { $0 == false })
    #expect(state.encounterDeckID == "deck_1")
    #expect(state.encounterLevel == 1)
    #expect(state.activePortraits.isEmpty)
    #expect(state.charonActiveChannel == "encounter-kestrel_dawn")
    #expect(state.overlayLocationSlug == "")
    #expect(state.overlayTerminalSlug == "")
    #expect(outcome == Outcome(state: state), "no token placed, nothing to store")
  }

  @Test func encounterOnTheSameLocationKeepsReveals() throws {
    let prepared = try run(
      [
        .toggleRoom(roomID: "bridge", visible: true),
        .switchLevel(level: nil, deckID: "deck_2"),
        .placeToken(Token(type: .creature, name: "It", x: 2, y: 2)),
        .togglePortrait(npcID: "pell_adebayo"),
        .switchView(.bridge, locationSlug: "", viewSlug: ""),
        .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""),
      ], from: try encounter())
    #expect(prepared.roomVisibility["bridge"] == true)
    #expect(prepared.roomVisibility.count == 17)
    #expect(prepared.encounterDeckID == "deck_2")
    #expect(prepared.currentTokens.count == 1)
    #expect(prepared.activePortraits == ["pell_adebayo"])
    #expect(prepared.charonActiveChannel == "encounter-kestrel_dawn")
  }

  @Test func encounterOnAnotherLocationRefogs() throws {
    let revealed = try run(
      [.toggleRoom(roomID: "bridge", visible: true), .switchLevel(level: 2, deckID: nil)],
      from: try encounter())
    let relay = try run(
      [.switchView(.encounter, locationSlug: "calyx-relay", viewSlug: "")], from: revealed)
    let relayRooms = Set(campaign.locations["calyx-relay"]?.map?.decks.first?.rooms.map(\.id) ?? [])
    #expect(!relayRooms.isEmpty)
    #expect(Set(relay.roomVisibility.keys) == relayRooms)
    #expect(relay.roomVisibility.values.allSatisfy { !$0 })
    #expect(relay.encounterDeckID == "relay_core")
    #expect(relay.encounterLevel == 1)
    #expect(relay.charonActiveChannel == "encounter-calyx-relay")
    let back = try run(
      [.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: "")], from: relay)
    #expect(back.roomVisibility["bridge"] == false)
    #expect(back.encounterDeckID == "deck_1")
  }

  @Test func encounterOnALocationWithoutAMapOpensNoDeck() throws {
    let state = try encounter("tessaly")
    #expect(state.encounterLocationSlug == "tessaly")
    #expect(state.roomVisibility.isEmpty)
    #expect(state.encounterDeckID == "")
    let error = rejection(.toggleRoom(roomID: "bridge", visible: true), on: state)
    #expect(error?.kind == .invalid)
  }

  @Test func bridgeAndCharonTerminalSetTheChannel() throws {
    let bridge = try run([.switchView(.bridge, locationSlug: "haldens-reach", viewSlug: "sys")])
    #expect(bridge.viewType == .bridge)
    #expect(bridge.charonActiveChannel == "bridge")
    #expect(bridge.locationSlug == "haldens-reach")
    #expect(bridge.viewSlug == "sys")
    let story = try run(
      [.switchView(.charonTerminal, locationSlug: "", viewSlug: "")], from: bridge)
    #expect(story.charonActiveChannel == "story")
    #expect(story.viewType == .charonTerminal)
  }

  @Test func otherViewsKeepTheChannel() throws {
    let state = try run([
      .switchView(.bridge, locationSlug: "", viewSlug: ""),
      .switchView(.shipDashboard, locationSlug: "", viewSlug: ""),
    ])
    #expect(state.viewType == .shipDashboard)
    #expect(state.charonActiveChannel == "bridge")
  }

  @Test func switchViewClearsTheOverlay() throws {
    let state = try run([
      .showTerminal(locationSlug: "calyx-relay", terminalSlug: "signals_lab"),
      .switchView(.messages, locationSlug: "", viewSlug: ""),
    ])
    #expect(state.overlayLocationSlug == "")
    #expect(state.overlayTerminalSlug == "")
  }

  @Test func encounterNeedsAKnownLocation() throws {
    let missing = rejection(.switchView(.encounter, locationSlug: "", viewSlug: ""), on: .init())
    #expect(missing?.kind == .invalid)
    #expect(missing?.message.contains("location_slug") == true)
    let unknown = rejection(
      .switchView(.encounter, locationSlug: "atlantis", viewSlug: ""), on: .init())
    #expect(unknown?.kind == .notFound)
    #expect(unknown?.message.contains("location_slug") == true)
    #expect(unknown?.message.contains("atlantis") == true)
  }

  // MARK: terminals

  @Test func showTerminalSetsTheOverlayAndHideClearsIt() throws {
    let shown = try Reducer.showTerminal(
      "keeper_terminal", locationSlug: "calyx-relay", in: .init(), campaign)
    #expect(shown.overlayLocationSlug == "calyx-relay")
    #expect(shown.overlayTerminalSlug == "keeper_terminal")
    #expect(shown.viewType == .standby, "the overlay does not change the view")
    let hidden = Reducer.hideTerminal(in: shown)
    #expect(hidden.overlayLocationSlug == "")
    #expect(hidden.overlayTerminalSlug == "")
  }

  @Test func showTerminalValidatesTheLocation() {
    let error = rejection(
      .showTerminal(locationSlug: "atlantis", terminalSlug: "keeper_terminal"), on: .init())
    #expect(error?.kind == .notFound)
    #expect(error?.message.contains("location_slug") == true)
  }

  @Test func showTerminalValidatesTheTerminal() {
    let error = rejection(
      .showTerminal(locationSlug: "calyx-relay", terminalSlug: "bridge_terminal"), on: .init())
    #expect(error?.kind == .notFound)
    #expect(error?.message.contains("terminal_slug") == true)
    #expect(error?.message.contains("bridge_terminal") == true)
  }

  // MARK: rooms and doors

  @Test func toggleRoomWithoutVisibleFlipsTheRoom() throws {
    let start = try encounter()
    let once = try Reducer.toggleRoom("medbay", visible: nil, in: start, campaign)
    #expect(once.roomVisibility["medbay"] == true)
    #expect(once.roomVisibility.count == start.roomVisibility.count, "only medbay changes")
    let twice = try Reducer.toggleRoom("medbay", visible: nil, in: once, campaign)
    #expect(twice.roomVisibility["medbay"] == false)
  }

  @Test func toggleRoomWithVisibleSetsIt() throws {
    let start = try encounter()
    let shown = try run(
      [
        .toggleRoom(roomID: "reactor", visible: true),
        .toggleRoom(roomID: "reactor", visible: true),
      ],
      from: start)
    #expect(shown.roomVisibility["reactor"] == true, "a room of the other deck can be revealed")
    let hidden = try run([.toggleRoom(roomID: "reactor", visible: false)], from: shown)
    #expect(hidden.roomVisibility["reactor"] == false)
    #expect(hidden.roomVisibility.count == 17)
  }

  @Test func toggleRoomRejectsUnknownRooms() throws {
    let error = rejection(.toggleRoom(roomID: "pool", visible: true), on: try encounter())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("room_id") == true)
    #expect(error?.message.contains("pool") == true)
  }

  @Test func roomVisibilityReplacesTheWholeMap() throws {
    let start = try run([.toggleRoom(roomID: "bridge", visible: true)], from: try encounter())
    let state = try Reducer.setRoomVisibility(["galley": true, "reactor": true], in: start, campaign)
    #expect(Set(state.roomVisibility.keys) == kestrelRooms)
    #expect(state.roomVisibility["bridge"] == false)
    #expect(state.roomVisibility["galley"] == true)
    #expect(state.roomVisibility["reactor"] == true)
    #expect(state.roomVisibility.values.filter { $0 }.count == 2)
  }

  @Test func roomVisibilityRejectsUnknownRooms() throws {
    let error = rejection(.setRoomVisibility(["galley": true, "pool": true]), on: try encounter())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("room_visibility") == true)
    #expect(error?.message.contains("pool") == true)
  }

  @Test func setDoorStatusRecordsTheStatus() throws {
    let state = try Reducer.setDoorStatus(
      "d2_reactor_coolant", to: .sealed, in: try encounter(), campaign)
    #expect(state.doorStatus == ["d2_reactor_coolant": .sealed])
  }

  @Test func setDoorStatusRejectsUnknownConnections() throws {
    let error = rejection(
      .setDoorStatus(connectionID: "d9_nowhere", status: .open), on: try encounter())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("connection_id") == true)
  }

  @Test func encounterCommandsNeedAnOpenEncounter() {
    for command: Command in [
      .toggleRoom(roomID: "bridge", visible: true),
      .setRoomVisibility([:]),
      .setDoorStatus(connectionID: "d1_bridge_comms", status: .open),
      .switchLevel(level: 2, deckID: nil),
      .clearTokens,
    ] {
      let error = rejection(command, on: .init())
      #expect(error?.kind == .invalid, "\(command)")
      #expect(error?.message.contains("ENCOUNTER") == true, "\(command)")
    }
  }

  // MARK: decks

  @Test func switchLevelByDeckID() throws {
    let state = try Reducer.switchLevel(level: nil, deckID: "deck_2", in: try encounter(), campaign)
    #expect(state.encounterDeckID == "deck_2")
    #expect(state.encounterLevel == 2)
  }

  @Test func switchLevelByLevel() throws {
    let state = try run([.switchLevel(level: 2, deckID: nil)], from: try encounter())
    #expect(state.encounterDeckID == "deck_2")
    let back = try run([.switchLevel(level: 1, deckID: "deck_1")], from: state)
    #expect(back.encounterDeckID == "deck_1")
    #expect(back.encounterLevel == 1)
  }

  @Test func switchLevelRejectsAMismatch() throws {
    let error = rejection(.switchLevel(level: 1, deckID: "deck_2"), on: try encounter())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("level") == true)
  }

  @Test func switchLevelRejectsUnknownDecks() throws {
    let state = try encounter()
    let byID = rejection(.switchLevel(level: nil, deckID: "deck_9"), on: state)
    #expect(byID?.kind == .invalid)
    #expect(byID?.message.contains("deck_id") == true)
    let byLevel = rejection(.switchLevel(level: 3, deckID: nil), on: state)
    #expect(byLevel?.kind == .invalid)
    #expect(byLevel?.message.contains("level") == true)
  }

  // MARK: tokens

  @Test func placeTokenGetsACountedIDAndItsRoom() throws {
    let first = try Reducer.placeToken(
      Token(type: .player, name: "Ash", x: 2, y: 2), in: try encounter(), campaign)
    #expect(first.tokenID == "00000001")
    let token = try #require(first.state.currentTokens["00000001"])
    #expect(token.roomID == "bridge")
    #expect(token.name == "Ash")
    #expect(first.state.tokens["kestrel_dawn"]?["deck_1"]?["00000001"] == token)
    let second = try apply(
      .placeToken(Token(type: .npc, name: "Greer", x: 0, y: 0)), to: first.state)
    #expect(second.placedTokenID == "00000002")
    #expect(second.state.currentTokens["00000002"]?.roomID == "", "cell (0,0) is in no room")
    #expect(second.state.currentTokens.count == 2)
  }

  @Test func tokenIDsAreEightHexDigits() {
    #expect(Reducer.tokenID(1) == "00000001")
    #expect(Reducer.tokenID(255) == "000000ff")
    #expect(Reducer.tokenID(0x1234_5678) == "12345678")
  }

  @Test func placeTokenKeepsAGivenRoom() throws {
    let state = try run(
      [.placeToken(Token(type: .object, name: "Crate", x: 2, y: 2, roomID: "galley"))],
      from: try encounter())
    #expect(state.currentTokens["00000001"]?.roomID == "galley")
  }

  @Test(arguments: [(-1, 0), (0, -1), (34, 0), (0, 19), (100, 100)])
  func placeTokenOutsideTheGridIsRejected(_ x: Int, _ y: Int) throws {
    let start = try encounter()
    let error = rejection(.placeToken(Token(type: .player, name: "Ash", x: x, y: y)), on: start)
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("x and y") == true)
  }

  @Test func placeTokenAtTheLastCellIsAccepted() throws {
    let state = try run(
      [.placeToken(Token(type: .player, name: "Ash", x: 33, y: 18))], from: try encounter())
    #expect(state.currentTokens.count == 1)
  }

  @Test func placeTokenRejectsAnUnknownRoom() throws {
    let error = rejection(
      .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2, roomID: "reactor")),
      on: try encounter())
    #expect(error?.kind == .invalid, "reactor is on deck 2, not the current deck")
    #expect(error?.message.contains("room_id") == true)
  }

  @Test func placeTokenBeforeAnyEncounterIsRejected() {
    let error = rejection(.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)), on: .init())
    #expect(error?.kind == .invalid)
  }

  @Test func moveTokenMovesItAndDerivesTheRoom() throws {
    let placed = try run(
      [.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2))], from: try encounter())
    let moved = try Reducer.moveToken("00000001", x: 2, y: 8, roomID: nil, in: placed, campaign)
    let token = try #require(moved.currentTokens["00000001"])
    #expect((token.x, token.y) == (2, 8))
    #expect(token.roomID == "galley")
    let outside = rejection(.moveToken(id: "00000001", x: 40, y: 8, roomID: nil), on: placed)
    #expect(outside?.kind == .invalid)
  }

  @Test func unknownTokensAreNotFound() throws {
    let state = try run(
      [.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2))], from: try encounter())
    for command: Command in [
      .moveToken(id: "0000beef", x: 1, y: 1, roomID: nil),
      .removeToken(id: "0000beef"),
      .updateTokenStatus(id: "0000beef", status: ["dead"]),
    ] {
      let error = rejection(command, on: state)
      #expect(error?.kind == .notFound, "\(command)")
      #expect(error?.message.contains("0000beef") == true, "\(command)")
    }
  }

  @Test func removeTokenRemovesIt() throws {
    let state = try run(
      [
        .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
        .placeToken(Token(type: .player, name: "Kim", x: 3, y: 2)),
        .removeToken(id: "00000001"),
      ], from: try encounter())
    #expect(Set(state.currentTokens.keys) == ["00000002"])
  }

  @Test func updateTokenStatusValidatesAndRemovesDuplicates() throws {
    let placed = try run(
      [.placeToken(Token(type: .player, name: "Ash", x: 2, y: 2))], from: try encounter())
    let updated = try Reducer.updateTokenStatus(
      "00000001", to: ["Wounded", "panicked", "wounded"], in: placed)
    #expect(updated.currentTokens["00000001"]?.status == ["wounded", "panicked"])
    let error = rejection(.updateTokenStatus(id: "00000001", status: ["on_fire"]), on: placed)
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("status") == true)
    #expect(error?.message.contains("on_fire") == true)
    let cleared = try Reducer.updateTokenStatus("00000001", to: [], in: updated)
    #expect(cleared.currentTokens["00000001"]?.status == [])
  }

  @Test func clearTokensEmptiesTheLocation() throws {
    let state = try run(
      [
        .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
        .switchLevel(level: 2, deckID: nil),
        .placeToken(Token(type: .creature, name: "It", x: 14, y: 10)),
      ], from: try encounter())
    #expect(state.currentTokens.count == 1)
    let cleared = try Reducer.clearTokens(in: state, campaign)
    #expect(cleared.currentTokens.isEmpty)
    #expect(cleared.tokens["kestrel_dawn"]?.values.allSatisfy(\.isEmpty) ?? true)
    #expect(cleared.tokensPlaced == 2, "ids keep counting after a clear")
  }

  @Test func tokensBelongToTheirDeck() throws {
    let state = try run(
      [
        .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
        .switchLevel(level: 2, deckID: nil),
      ], from: try encounter())
    #expect(state.currentTokens.isEmpty)
    let placed = try run(
      [.placeToken(Token(type: .creature, name: "It", x: 14, y: 10))], from: state)
    #expect(placed.currentTokens["00000002"]?.roomID == "spine_base")
    let back = try run([.switchLevel(level: 1, deckID: nil)], from: placed)
    #expect(Set(back.currentTokens.keys) == ["00000001"])
  }

  // MARK: portraits and ship

  @Test func togglePortraitAddsInOrderAndRemoves() throws {
    let added = try run([
      .togglePortrait(npcID: "imre_sallow"),
      .togglePortrait(npcID: "oona_reyes"),
      .togglePortrait(npcID: "tomas_greer"),
    ])
    #expect(added.activePortraits == ["imre_sallow", "oona_reyes", "tomas_greer"])
    let removed = try Reducer.togglePortrait("oona_reyes", in: added, campaign)
    #expect(removed.activePortraits == ["imre_sallow", "tomas_greer"])
  }

  @Test func togglePortraitRejectsUnknownNPCs() {
    let error = rejection(.togglePortrait(npcID: "nobody"), on: .init())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("npc_id") == true)
  }

  @Test func shipToggleSetsAnOverride() throws {
    let state = try Reducer.setShipSystem(
      "engines", to: ShipSystemOverride(status: .offline, condition: 0), in: .init(), campaign)
    #expect(state.shipSystemOverrides == ["engines": ShipSystemOverride(status: .offline, condition: 0)])
  }

  @Test func shipToggleRejectsUnknownSystems() {
    let error = rejection(
      .setShipSystem(system: "warp_drive", ShipSystemOverride(status: .online)), on: .init())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("system") == true)
    #expect(error?.message.contains("warp_drive") == true)
  }

  @Test(arguments: [101, -1])
  func shipToggleRejectsAConditionOutOfRange(_ condition: Int) {
    let error = rejection(
      .setShipSystem(system: "engines", ShipSystemOverride(status: .damaged, condition: condition)),
      on: .init())
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("condition") == true)
  }

  // MARK: CHARON and messages

  @Test func submitQueryIsForbiddenInDisplayMode() {
    let error = rejection(.submitCharonQuery("Who opened the crate?"), on: .init())
    #expect(error?.kind == .forbidden)
  }

  @Test func submitQueryInQueryModeRecordsAUserLine() throws {
    let state = try run([.setCharonMode(.query)])
    #expect(state.charonMode == .query)
    let outcome = try apply(.submitCharonQuery("Who opened the crate?"), to: state)
    #expect(
      outcome.effect
        == .charonMessage(channel: "story", role: "user", content: "Who opened the crate?"))
    #expect(outcome.state == state, "a query changes no state")
    #expect(
      try Reducer.submitCharonQuery("Who opened the crate?", in: state)
        == .charonMessage(channel: "story", role: "user", content: "Who opened the crate?"))
  }

  @Test func charonSendUsesTheActiveChannel() throws {
    let state = try run([.switchView(.bridge, locationSlug: "", viewSlug: "")])
    let outcome = try apply(.sendCharonMessage("Course plotted."), to: state)
    #expect(
      outcome.effect
        == .charonMessage(channel: "bridge", role: "charon", content: "Course plotted."))
    #expect(outcome.state == state, "a line changes no state")
    let inEncounter = try Reducer.sendCharonMessage("Hull breach.", in: try encounter())
    #expect(
      inEncounter
        == .charonMessage(
          channel: "encounter-kestrel_dawn", role: "charon", content: "Hull breach."))
  }

  @Test func broadcastGivesAnEffectWithDefaults() throws {
    let command = try Command.decode(.broadcast, body: Data(#"{"content":"Brace."}"#.utf8))
    let start = ActiveViewState()
    let outcome = try apply(command, to: start)
    #expect(outcome.effect == .broadcast(sender: "CHARON", content: "Brace.", priority: .normal))
    #expect(outcome.state == start, "a broadcast is not a state change")
  }

  @Test func toggleDialogTogglesOrSets() throws {
    let opened = Reducer.toggleCharonDialog(open: nil, in: .init())
    #expect(opened.charonDialogOpen)
    let closed = try run([.toggleCharonDialog(open: nil)], from: opened)
    #expect(!closed.charonDialogOpen)
    let stillClosed = try run([.toggleCharonDialog(open: false)], from: closed)
    #expect(!stillClosed.charonDialogOpen)
    let forced = try run([.toggleCharonDialog(open: true), .toggleCharonDialog(open: true)])
    #expect(forced.charonDialogOpen)
  }

  @Test func charonLocationMustBeALocationPath() throws {
    let state = try run([.setCharonLocation("haldens-reach/kestrel_dawn")])
    #expect(state.charonLocationPath == "haldens-reach/kestrel_dawn")
    let cleared = try run([.setCharonLocation("")], from: state)
    #expect(cleared.charonLocationPath == "")
    let error = rejection(.setCharonLocation("kestrel_dawn"), on: state)
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("location_path") == true)
  }

  @Test func charonModeIsSet() throws {
    let state = Reducer.setCharonMode(.query, in: .init())
    #expect(state.charonMode == .query)
  }

  // MARK: purity

  static let rejectedCommands: [Command] = [
    .switchView(.encounter, locationSlug: "atlantis", viewSlug: ""),
    .showTerminal(locationSlug: "kestrel_dawn", terminalSlug: "nope"),
    .toggleRoom(roomID: "pool", visible: true),
    .setRoomVisibility(["pool": true]),
    .setDoorStatus(connectionID: "nope", status: .open),
    .switchLevel(level: 7, deckID: nil),
    .placeToken(Token(type: .player, name: "Ash", x: 99, y: 2)),
    .moveToken(id: "0000beef", x: 1, y: 1, roomID: nil),
    .removeToken(id: "0000beef"),
    .updateTokenStatus(id: "00000001", status: ["on_fire"]),
    .togglePortrait(npcID: "nobody"),
    .setShipSystem(system: "engines", ShipSystemOverride(status: .online, condition: 101)),
    .submitCharonQuery("hello?"),
    .setCharonLocation("nowhere/at/all"),
  ]

  @Test(arguments: rejectedCommands)
  func aRejectedCommandLeavesTheStateUnchanged(_ command: Command) throws {
    let state = try run(
      [
        .toggleRoom(roomID: "bridge", visible: true),
        .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
        .togglePortrait(npcID: "imre_sallow"),
      ], from: try encounter())
    let before = state
    var current = state
    do throws(CommandError) {
      current = try apply(command, to: state).state
      Issue.record("\(command) was accepted")
    } catch {
      #expect(!error.message.isEmpty)
    }
    #expect(current == before)
    #expect(state == before)
  }

  @Test func theReducerIsDeterministic() throws {
    let commands: [Command] = [
      .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""),
      .placeToken(Token(type: .player, name: "Ash", x: 2, y: 2)),
      .toggleRoom(roomID: "bridge", visible: nil),
      .setDoorStatus(connectionID: "d1_bridge_comms", status: .locked),
    ]
    #expect(try run(commands) == (try run(commands)))
  }
}
