/// The open encounter's map: which deck it shows, which rooms are revealed, the status of each door.
extension Reducer {
  /// `encounter/switch-level`: shows the deck named by `deckID`, or by `level` (when both are given, they must
  /// agree).
  ///
  /// - Throws: `invalid` when no encounter is open, for an unknown deck or level, or for a mismatch.
  public static func switchLevel(
    level: Int?, deckID: String?, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    let deck = try targetDeck(level: level, deckID: deckID, map: try encounterMap(state, campaign))
    var next = state
    next.encounterLevel = deck.level
    next.encounterDeckID = deck.id
    return next
  }

  /// `encounter/toggle-room`: reveals or fogs a room of any deck; flips it when `visible` is `nil`.
  ///
  /// - Throws: `invalid` when no encounter is open or the room is not on its map.
  public static func toggleRoom(
    _ roomID: String, visible: Bool?, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    let map = try encounterMap(state, campaign)
    guard map.decks.contains(where: { $0.room(roomID) != nil }) else {
      throw .invalid("room_id '\(roomID)' is not a room of \(state.encounterLocationSlug)")
    }
    var next = state
    next.roomVisibility[roomID] = visible ?? !(state.roomVisibility[roomID] ?? false)
    return next
  }

  /// `encounter/room-visibility`: replaces the whole fog map; a room `visibility` leaves out is fogged.
  ///
  /// - Throws: `invalid` when no encounter is open or `visibility` names a room not on its map.
  public static func setRoomVisibility(
    _ visibility: [String: Bool], in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    let map = try encounterMap(state, campaign)
    let rooms = map.decks.flatMap { $0.rooms.map(\.id) }
    if let unknown = visibility.keys.sorted().first(where: { !rooms.contains($0) }) {
      throw .invalid("room_visibility names '\(unknown)', which is not a room of \(state.encounterLocationSlug)")
    }
    var next = state
    next.roomVisibility = Dictionary(rooms.map { ($0, visibility[$0] ?? false) }, uniquingKeysWith: { a, _ in a })
    return next
  }

  /// `encounter/set-door-status`: the status of one door (a connection of any deck).
  ///
  /// - Throws: `invalid` when no encounter is open or the connection is not on its map.
  public static func setDoorStatus(
    _ connectionID: String, to status: DoorStatus, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    let map = try encounterMap(state, campaign)
    guard map.decks.contains(where: { $0.connection(connectionID) != nil }) else {
      throw .invalid("connection_id '\(connectionID)' is not a door of \(state.encounterLocationSlug)")
    }
    var next = state
    next.doorStatus[connectionID] = status
    return next
  }

  /// The deck `deckID` names, else the deck at `level`; both given, they must agree.
  private static func targetDeck(level: Int?, deckID: String?, map: LocationMap) throws(CommandError) -> Deck {
    if let deckID {
      guard let deck = map.deck(deckID) else { throw .invalid("deck_id '\(deckID)' is not a deck of this map") }
      if let level, level != deck.level {
        throw .invalid("level \(level) does not match deck '\(deckID)', which is level \(deck.level)")
      }
      return deck
    }
    guard let level, let deck = map.deck(level: level) else {
      throw .invalid("level \(level ?? 0) is not a deck level of this map (1...\(map.decks.count))")
    }
    return deck
  }
}
