import Foundation
import Testing

@testable import BulkheadCore

/// Decoding request bodies into commands (`Command.decode(_:body:)`).
struct CommandDecodingTests {
  struct ValidCase: Sendable, CustomTestStringConvertible {
    let endpoint: Endpoint
    let body: String
    let expected: Command
    var testDescription: String { "\(endpoint.rawValue) \(body)" }
  }

  /// One valid body per endpoint, with the command it must give.
  static let validCases: [ValidCase] = [
    ValidCase(
      endpoint: .switchView,
      body: #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn","view_slug":"v1"}"#,
      expected: .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: "v1")),
    ValidCase(
      endpoint: .showTerminal,
      body: #"{"location_slug":"calyx-relay","terminal_slug":"keeper_terminal"}"#,
      expected: .showTerminal(locationSlug: "calyx-relay", terminalSlug: "keeper_terminal")),
    ValidCase(
      endpoint: .broadcast,
      body: #"{"content":"Hull breach on deck 2","sender":"BRIDGE","priority":"CRITICAL"}"#,
      expected: .broadcast(
        content: "Hull breach on deck 2", sender: "BRIDGE", priority: .critical)),
    ValidCase(
      endpoint: .charonMode, body: #"{"mode":"QUERY"}"#, expected: .setCharonMode(.query)),
    ValidCase(
      endpoint: .charonLocation, body: #"{"location_path":"haldens-reach/kestrel_dawn"}"#,
      expected: .setCharonLocation("haldens-reach/kestrel_dawn")),
    ValidCase(
      endpoint: .charonSend, body: #"{"content":"I am listening."}"#,
      expected: .sendCharonMessage("I am listening.")),
    ValidCase(
      endpoint: .switchLevel, body: #"{"level":2,"deck_id":"deck_2"}"#,
      expected: .switchLevel(level: 2, deckID: "deck_2")),
    ValidCase(
      endpoint: .toggleRoom, body: #"{"room_id":"bridge","visible":true}"#,
      expected: .toggleRoom(roomID: "bridge", visible: true)),
    ValidCase(
      endpoint: .roomVisibility, body: #"{"room_visibility":{"bridge":true,"galley":false}}"#,
      expected: .setRoomVisibility(["bridge": true, "galley": false])),
    ValidCase(
      endpoint: .setDoorStatus,
      body: #"{"connection_id":"d1_bridge_comms","door_status":"LOCKED"}"#,
      expected: .setDoorStatus(connectionID: "d1_bridge_comms", status: .locked)),
    ValidCase(
      endpoint: .placeToken,
      body: #"{"type":"npc","name":"Greer","x":3,"y":2,"image_url":"/g.png","room_id":"bridge"}"#,
      expected: .placeToken(
        Token(type: .npc, name: "Greer", x: 3, y: 2, imageURL: "/g.png", roomID: "bridge"))),
    ValidCase(
      endpoint: .moveToken, body: #"{"token_id":"00000001","x":4,"y":5}"#,
      expected: .moveToken(id: "00000001", x: 4, y: 5, roomID: nil)),
    ValidCase(
      endpoint: .removeToken, body: #"{"token_id":"00000001"}"#,
      expected: .removeToken(id: "00000001")),
    ValidCase(
      endpoint: .updateTokenStatus, body: #"{"token_id":"00000001","status":["wounded","dead"]}"#,
      expected: .updateTokenStatus(id: "00000001", status: ["wounded", "dead"])),
    ValidCase(endpoint: .clearTokens, body: "{}", expected: .clearTokens),
    ValidCase(
      endpoint: .togglePortrait, body: #"{"npc_id":"imre_sallow"}"#,
      expected: .togglePortrait(npcID: "imre_sallow")),
    ValidCase(
      endpoint: .shipStatus,
      body: #"{"system":"engines","status":"DAMAGED","condition":40,"info":"Coolant loss"}"#,
      expected: .setShipSystem(
        system: "engines",
        ShipSystemOverride(status: .damaged, condition: 40, info: "Coolant loss"))),
    ValidCase(endpoint: .hideTerminal, body: "{}", expected: .hideTerminal),
    ValidCase(
      endpoint: .toggleCharonDialog, body: #"{"open":true}"#,
      expected: .toggleCharonDialog(open: true)),
    ValidCase(
      endpoint: .submitCharonQuery, body: #"{"query":"Where is Greer?"}"#,
      expected: .submitCharonQuery("Where is Greer?")),
  ]

