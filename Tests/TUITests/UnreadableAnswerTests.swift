import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// A REST answer that does not read is never dropped without a word: the display and the GM console log it once
/// per kind of problem, with the resource, the key path and the reason.
struct UnreadableAnswerTests {
  static let badMessages: JSONValue = ["messages": [["id": 1], ["id": 2, "priority": "URGENT"]]]

  /// The log lines among `effects`.
  static func logLines(_ effects: [PlayerEffect]) -> [String] {
    effects.compactMap { effect in
      if case .log(let line) = effect { return line }
      return nil
    }
  }

  @Test func aMessageListThatDoesNotReadIsLoggedOncePerKind() {
    var controller = PlayerController(role: .player)
    let now = PlayerControllerTests.at(0)
    let first = Self.logLines(controller.fetched(.messages(since: 0), .success(Self.badMessages), now: now))
    #expect(
      first == [
        "cannot read the server's answer to /api/messages/: "
          + "messages.1.priority: 'URGENT' is not one of LOW, NORMAL, HIGH, CRITICAL"
      ])
    let again = controller.fetched(.messages(since: 5), .success(Self.badMessages), now: now)
    #expect(Self.logLines(again).isEmpty, "the same kind of problem is logged once")
    let other = controller.fetched(.messages(since: 0), .success(["messages": [["id": "x"]]]), now: now)
    #expect(
      Self.logLines(other) == ["cannot read the server's answer to /api/messages/: messages.0.id: expected an integer"])
    #expect(controller.model.messages.isEmpty, "nothing of an unreadable list is shown")
  }

  @Test func unreadableTerminalConversationAndShipAreLogged() {
    var controller = PlayerController(role: .player)
    let now = PlayerControllerTests.at(0)
    let ship = Self.logLines(controller.fetched(.shipStatus, .success(["ship": "Kestrel"]), now: now))
    #expect(ship.count == 1)
    #expect(ship.first?.hasPrefix("cannot read the server's answer to /api/ship-status/: ") == true, "\(ship)")
    #expect(controller.model.ship == nil)
    let map = Self.logLines(controller.fetched(.starMap, .success(["star_map": [1]]), now: now))
    #expect(map.count == 1, "\(map)")
    #expect(controller.model.starMapMissing)
  }

  @Test func theConsoleLogsAnUnreadableConversationAndListOfLocations() throws {
    var fixture = try GMConsoleFixture()
    let charon = fixture.controller.loaded(.charon, .success(["messages": [["pending_approval": "no"]]]))
    #expect(
      charon == [
        .view(
          .log(
            "cannot read the server's answer to /api/charon/conversation/: "
              + "messages.0.pending_approval: expected true or false"))
      ])
    #expect(fixture.controller.loaded(.charon, .success(["messages": [["pending_approval": 1]]])).isEmpty)
    let locations = fixture.controller.loaded(.locations, .success(["count": 1]))
    #expect(
      locations == [.view(.log("cannot read the server's answer to /api/locations/: locations: expected an array"))])
    #expect(fixture.controller.model.status?.isError == true)
    #expect(fixture.controller.model.status?.text.contains("locations: expected an array") == true)
  }
}
