import Foundation

/// A change requested of the shared screen: one of the GM's writes or the players' actions.
public enum Command: Sendable, Equatable {
  // GM writes
  case switchView(ViewType, locationSlug: String, viewSlug: String)
  case showTerminal(locationSlug: String, terminalSlug: String)
  case broadcast(content: String, sender: String, priority: MessagePriority)
  case setCharonMode(CharonMode)
  case setCharonLocation(String)
  case sendCharonMessage(String)
  case switchLevel(level: Int?, deckID: String?)
  case toggleRoom(roomID: String, visible: Bool?)
  case setRoomVisibility([String: Bool])
  case setDoorStatus(connectionID: String, status: DoorStatus)
  case placeToken(Token)
  case moveToken(id: String, x: Int, y: Int, roomID: String?)
  case removeToken(id: String)
  case updateTokenStatus(id: String, status: [String])
  case clearTokens
  case togglePortrait(npcID: String)
  case setShipSystem(system: String, ShipSystemOverride)
  // Player actions
  case hideTerminal
  case toggleCharonDialog(open: Bool?)
  case submitCharonQuery(String)

  /// Decodes the body of a request to `endpoint`; ``body`` is the inverse.
  ///
  /// - Throws: `CommandError.invalid` naming the field that is missing or wrong.
  public static func decode(_ endpoint: Endpoint, body: Data) throws(CommandError) -> Command {
    let body = try JSONObject.requestBody(body)
    do {
      return try decode(endpoint, body)
    } catch {
      throw CommandError(error)
    }
  }

  /// Reads the command of `endpoint` from its request body.
  private static func decode(_ endpoint: Endpoint, _ body: JSONObject) throws(JSONReadError) -> Command {
    switch endpoint {
    case .switchView:
      return .switchView(
        try body.choice("view_type", ViewType.self),
        locationSlug: try body.optionalString("location_slug") ?? "",
        viewSlug: try body.optionalString("view_slug") ?? "")
    case .showTerminal:
      return .showTerminal(
        locationSlug: try body.text("location_slug"), terminalSlug: try body.text("terminal_slug"))
    case .broadcast:
      return .broadcast(
        content: try body.text("content"),
        sender: try body.optionalString("sender").flatMap { $0.isEmpty ? nil : $0 } ?? "CHARON",
        priority: try body.optionalChoice("priority", MessagePriority.self) ?? .normal)
    case .charonMode:
      return .setCharonMode(try body.choice("mode", CharonMode.self))
    case .charonLocation:
      return .setCharonLocation(try body.optionalString("location_path") ?? "")
    case .charonSend:
      return .sendCharonMessage(try body.text("content"))
    case .switchLevel:
      let deckID = try body.optionalString("deck_id").flatMap { $0.isEmpty ? nil : $0 }
      let level = try body.optionalInt("level")
      guard level != nil || deckID != nil else { throw body.invalid("level", "level or deck_id is required") }
      return .switchLevel(level: level, deckID: deckID)
    case .toggleRoom:
      return .toggleRoom(roomID: try body.text("room_id"), visible: try body.optionalBool("visible"))
    case .roomVisibility:
      return .setRoomVisibility(try body.flags("room_visibility"))
    case .setDoorStatus:
      return .setDoorStatus(
        connectionID: try body.text("connection_id"), status: try body.choice("door_status", DoorStatus.self))
    case .placeToken:
      return .placeToken(
        Token(
          type: try body.choice("type", Token.Kind.self), name: try body.text("name"),
          x: try body.int("x"), y: try body.int("y"),
          imageURL: try body.optionalString("image_url") ?? "",
          roomID: try body.optionalString("room_id") ?? ""))
    case .moveToken:
      return .moveToken(
        id: try body.text("token_id"), x: try body.int("x"), y: try body.int("y"),
        roomID: try body.optionalString("room_id").flatMap { $0.isEmpty ? nil : $0 })
    case .removeToken:
      return .removeToken(id: try body.text("token_id"))
    case .updateTokenStatus:
      return .updateTokenStatus(id: try body.text("token_id"), status: try body.strings("status"))
    case .clearTokens:
      return .clearTokens
    case .togglePortrait:
      return .togglePortrait(npcID: try body.text("npc_id"))
    case .shipStatus:
      return .setShipSystem(
        system: try body.text("system"),
        ShipSystemOverride(
          status: try body.choice("status", ShipSystemStatus.self),
          condition: try body.optionalInt("condition"), info: try body.optionalString("info")))
    case .hideTerminal:
      return .hideTerminal
    case .toggleCharonDialog:
      return .toggleCharonDialog(open: try body.optionalBool("open"))
    case .submitCharonQuery:
      return .submitCharonQuery(try body.text("query"))
    }
  }
}