  static func decode(_ endpoint: Endpoint, _ body: String) throws(CommandError) -> Command {
    try Command.decode(endpoint, body: Data(body.utf8))
  }

  @Test func everyEndpointHasAValidCase() {
    #expect(Endpoint.allCases.count == 20)
    #expect(Set(Self.validCases.map(\.endpoint)) == Set(Endpoint.allCases))
  }

  @Test(arguments: validCases)
  func validBodyDecodes(_ testCase: ValidCase) throws {
    #expect(try Self.decode(testCase.endpoint, testCase.body) == testCase.expected)
  }

  @Test func optionalFieldsTakeTheirDefaults() throws {
    #expect(
      try Self.decode(.switchView, #"{"view_type":"STANDBY"}"#)
        == .switchView(.standby, locationSlug: "", viewSlug: ""))
    #expect(
      try Self.decode(.broadcast, #"{"content":"Hello"}"#)
        == .broadcast(content: "Hello", sender: "CHARON", priority: .normal))
    #expect(
      try Self.decode(.broadcast, #"{"content":"Hello","sender":""}"#)
        == .broadcast(content: "Hello", sender: "CHARON", priority: .normal))
    #expect(
      try Self.decode(.toggleRoom, #"{"room_id":"bridge"}"#)
        == .toggleRoom(roomID: "bridge", visible: nil))
    #expect(try Self.decode(.toggleCharonDialog, "{}") == .toggleCharonDialog(open: nil))
    #expect(try Self.decode(.charonLocation, "{}") == .setCharonLocation(""))
    #expect(
      try Self.decode(.placeToken, #"{"type":"player","name":"Ash","x":0,"y":0}"#)
        == .placeToken(Token(type: .player, name: "Ash", x: 0, y: 0)))
    #expect(
      try Self.decode(.shipStatus, #"{"system":"comms","status":"ONLINE"}"#)
        == .setShipSystem(system: "comms", ShipSystemOverride(status: .online)))
    #expect(
      try Self.decode(.switchLevel, #"{"deck_id":"deck_2"}"#)
        == .switchLevel(level: nil, deckID: "deck_2"))
    #expect(try Self.decode(.switchLevel, #"{"level":1}"#) == .switchLevel(level: 1, deckID: nil))
    #expect(
      try Self.decode(.moveToken, #"{"token_id":"00000001","x":1,"y":1,"room_id":""}"#)
        == .moveToken(id: "00000001", x: 1, y: 1, roomID: nil))
  }

  @Test func emptyBodyReadsAsAnEmptyObject() throws {
    #expect(try Command.decode(.clearTokens, body: Data()) == .clearTokens)
    #expect(try Command.decode(.hideTerminal, body: Data(" \n".utf8)) == .hideTerminal)
  }

