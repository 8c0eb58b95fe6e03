import BulkheadCore
import SSEClient
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The GM console's panels and prompts: the location list, NPCs, comm terminals, broadcasts, CHARON, the ship, the
/// mouse and the answers that feed the live view.
struct GMConsolePanelTests {
  @Test func locationListOffersTheViewsThenLocationsWithMapsOrTerminals() throws {
    let fixture = try GMConsoleFixture()
    let entries = fixture.controller.model.listEntries
    #expect(Array(entries.prefix(5)) == GMConsoleModel.listedViews.map(GMConsoleModel.ListEntry.view))
    let slugs = entries.dropFirst(5).compactMap { entry -> String? in
      if case .location(let location) = entry { return location.slug }
      return nil
    }
    #expect(slugs.contains("kestrel_dawn"))
    for location in fixture.controller.model.locations {
      #expect(location.hasMap || !location.terminals.isEmpty)
    }
    let paths = fixture.controller.model.locations.map(\.path)
    #expect(paths == paths.sorted())
  }

  @Test func locationListSwitchesTheSharedScreen() throws {
    var fixture = try GMConsoleFixture()
    #expect(fixture.press(.character("v")).isEmpty)
    #expect(fixture.controller.model.focus == .locations)
    #expect(fixture.controller.model.listSelection == 0)
    _ = fixture.press(.down, .character("j"))
    #expect(
      GMConsoleFixture.writes(fixture.press(.enter)) == [
        GMWrite(.switchView(.shipDashboard, locationSlug: "", viewSlug: ""), summary: "show SHIP_DASHBOARD")
      ])
    let index = try #require(
      fixture.controller.model.listEntries.firstIndex {
        if case .location(let location) = $0 { return location.slug == "kestrel_dawn" }
        return false
      })
    for _ in 2..<index { _ = fixture.press(.down) }
    #expect(
      GMConsoleFixture.writes(fixture.press(.enter)) == [
        GMWrite(
          .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""),
          summary: "open MSV Kestrel Dawn as ENCOUNTER")
      ])
    #expect(fixture.controller.model.focus == .map, "opening a deck hands the keys to its map")
  }

  @Test func locationListSelectsWhatThePlayersSee() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    _ = fixture.press(.character("v"))
    let entries = fixture.controller.model.listEntries
    #expect(
      entries[fixture.controller.model.listSelection]
        == .location(
          try #require(
            fixture.controller.model.locations.first { $0.slug == "kestrel_dawn" })))
  }

  @Test func npcListTogglesPortraits() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter(.togglePortrait(npcID: "imre_sallow"))
    _ = fixture.press(.character("p"))
    #expect(fixture.controller.model.focus == .npcs)
    let npcs = fixture.controller.model.npcs
    #expect(npcs.map(\.name) == npcs.map(\.name).sorted())
    let imre = try #require(npcs.firstIndex { $0.id == "imre_sallow" })
    for _ in 0..<imre { _ = fixture.press(.down) }
    let write = try #require(GMConsoleFixture.writes(fixture.press(.enter)).first)
    #expect(write.endpoint == .togglePortrait)
    #expect(write.body == ["npc_id": "imre_sallow"])
    #expect(write.summary.hasPrefix("dismiss the portrait of "))
  }

  @Test func terminalsShowAndHide() throws {
    var fixture = try GMConsoleFixture()
    _ = fixture.press(.character("o"))
    #expect(fixture.controller.model.focus == .terminals)
    let terminals = fixture.controller.model.terminals
    let bridge = try #require(terminals.firstIndex { $0.terminal.slug == "bridge_terminal" })
    for _ in 0..<bridge { _ = fixture.press(.character("j")) }
    #expect(
      GMConsoleFixture.writes(fixture.press(.enter)) == [
        GMWrite(
          .showTerminal(locationSlug: "kestrel_dawn", terminalSlug: "bridge_terminal"),
          summary: "show terminal bridge_terminal")
      ])
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("O"))) == [
        GMWrite(.hideTerminal, summary: "hide the comm terminal")
      ])
  }

  @Test func broadcastAsksContentThenPriority() throws {
    var fixture = try GMConsoleFixture()
    _ = fixture.press(.character("b"))
    _ = fixture.type("Hull breach on deck 2")
    #expect(fixture.press(.enter).isEmpty)
    #expect(fixture.controller.model.prompt == ConsolePrompt(.broadcastPriority(content: "Hull breach on deck 2")))
    #expect(fixture.press(.character("x")).isEmpty)
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("c"))) == [
        GMWrite(
          .broadcast(content: "Hull breach on deck 2", sender: "CHARON", priority: .critical),
          summary: "broadcast CRITICAL")
      ])
    _ = fixture.press(.character("b"))
    _ = fixture.type("Galley restocked")
    _ = fixture.press(.enter)
    #expect(GMConsoleFixture.writes(fixture.press(.enter)).first?.body["priority"] == "NORMAL")
  }

  @Test func charonPanelTogglesTheDialogSwitchesModeAndSends() throws {
    var fixture = try GMConsoleFixture()
    #expect(fixture.press(.character("c")) == [.load(.charon)])
    #expect(fixture.controller.model.focus == .charon)
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("d"))) == [
        GMWrite(.toggleCharonDialog(open: true), summary: "open the CHARON dialog")
      ])
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("m"))) == [
        GMWrite(.setCharonMode(.query), summary: "CHARON mode QUERY")
      ])
    _ = fixture.press(.enter)
    _ = fixture.type("MOTION IN EVA PREP.")
    let write = try #require(GMConsoleFixture.writes(fixture.press(.enter)).first)
    #expect(write == GMWrite(.sendCharonMessage("MOTION IN EVA PREP."), summary: "CHARON message sent"))
    #expect(fixture.controller.written(write, .success(["success": true])) == [.load(.charon)])
    let effects = try fixture.publish(.toggleCharonDialog(open: true))
    #expect(effects.contains(.load(.charon)))
  }

  @Test func charonPanelReadsPendingQueries() throws {
    var fixture = try GMConsoleFixture()
    _ = fixture.press(.character("c"))
    _ = fixture.controller.loaded(
      .charon,
      .success(
        try JSONParser.parse(
          """
          {"mode": "QUERY", "channel": "story", "messages": [
           {"message_id": "1", "role": "user", "content": "who cut the restraints", "timestamp": "t",
            "pending_approval": true}]}
          """)))
    #expect(fixture.controller.model.charon?.messages.filter(\.pendingApproval).count == 1)
    let later = PlayerControllerTests.at(10)
    #expect(fixture.controller.tick(hour: 21, minute: 8, now: later).contains(.load(.charon)) == false)
    _ = fixture.press(.escape, .character("c"))
    _ = fixture.controller.tick(hour: 21, minute: 8, now: later)
    #expect(fixture.controller.tick(hour: 21, minute: 8, now: PlayerControllerTests.at(13)).contains(.load(.charon)))
  }

  @Test func shipPanelCyclesStatusAndSetsCondition() throws {
    var fixture = try GMConsoleFixture()
    _ = fixture.controller.fetched(
      .shipStatus, .success(GoldenFrameTests.shipStatusJSON(fixture.campaign, overrides: [:])),
      now: PlayerControllerTests.at(1))
    _ = fixture.press(.character("y"))
    #expect(fixture.controller.model.focus == .ship)
    let system = try #require(fixture.controller.model.view.ship?.systems.first)
    let write = try #require(GMConsoleFixture.writes(fixture.press(.character("s"))).first)
    #expect(write.endpoint == .shipStatus)
    #expect(write.body["system"] == .string(system.key))
    #expect(write.body["status"] != nil)
    #expect(fixture.controller.written(write, .success(["success": true])) == [.view(.fetch(.shipStatus))])
    _ = fixture.press(.enter)
    _ = fixture.type("forty")
    #expect(fixture.press(.enter).isEmpty)
    #expect(fixture.controller.model.status == .init("the condition must be a whole number", isError: true))
    _ = fixture.press(.enter)
    _ = fixture.type("140")
    #expect(GMConsoleFixture.writes(fixture.press(.enter)).first?.body["condition"] == 140)
    _ = fixture.press(.enter)
    _ = fixture.type("40")
    let condition = try #require(GMConsoleFixture.writes(fixture.press(.enter)).first)
    #expect(condition.body["condition"] == 40)
    #expect(condition.body["status"] == .string((system.status ?? .online).rawValue))
  }

  @Test func anOverrideChangeRefreshesTheShip() throws {
    var fixture = try GMConsoleFixture()
    let effects = try fixture.publish(
      .setShipSystem(system: "life_support", ShipSystemOverride(status: .damaged, condition: 40, info: "")))
    #expect(effects.contains(.view(.fetch(.shipStatus))))
  }

  @Test func mouseClickRevealsFogAndDragMovesAToken() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter(
      .toggleRoom(roomID: "bridge", visible: true), .placeToken(Token(type: .player, name: "Vex", x: 4, y: 2)))
    let layout = try #require(GMConsoleLayout(width: 120, height: 40))
    let view = fixture.controller.model.view
    let galley = try #require(layout.screenCell(of: .init(x: 3, y: 8), model: view))
    let effects = fixture.controller.mouse(.init(x: galley.x, y: galley.y, action: .press), width: 120, height: 40)
    #expect(
      GMConsoleFixture.writes(effects) == [
        GMWrite(.toggleRoom(roomID: "galley", visible: true), summary: "reveal galley")
      ])
    #expect(fixture.controller.model.cursor == .init(x: 3, y: 8))
    let bridge = try #require(layout.screenCell(of: .init(x: 3, y: 2), model: view))
    #expect(fixture.controller.mouse(.init(x: bridge.x, y: bridge.y, action: .press), width: 120, height: 40).isEmpty)
    #expect(fixture.controller.mouse(.init(x: bridge.x, y: bridge.y, action: .release), width: 120, height: 40).isEmpty)
    let vex = try #require(layout.screenCell(of: .init(x: 4, y: 2), model: view))
    #expect(fixture.controller.mouse(.init(x: vex.x, y: vex.y, action: .press), width: 120, height: 40).isEmpty)
    let id = try #require(fixture.controller.model.tokenUnderCursor?.id)
    let drop = try #require(layout.screenCell(of: .init(x: 14, y: 8), model: view))
    let moved = fixture.controller.mouse(.init(x: drop.x, y: drop.y, action: .release), width: 120, height: 40)
    #expect(
      GMConsoleFixture.writes(moved) == [
        GMWrite(
          .moveToken(id: id, x: 14, y: 8, roomID: "crew_berths"), summary: "move Vex to 14,8")
      ])
  }

  @Test func mouseClickOnTheLocationListSelectsTheRow() throws {
    var fixture = try GMConsoleFixture()
    let layout = try #require(GMConsoleLayout(width: 120, height: 40))
    let effects = fixture.controller.mouse(
      .init(x: layout.listRows.x + 2, y: layout.listRows.y + 3, action: .press), width: 120, height: 40)
    #expect(effects.isEmpty)
    #expect(fixture.controller.model.focus == .locations)
    #expect(fixture.controller.model.listSelection == 3)
  }

  @Test func screenAndGridCellsMapBothWays() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    let view = fixture.controller.model.view
    for (width, height) in [(120, 40), (160, 48)] {
      let layout = try #require(GMConsoleLayout(width: width, height: height))
      for point in [GMConsoleModel.GridPoint(x: 4, y: 2), .init(x: 14, y: 8), .init(x: 30, y: 9)] {
        let cell = try #require(layout.screenCell(of: point, model: view))
        let found = try #require(layout.gridCell(x: cell.x, y: cell.y, model: view))
        #expect(layout.screenCell(of: found, model: view).map { $0 == cell } == true)
        if width == 160 { #expect(found == point, "at 160x48 every grid cell has a screen cell of its own") }
      }
    }
  }

  @Test func consoleLocationListSkipsLocationsWithoutMapOrTerminal() throws {
    let json = try JSONParser.parse(
      """
      {"locations": [
       {"slug": "b", "name": "B", "path": "sys/b", "has_map": false, "terminals": [{"slug": "t1", "owner": "O"}]},
       {"slug": "a", "name": "A", "path": "sys/a", "has_map": true, "terminals": []},
       {"slug": "c", "name": "C", "path": "sys/c", "has_map": false, "terminals": []}]}
      """)
    let list = try ConsoleLocation.list(json: json)
    #expect(list.map(\.slug) == ["a", "b"])
    #expect(list[1].terminals == [.init(slug: "t1", owner: "O")])
    #expect(throws: JSONReadError.self) { try ConsoleLocation.list(json: ["count": 1]) }
  }
}
