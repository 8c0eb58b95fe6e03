import Foundation
import Testing

@testable import BulkheadCore

/// One contract for the writes: each `Command` encodes to the request body its endpoint decodes back into it.
struct CommandEncodingTests {
  /// A command of every kind, the optional fields both set and left out.
  static let commands: [Command] = [
    .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""),
    .switchView(.bridge, locationSlug: "", viewSlug: "nav"),
    .showTerminal(locationSlug: "kestrel_dawn", terminalSlug: "bridge_terminal"),
    .broadcast(content: "Hull breach on deck 2", sender: "CHARON", priority: .critical),
    .setCharonMode(.query),
    .setCharonLocation("sol/earth/kestrel_dawn"),
    .setCharonLocation(""),
    .sendCharonMessage("Systems nominal."),
    .switchLevel(level: 2, deckID: "deck_2"),
    .switchLevel(level: 1, deckID: nil),
    .switchLevel(level: nil, deckID: "deck_1"),
    .toggleRoom(roomID: "bridge", visible: true),
    .toggleRoom(roomID: "bridge", visible: nil),
    .setRoomVisibility(["bridge": true, "galley": false]),
    .setDoorStatus(connectionID: "d1_bridge_galley", status: .locked),
    .placeToken(Token(type: .player, name: "Vasquez", x: 3, y: 2, roomID: "bridge")),
    .placeToken(Token(type: .object, name: "Crate", x: 0, y: 0, imageURL: "/data/crate.png")),
    .moveToken(id: "t1", x: 4, y: 5, roomID: "galley"),
    .moveToken(id: "t1", x: 4, y: 5, roomID: nil),
    .removeToken(id: "t1"),
    .updateTokenStatus(id: "t1", status: ["wounded", "panicked"]),
    .updateTokenStatus(id: "t1", status: []),
    .clearTokens,
    .togglePortrait(npcID: "lucia_vance"),
    .setShipSystem(system: "life_support", ShipSystemOverride(status: .damaged, condition: 40, info: "O2 low")),
    .setShipSystem(system: "engines", ShipSystemOverride(status: .online)),
    .hideTerminal,
    .toggleCharonDialog(open: true),
    .toggleCharonDialog(open: nil),
    .submitCharonQuery("Where is the crew?"),
  ]

  @Test("every endpoint has a command in the round trip")
  func everyEndpointCovered() {
    #expect(Set(Self.commands.map(\.endpoint)) == Set(Endpoint.allCases))
  }

  @Test("a command encodes to a body that decodes back into it", arguments: commands)
  func roundTrip(_ command: Command) throws {
    let bytes = JSONWriter.encode(command.body)
    #expect(try Command.decode(command.endpoint, body: Data(bytes)) == command)
    #expect(command.body.objectValue != nil, "a body is an object")
  }

  @Test("a decoded body encodes to the same keys and values, for the bodies the original tool's GM sent")
  func originalBodies() throws {
    let bodies: [(Endpoint, String)] = [
      (.switchView, #"{"view_type": "ENCOUNTER", "location_slug": "uscss_morrigan"}"#),
      (.toggleRoom, #"{"room_id": "bridge", "visible": true}"#),
      (.placeToken, #"{"type": "player", "name": "Vasquez", "x": 3, "y": 2, "room_id": "bridge"}"#),
      (.setDoorStatus, #"{"connection_id": "conn_bridge_crew", "door_status": "LOCKED"}"#),
      (.togglePortrait, #"{"npc_id": "lucia_vance"}"#),
      (.switchLevel, #"{"level": 2, "deck_id": "deck_2"}"#),
      (.showTerminal, #"{"location_slug": "uscss_morrigan", "terminal_slug": "bridge_terminal"}"#),
      (.charonMode, #"{"mode": "QUERY"}"#),
      (.toggleCharonDialog, #"{"open": true}"#),
      (.charonSend, #"{"content": "Systems nominal."}"#),
      (.shipStatus, #"{"system": "life_support", "status": "DAMAGED", "condition": 40}"#),
      (.broadcast, #"{"content": "Hull breach on deck 2", "sender": "CHARON", "priority": "CRITICAL"}"#),
    ]
    for (endpoint, text) in bodies {
      let command = try Command.decode(endpoint, body: Data(text.utf8))
      #expect(command.endpoint == endpoint)
      #expect(command.body == (try JSONParser.parse(text)), "\(endpoint)")
    }
  }
}

extension Command: CustomTestStringConvertible {
  public var testDescription: String {
    "\(endpoint.rawValue) \(String(decoding: JSONWriter.encode(body), as: UTF8.self))"
  }
}