  @Test func textFieldsAreTrimmed() throws {
    #expect(
      try Self.decode(.charonSend, #"{"content":"  hello \n"}"#) == .sendCharonMessage("hello"))
  }

  struct InvalidCase: Sendable, CustomTestStringConvertible {
    let endpoint: Endpoint
    let body: String
    /// The field the message must name.
    let field: String
    var testDescription: String { "\(endpoint.rawValue) \(body)" }
  }

  /// Each required field left out.
  static let missingFields: [InvalidCase] = [
    InvalidCase(endpoint: .switchView, body: "{}", field: "view_type"),
    InvalidCase(
      endpoint: .showTerminal, body: #"{"location_slug":"calyx-relay"}"#, field: "terminal_slug"),
    InvalidCase(
      endpoint: .showTerminal, body: #"{"terminal_slug":"keeper"}"#, field: "location_slug"),
    InvalidCase(endpoint: .broadcast, body: #"{"sender":"CHARON"}"#, field: "content"),
    InvalidCase(endpoint: .charonMode, body: "{}", field: "mode"),
    InvalidCase(endpoint: .charonSend, body: "{}", field: "content"),
    InvalidCase(endpoint: .switchLevel, body: "{}", field: "level"),
    InvalidCase(endpoint: .switchLevel, body: #"{"deck_id":""}"#, field: "deck_id"),
    InvalidCase(endpoint: .toggleRoom, body: #"{"visible":true}"#, field: "room_id"),
    InvalidCase(endpoint: .roomVisibility, body: "{}", field: "room_visibility"),
    InvalidCase(endpoint: .setDoorStatus, body: #"{"connection_id":"d1"}"#, field: "door_status"),
    InvalidCase(endpoint: .setDoorStatus, body: #"{"door_status":"OPEN"}"#, field: "connection_id"),
    InvalidCase(endpoint: .placeToken, body: #"{"name":"Ash","x":1,"y":1}"#, field: "type"),
    InvalidCase(endpoint: .placeToken, body: #"{"type":"npc","x":1,"y":1}"#, field: "name"),
    InvalidCase(endpoint: .placeToken, body: #"{"type":"npc","name":"Ash","y":1}"#, field: "x"),
    InvalidCase(endpoint: .placeToken, body: #"{"type":"npc","name":"Ash","x":1}"#, field: "y"),
    InvalidCase(endpoint: .moveToken, body: #"{"x":1,"y":1}"#, field: "token_id"),
    InvalidCase(endpoint: .moveToken, body: #"{"token_id":"00000001","x":1}"#, field: "y"),
    InvalidCase(endpoint: .removeToken, body: "{}", field: "token_id"),
    InvalidCase(endpoint: .updateTokenStatus, body: #"{"token_id":"00000001"}"#, field: "status"),
    InvalidCase(endpoint: .updateTokenStatus, body: #"{"status":[]}"#, field: "token_id"),
    InvalidCase(endpoint: .togglePortrait, body: "{}", field: "npc_id"),
    InvalidCase(endpoint: .shipStatus, body: #"{"status":"ONLINE"}"#, field: "system"),
    InvalidCase(endpoint: .shipStatus, body: #"{"system":"engines"}"#, field: "status"),
    InvalidCase(endpoint: .submitCharonQuery, body: "{}", field: "query"),
    InvalidCase(endpoint: .submitCharonQuery, body: #"{"query":"   "}"#, field: "query"),
    InvalidCase(endpoint: .charonSend, body: #"{"content":null}"#, field: "content"),
  ]

  /// Fields of the wrong JSON type.
  static let wrongTypes: [InvalidCase] = [
    InvalidCase(
      endpoint: .placeToken, body: #"{"type":"npc","name":"Ash","x":"3","y":1}"#, field: "x"),
    InvalidCase(
      endpoint: .placeToken, body: #"{"type":"npc","name":"Ash","x":1,"y":1.5}"#, field: "y"),
    InvalidCase(
      endpoint: .placeToken, body: #"{"type":"npc","name":7,"x":1,"y":1}"#, field: "name"),
    InvalidCase(endpoint: .moveToken, body: #"{"token_id":"00000001","x":true,"y":1}"#, field: "x"),
    InvalidCase(
      endpoint: .switchView, body: #"{"view_type":"BRIDGE","location_slug":5}"#,
      field: "location_slug"),
    InvalidCase(endpoint: .switchLevel, body: #"{"level":"2"}"#, field: "level"),
    InvalidCase(
      endpoint: .toggleRoom, body: #"{"room_id":"bridge","visible":"yes"}"#, field: "visible"),
    InvalidCase(
      endpoint: .toggleRoom, body: #"{"room_id":"bridge","visible":1}"#, field: "visible"),
    InvalidCase(
      endpoint: .roomVisibility, body: #"{"room_visibility":["bridge"]}"#,
      field: "room_visibility"),
    InvalidCase(
      endpoint: .roomVisibility, body: #"{"room_visibility":{"bridge":"yes"}}"#,
      field: "room_visibility.bridge"),
    InvalidCase(
      endpoint: .updateTokenStatus, body: #"{"token_id":"00000001","status":"dead"}"#,
      field: "status"),
    InvalidCase(
      endpoint: .updateTokenStatus, body: #"{"token_id":"00000001","status":[1]}"#,
      field: "status"),
    InvalidCase(
      endpoint: .shipStatus, body: #"{"system":"engines","status":"ONLINE","condition":"50"}"#,
      field: "condition"),
    InvalidCase(
      endpoint: .shipStatus, body: #"{"system":"engines","status":"ONLINE","info":3}"#,
      field: "info"),
    InvalidCase(endpoint: .toggleCharonDialog, body: #"{"open":"true"}"#, field: "open"),
    InvalidCase(endpoint: .submitCharonQuery, body: #"{"query":["why"]}"#, field: "query"),
    InvalidCase(
      endpoint: .setDoorStatus, body: #"{"connection_id":{},"door_status":"OPEN"}"#,
      field: "connection_id"),
  ]

  /// Strings that are not among an enumeration's values.
  static let invalidChoices: [InvalidCase] = [
    InvalidCase(endpoint: .switchView, body: #"{"view_type":"COMBAT"}"#, field: "view_type"),
    InvalidCase(endpoint: .switchView, body: #"{"view_type":"encounter"}"#, field: "view_type"),
    InvalidCase(
      endpoint: .setDoorStatus, body: #"{"connection_id":"d1","door_status":"AJAR"}"#,
      field: "door_status"),
    InvalidCase(endpoint: .charonMode, body: #"{"mode":"LOUD"}"#, field: "mode"),
    InvalidCase(
      endpoint: .broadcast, body: #"{"content":"x","priority":"URGENT"}"#, field: "priority"),
    InvalidCase(
      endpoint: .placeToken, body: #"{"type":"robot","name":"R","x":1,"y":1}"#, field: "type"),
    InvalidCase(
      endpoint: .shipStatus, body: #"{"system":"engines","status":"BROKEN"}"#, field: "status"),
  ]

  @Test(arguments: missingFields)
  func missingFieldIsInvalid(_ testCase: InvalidCase) {
    let error = #expect(throws: CommandError.self) {
      try Self.decode(testCase.endpoint, testCase.body)
    }
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains(testCase.field) == true, "\(error?.message ?? "")")
  }

  @Test(arguments: wrongTypes)
  func wrongTypeIsInvalid(_ testCase: InvalidCase) {
    let error = #expect(throws: CommandError.self) {
      try Self.decode(testCase.endpoint, testCase.body)
    }
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains(testCase.field) == true, "\(error?.message ?? "")")
  }

  @Test(arguments: invalidChoices)
  func invalidChoiceIsInvalidAndListsTheChoices(_ testCase: InvalidCase) {
    let error = #expect(throws: CommandError.self) {
      try Self.decode(testCase.endpoint, testCase.body)
    }
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains(testCase.field) == true, "\(error?.message ?? "")")
    #expect(error?.message.contains("is not one of") == true, "\(error?.message ?? "")")
  }

  @Test func invalidChoiceMessageListsEveryValue() {
    let error = #expect(throws: CommandError.self) {
      try Self.decode(.setDoorStatus, #"{"connection_id":"d1","door_status":"AJAR"}"#)
    }
    for status in DoorStatus.allCases {
      #expect(error?.message.contains(status.rawValue) == true)
    }
  }

  @Test(arguments: Endpoint.allCases)
  func invalidJSONIsInvalid(_ endpoint: Endpoint) {
    let error = #expect(throws: CommandError.self) {
      try Self.decode(endpoint, #"{"view_type": "#)
    }
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("JSON") == true)
  }

  @Test(arguments: Endpoint.allCases)
  func arrayBodyIsInvalid(_ endpoint: Endpoint) {
    let error = #expect(throws: CommandError.self) {
      try Self.decode(endpoint, #"[{"content":"x"}]"#)
    }
    #expect(error?.kind == .invalid)
    #expect(error?.message.contains("object") == true)
  }

  @Test func scalarBodyIsInvalid() {
    let error = #expect(throws: CommandError.self) { try Self.decode(.clearTokens, "42") }
    #expect(error?.kind == .invalid)
  }

  @Test func playerActionsAreTheThreePublicEndpoints() {
    let playerActions = Endpoint.allCases.filter(\.isPlayerAction)
    #expect(Set(playerActions) == [.hideTerminal, .toggleCharonDialog, .submitCharonQuery])
    #expect(Endpoint(rawValue: "/api/gm/encounter/place-token/") == .placeToken)
  }
}
