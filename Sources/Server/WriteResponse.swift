import BulkheadCore

/// The success answer of a write (API.md: `{success: true, …}` with the changed values), built from the command
/// and the reducer's outcome.
enum WriteResponse {
  /// The fields of the answer to `command`, besides `success` and the id of a stored message.
  static func fields(of command: Command, _ outcome: Outcome) -> [String: JSONValue] {
    let state = outcome.state
    switch command {
    case .switchView(let viewType, let locationSlug, _):
      return ["view_type": .string(viewType.rawValue), "location_slug": .string(locationSlug)]
    case .showTerminal(_, let terminalSlug):
      return ["overlay_terminal_slug": .string(terminalSlug)]
    case .hideTerminal, .broadcast:
      return [:]
    case .setCharonMode(let mode):
      return ["mode": .string(mode.rawValue)]
    case .setCharonLocation(let path):
      return ["location_path": .string(path)]
    case .sendCharonMessage, .submitCharonQuery:
      return ["channel": .string(state.charonActiveChannel)]
    case .toggleCharonDialog:
      return ["charon_dialog_open": .bool(state.charonDialogOpen)]
    case .switchLevel:
      return ["level": .int(state.encounterLevel), "deck_id": .string(state.encounterDeckID)]
    case .toggleRoom(let roomID, _):
      return [
        "room_id": .string(roomID), "visible": .bool(state.roomVisibility[roomID] ?? false),
        "room_visibility": roomVisibility(state),
      ]
    case .setRoomVisibility:
      return ["room_visibility": roomVisibility(state)]
    case .setDoorStatus(let connectionID, let status):
      return [
        "connection_id": .string(connectionID), "door_status": .string(status.rawValue),
        "all_door_status": .object(state.doorStatus.mapValues { .string($0.rawValue) }),
      ]
    case .placeToken:
      return ["token_id": outcome.placedTokenID.map(JSONValue.string) ?? .null, "tokens": tokens(state)]
    case .moveToken(let id, _, _, _), .updateTokenStatus(let id, _):
      return ["token_id": .string(id), "tokens": tokens(state)]
    case .removeToken, .clearTokens:
      return ["tokens": tokens(state)]
    case .togglePortrait:
      return ["active_portraits": .array(state.activePortraits.map(JSONValue.string))]
    case .setShipSystem(let system, let override):
      return ["system": .string(system), "override": override.json]
    }
  }

  /// The fog of the open encounter: room id → revealed.
  private static func roomVisibility(_ state: ActiveViewState) -> JSONValue {
    .object(state.roomVisibility.mapValues(JSONValue.bool))
  }

  /// The tokens of the current deck by id.
  private static func tokens(_ state: ActiveViewState) -> JSONValue {
    .object(state.currentTokens.mapValues(\.json))
  }
}