extension Command {
  /// The endpoint this command is sent to.
  public var endpoint: Endpoint {
    switch self {
    case .switchView: .switchView
    case .showTerminal: .showTerminal
    case .broadcast: .broadcast
    case .setCharonMode: .charonMode
    case .setCharonLocation: .charonLocation
    case .sendCharonMessage: .charonSend
    case .switchLevel: .switchLevel
    case .toggleRoom: .toggleRoom
    case .setRoomVisibility: .roomVisibility
    case .setDoorStatus: .setDoorStatus
    case .placeToken: .placeToken
    case .moveToken: .moveToken
    case .removeToken: .removeToken
    case .updateTokenStatus: .updateTokenStatus
    case .clearTokens: .clearTokens
    case .togglePortrait: .togglePortrait
    case .setShipSystem: .shipStatus
    case .hideTerminal: .hideTerminal
    case .toggleCharonDialog: .toggleCharonDialog
    case .submitCharonQuery: .submitCharonQuery
    }
  }

  /// The request body that ``decode(_:body:)`` reads back as this command: the keys of API.md, optional ones only
  /// when set.
  public var body: JSONValue {
    var body: [String: JSONValue] = [:]
    switch self {
    case .switchView(let viewType, let locationSlug, let viewSlug):
      body["view_type"] = .string(viewType.rawValue)
      if !locationSlug.isEmpty { body["location_slug"] = .string(locationSlug) }
      if !viewSlug.isEmpty { body["view_slug"] = .string(viewSlug) }
    case .showTerminal(let locationSlug, let terminalSlug):
      body = ["location_slug": .string(locationSlug), "terminal_slug": .string(terminalSlug)]
    case .broadcast(let content, let sender, let priority):
      body = ["content": .string(content), "sender": .string(sender), "priority": .string(priority.rawValue)]
    case .setCharonMode(let mode):
      body["mode"] = .string(mode.rawValue)
    case .setCharonLocation(let path):
      body["location_path"] = .string(path)
    case .sendCharonMessage(let content):
      body["content"] = .string(content)
    case .switchLevel(let level, let deckID):
      if let level { body["level"] = .int(level) }
      if let deckID { body["deck_id"] = .string(deckID) }
    case .toggleRoom(let roomID, let visible):
      body["room_id"] = .string(roomID)
      if let visible { body["visible"] = .bool(visible) }
    case .setRoomVisibility(let visibility):
      body["room_visibility"] = .object(visibility.mapValues(JSONValue.bool))
    case .setDoorStatus(let connectionID, let status):
      body = ["connection_id": .string(connectionID), "door_status": .string(status.rawValue)]
    case .placeToken(let token):
      body = [
        "type": .string(token.type.rawValue), "name": .string(token.name), "x": .int(token.x), "y": .int(token.y),
      ]
      if !token.imageURL.isEmpty { body["image_url"] = .string(token.imageURL) }
      if !token.roomID.isEmpty { body["room_id"] = .string(token.roomID) }
    case .moveToken(let id, let x, let y, let roomID):
      body = ["token_id": .string(id), "x": .int(x), "y": .int(y)]
      if let roomID { body["room_id"] = .string(roomID) }
    case .removeToken(let id):
      body["token_id"] = .string(id)
    case .updateTokenStatus(let id, let status):
      body = ["token_id": .string(id), "status": .array(status.map(JSONValue.string))]
    case .clearTokens, .hideTerminal:
      break
    case .togglePortrait(let npcID):
      body["npc_id"] = .string(npcID)
    case .setShipSystem(let system, let override):
      body = ["system": .string(system), "status": .string(override.status.rawValue)]
      if let condition = override.condition { body["condition"] = .int(condition) }
      if let info = override.info { body["info"] = .string(info) }
    case .toggleCharonDialog(let open):
      if let open { body["open"] = .bool(open) }
    case .submitCharonQuery(let query):
      body["query"] = .string(query)
    }
    return .object(body)
  }
}

/// The priority of a broadcast message.
public enum MessagePriority: String, Sendable, Codable, CaseIterable {
  case low = "LOW"
  case normal = "NORMAL"
  case high = "HIGH"
  case critical = "CRITICAL"
}
