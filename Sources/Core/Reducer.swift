/// Applies commands to the active view: validation against the campaign, then the rules of API.md.
///
/// One function per command, named after it and grouped by topic: `Reducer+Views.swift` (switch-view, terminal
/// overlay), `Reducer+Charon.swift` (CHARON), `Reducer+Broadcast.swift`, `Reducer+Map.swift` (decks, rooms,
/// doors), `Reducer+Tokens.swift`, `Reducer+Portraits.swift`, `Reducer+Ship.swift`. Each one validates its
/// command and returns the new state (or the record to store); ``apply(_:to:campaign:)`` only dispatches.
///
/// Pure: no I/O, no clock, no randomness, no JSON. A refused command throws and changes nothing.
public enum Reducer {
  /// Applies `command` to `state`.
  ///
  /// - Throws: `CommandError` when the command does not fit the campaign or the state.
  public static func apply(
    _ command: Command, to state: ActiveViewState, campaign: Campaign
  ) throws(CommandError) -> Outcome {
    switch command {
    case .switchView(let viewType, let locationSlug, let viewSlug):
      return Outcome(
        state: try switchView(to: viewType, locationSlug: locationSlug, viewSlug: viewSlug, in: state, campaign))
    case .showTerminal(let locationSlug, let terminalSlug):
      return Outcome(
        state: try showTerminal(terminalSlug, locationSlug: locationSlug, in: state, campaign))
    case .hideTerminal:
      return Outcome(state: hideTerminal(in: state))
    case .broadcast(let content, let sender, let priority):
      return Outcome(state: state, effect: try broadcast(content, sender: sender, priority: priority))
    case .setCharonMode(let mode):
      return Outcome(state: setCharonMode(mode, in: state))
    case .setCharonLocation(let path):
      return Outcome(state: try setCharonLocation(path, in: state, campaign))
    case .sendCharonMessage(let content):
      return Outcome(state: state, effect: try sendCharonMessage(content, in: state))
    case .toggleCharonDialog(let open):
      return Outcome(state: toggleCharonDialog(open: open, in: state))
    case .submitCharonQuery(let query):
      return Outcome(state: state, effect: try submitCharonQuery(query, in: state))
    case .switchLevel(let level, let deckID):
      return Outcome(state: try switchLevel(level: level, deckID: deckID, in: state, campaign))
    case .toggleRoom(let roomID, let visible):
      return Outcome(state: try toggleRoom(roomID, visible: visible, in: state, campaign))
    case .setRoomVisibility(let visibility):
      return Outcome(state: try setRoomVisibility(visibility, in: state, campaign))
    case .setDoorStatus(let connectionID, let status):
      return Outcome(state: try setDoorStatus(connectionID, to: status, in: state, campaign))
    case .placeToken(let token):
      let placed = try placeToken(token, in: state, campaign)
      return Outcome(state: placed.state, placedTokenID: placed.tokenID)
    case .moveToken(let id, let x, let y, let roomID):
      return Outcome(state: try moveToken(id, x: x, y: y, roomID: roomID, in: state, campaign))
    case .removeToken(let id):
      return Outcome(state: try removeToken(id, in: state))
    case .updateTokenStatus(let id, let status):
      return Outcome(state: try updateTokenStatus(id, to: status, in: state))
    case .clearTokens:
      return Outcome(state: try clearTokens(in: state, campaign))
    case .togglePortrait(let npcID):
      return Outcome(state: try togglePortrait(npcID, in: state, campaign))
    case .setShipSystem(let system, let override):
      return Outcome(state: try setShipSystem(system, to: override, in: state, campaign))
    }
  }
}
