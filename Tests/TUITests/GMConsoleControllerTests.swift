import BulkheadCore
import SSEClient
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The GM console's pure controller on the deck map: the cursor, and the one write each key sends — whose effect
/// shows only when the server's event arrives.
struct GMConsoleControllerTests {
  typealias Point = GMConsoleModel.GridPoint

  @Test func startReadsTheViewAndTheLocations() {
    var controller = GMConsoleController()
    let effects = controller.start(hour: 9, minute: 5, now: PlayerControllerTests.start, loggedIn: true)
    #expect(
      effects == [.view(.fetch(.messages(since: 0))), .view(.fetch(.shipStatus)), .load(.locations)])
    #expect(controller.model.view.clock == "09:05")
    #expect(controller.model.view.role == .gm)
    #expect(controller.model.prompt == nil)
    #expect(controller.model.loggedIn)
  }

  @Test func startWithoutATokenAsksForTheUser() {
    var controller = GMConsoleController()
    _ = controller.start(hour: 9, minute: 5, now: PlayerControllerTests.start, loggedIn: false)
    #expect(controller.model.prompt == ConsolePrompt(.loginUser))
    #expect(controller.model.status?.isError == true)
  }

  @Test func cursorStartsOnTheFirstRoomAndMovesWithinTheDeck() throws {
    var fixture = try GMConsoleFixture()
    #expect(fixture.controller.model.cursor == nil)
    try fixture.openEncounter()
    #expect(fixture.controller.model.cursor == Point(x: 4, y: 2))
    #expect(fixture.controller.model.roomUnderCursor?.id == "bridge")
    _ = fixture.press(.right, .character("l"), .down, .character("j"), .character("j"))
    #expect(fixture.controller.model.cursor == Point(x: 6, y: 5))
    _ = fixture.press(.up, .character("k"), .left, .character("h"))
    #expect(fixture.controller.model.cursor == Point(x: 4, y: 3))
    for _ in 0..<40 { _ = fixture.press(.left, .up) }
    #expect(fixture.controller.model.cursor == Point(x: 0, y: 0))
    for _ in 0..<40 { _ = fixture.press(.right, .down) }
    #expect(fixture.controller.model.cursor == Point(x: 33, y: 18))
  }

  @Test func revealWaitsForTheServersEvent() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    let effects = fixture.press(.character("r"))
    #expect(
      GMConsoleFixture.writes(effects) == [
        GMWrite(.toggleRoom(roomID: "bridge", visible: true), summary: "reveal bridge")
      ])
    #expect(fixture.controller.model.view.payload?.encounterRoomVisibility["bridge"] == false)
    #expect(fixture.controller.model.status?.text == "sending: reveal bridge...")
    _ = fixture.controller.written(GMConsoleFixture.writes(effects)[0], .success(["success": true]))
    #expect(fixture.controller.model.status == .init("done: reveal bridge"))
    try fixture.publish(.toggleRoom(roomID: "bridge", visible: true))
    #expect(fixture.controller.model.view.payload?.encounterRoomVisibility["bridge"] == true)
    #expect(GMConsoleFixture.writes(fixture.press(.character("r"))).first?.body["visible"] == false)
  }

  @Test func revealDeckSendsOneRequestForEveryRoom() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    let writes = GMConsoleFixture.writes(fixture.press(.character("R")))
    #expect(writes.count == 1)
    #expect(writes.first?.endpoint == .roomVisibility)
    let visibility = writes.first?.body["room_visibility"]?.objectValue ?? [:]
    for room in ["bridge", "comms_array", "medbay", "galley", "crew_berths", "eva_prep", "spine_access"] {
      #expect(visibility[room] == true)
    }
  }

  @Test func doorNearestTheCursorCycles() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    #expect(fixture.controller.model.doorNearCursor?.connection.id == "d1_bridge_galley")
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("d"))) == [
        GMWrite(
          .setDoorStatus(connectionID: "d1_bridge_galley", status: .closed),
          summary: "door d1_bridge_galley CLOSED")
      ])
    _ = fixture.press(.right, .right, .right)
    #expect(fixture.controller.model.doorNearCursor?.connection.id == "d1_bridge_comms")
    try fixture.publish(.setDoorStatus(connectionID: "d1_bridge_comms", status: .damaged))
    #expect(fixture.controller.model.doorNearCursor?.status == .damaged)
    #expect(GMConsoleFixture.writes(fixture.press(.character("d"))).first?.body["door_status"] == "OPEN")
  }

  @Test func placeTokenAsksTypeAndName() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    #expect(fixture.press(.character("t")).isEmpty)
    #expect(fixture.controller.model.prompt?.isChoice == true)
    #expect(fixture.press(.character("z")).isEmpty)
    _ = fixture.press(.character("n"))
    #expect(fixture.controller.model.prompt == ConsolePrompt(.tokenName(.npc, at: Point(x: 4, y: 2))))
    #expect(fixture.type(" Imre Sallow ").isEmpty)
    _ = fixture.press(.backspace)
    let writes = GMConsoleFixture.writes(fixture.press(.enter))
    #expect(
      writes == [
        GMWrite(
          .placeToken(Token(type: .npc, name: "Imre Sallow", x: 4, y: 2, roomID: "bridge")),
          summary: "place npc Imre Sallow")
      ])
    #expect(fixture.controller.model.prompt == nil)
    #expect(fixture.controller.model.view.payload?.encounterTokens.isEmpty == true)
  }

  @Test func escapeCancelsAPrompt() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    _ = fixture.press(.character("t"), .character("p"))
    _ = fixture.type("Vex")
    #expect(fixture.press(.escape).isEmpty)
    #expect(fixture.controller.model.prompt == nil)
    #expect(fixture.press(.enter).isEmpty)
  }

  @Test func carriedTokenMovesWithOneRequestOnDrop() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter(.placeToken(Token(type: .player, name: "Vex", x: 4, y: 2, roomID: "bridge")))
    let id = try #require(fixture.controller.model.tokenUnderCursor?.id)
    #expect(fixture.press(.character("m")).isEmpty)
    #expect(fixture.controller.model.carried?.id == id)
    #expect(fixture.press(.right, .right, .down, .down, .down, .down, .down).isEmpty)
    #expect(fixture.controller.model.carried?.at == Point(x: 6, y: 7))
    let writes = GMConsoleFixture.writes(fixture.press(.enter))
    #expect(
      writes == [
        GMWrite(
          .moveToken(id: id, x: 6, y: 7, roomID: "galley"), summary: "move Vex to 6,7")
      ])
    #expect(fixture.controller.model.carried == nil)
    #expect(fixture.controller.model.view.payload?.encounterTokens[id]?.x == 4)
  }

  @Test func escapeCancelsAMoveWithoutARequest() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter(.placeToken(Token(type: .player, name: "Vex", x: 4, y: 2)))
    #expect(fixture.press(.character("m"), .right, .right, .escape).isEmpty)
    #expect(fixture.controller.model.carried == nil)
    #expect(fixture.controller.model.cursor == Point(x: 4, y: 2))
    #expect(fixture.controller.model.status?.text == "move cancelled")
  }

  @Test func pickingUpNothingSaysSo() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    #expect(fixture.press(.character("m"), .character("s"), .character("x")).isEmpty)
    #expect(fixture.controller.model.carried == nil)
    #expect(fixture.controller.model.status == .init("no token under the cursor", isError: true))
  }

  @Test(arguments: [
    ([String](), ["wounded"]), (["wounded"], ["dead"]), (["dead"], ["panicked"]), (["panicked"], []),
    (["stressed", "Wounded"], ["stressed", "dead"]),
  ])
  func statusCycles(_ before: [String], _ after: [String]) throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter(.placeToken(Token(type: .creature, name: "Stowaway", x: 4, y: 2, status: before)))
    let write = try #require(GMConsoleFixture.writes(fixture.press(.character("s"))).first)
    #expect(write.endpoint == .updateTokenStatus)
    #expect(write.body["status"] == .array(after.map(JSONValue.string)))
  }

  @Test func removeAndClearTokens() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter(.placeToken(Token(type: .object, name: "Crate", x: 4, y: 2)))
    let id = try #require(fixture.controller.model.tokenUnderCursor?.id)
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("x"))) == [
        GMWrite(.removeToken(id: id), summary: "remove Crate")
      ])
    #expect(fixture.press(.character("X")).isEmpty)
    #expect(fixture.controller.model.confirmation == .clearTokens(count: 1))
    #expect(fixture.press(.character("n")).isEmpty)
    #expect(fixture.controller.model.confirmation == nil)
    _ = fixture.press(.character("X"))
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("y"))) == [
        GMWrite(.clearTokens, summary: "clear every token")
      ])
  }

  @Test func deckKeysSwitchLevelsWithinTheMap() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    #expect(fixture.press(.character("[")).isEmpty)
    #expect(fixture.controller.model.status == .init("there is no deck 0", isError: true))
    #expect(
      GMConsoleFixture.writes(fixture.press(.character("]"))) == [
        GMWrite(.switchLevel(level: 2, deckID: nil), summary: "show deck 2")
      ])
    _ = fixture.press(.right)
    try fixture.publish(.switchLevel(level: 2, deckID: nil))
    let deck = try #require(fixture.controller.model.deck)
    #expect(fixture.controller.model.cursor == DeckGeometry.startCell(of: deck))
    #expect(fixture.controller.model.roomUnderCursor?.id == deck.rooms.first?.id)
  }

  @Test func mapKeysWithoutAnEncounterSaySo() throws {
    var fixture = try GMConsoleFixture()
    #expect(fixture.press(.character("r"), .character("R"), .character("d"), .character("t")).isEmpty)
    #expect(fixture.controller.model.status?.isError == true)
    #expect(fixture.controller.model.prompt == nil)
  }

  @Test func refusedWriteShowsTheServersMessageAndChangesNothing() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    let before = fixture.controller.model.view
    let write = try #require(GMConsoleFixture.writes(fixture.press(.character("r"))).first)
    let effects = fixture.controller.written(write, .failure(.refused(status: 400, message: "Unknown room: bridge")))
    #expect(effects.isEmpty)
    #expect(fixture.controller.model.status == .init("refused (400): Unknown room: bridge", isError: true))
    #expect(fixture.controller.model.view == before)
    _ = fixture.controller.written(write, .failure(.unreachable("cannot reach http://127.0.0.1:1")))
    #expect(fixture.controller.model.status == .init("not sent: cannot reach http://127.0.0.1:1", isError: true))
  }

  @Test func unauthorisedWriteLogsInAndIsSentAgain() throws {
    var fixture = try GMConsoleFixture()
    try fixture.openEncounter()
    let write = try #require(GMConsoleFixture.writes(fixture.press(.character("r"))).first)
    #expect(fixture.controller.written(write, .failure(.refused(status: 401, message: "invalid token"))).isEmpty)
    #expect(fixture.controller.model.prompt == ConsolePrompt(.loginUser))
    #expect(!fixture.controller.model.loggedIn)
    _ = fixture.type("gm")
    #expect(fixture.press(.enter).isEmpty)
    #expect(fixture.controller.model.prompt == ConsolePrompt(.loginPassword(user: "gm")))
    #expect(fixture.controller.model.prompt?.isSecret == true)
    _ = fixture.type("s3cret pass")
    #expect(fixture.press(.enter) == [.logIn(user: "gm", password: "s3cret pass")])
    let failed = fixture.controller.loggedIn(user: "gm", .failure(.refused(status: 401, message: "bad password")))
    #expect(failed.isEmpty)
    #expect(fixture.controller.model.status == .init("login refused: 401: bad password", isError: true))
    _ = fixture.type("gm")
    _ = fixture.press(.enter)
    _ = fixture.type("right")
    #expect(fixture.press(.enter) == [.logIn(user: "gm", password: "right")])
    #expect(fixture.controller.loggedIn(user: "gm", .success(())) == [.write(write)])
    #expect(fixture.controller.model.loggedIn)
  }

  @Test func quitAsksFirstAndRepaintIsImmediate() throws {
    var fixture = try GMConsoleFixture()
    #expect(fixture.press(.repaint) == [.repaint])
    #expect(fixture.press(.character("q")).isEmpty)
    #expect(fixture.controller.model.confirmation == .quit)
    #expect(fixture.press(.escape).isEmpty)
    #expect(fixture.controller.model.confirmation == nil)
    #expect(fixture.press(.character("q"), .character("y")) == [.quit])
  }

  @Test func helpShowsUntilAnyKey() throws {
    var fixture = try GMConsoleFixture()
    _ = fixture.press(.character("?"))
    #expect(fixture.controller.model.helpShown)
    #expect(fixture.press(.character("q")).isEmpty)
    #expect(!fixture.controller.model.helpShown)
    #expect(fixture.controller.model.confirmation == nil)
  }

  @Test func helpListsEveryKeyOfTheIssue() {
    let listed = GMConsoleKeys.all.map(\.keys).joined(separator: " ")
    for key in [
      "h", "j", "k", "l", "[", "]", "r", "R", "d", "t", "m", "s", "x", "X", "p", "v", "o", "O", "b", "c", "y", "q",
    ] {
      #expect(listed.split(separator: " ").contains(Substring(key)), "\(key) is not in the help")
    }
    #expect(listed.contains("Ctrl-L"))
    #expect(listed.contains("mouse"))
  }
}
