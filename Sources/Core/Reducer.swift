/// Applies commands to the active view: validation against the campaign, then the rules of API.md.
///
/// Pure: no I/O, no clock, no randomness. A refused command throws and changes nothing.
public enum Reducer {
  /// The token statuses the display knows how to show.
  public static let tokenStatuses: Set<String> = [
    "wounded", "dead", "panicked", "stressed", "unconscious", "infected",
  ]

  /// Applies `command` to `state`.
  ///
  /// - Throws: `CommandError` when the command does not fit the campaign or the state.
  public static func apply(
    _ command: Command, to state: ActiveViewState, campaign: Campaign
  ) throws(CommandError) -> Outcome {
    var next = state
    var response: [String: JSONValue] = [:]
    var effect: Effect?
    switch command {
    case .switchView(let viewType, let locationSlug, let viewSlug):
      try switchView(&next, viewType, locationSlug, viewSlug, campaign)
      response = ["view_type": .string(viewType.rawValue), "location_slug": .string(locationSlug)]
    case .showTerminal(let locationSlug, let terminalSlug):
      let location = try location(locationSlug, campaign)
      guard location.terminals[terminalSlug] != nil else {
        throw CommandError(.notFound, "Terminal not found: terminal_slug '\(terminalSlug)' is not in '\(locationSlug)'")
      }
      next.overlayLocationSlug = locationSlug
      next.overlayTerminalSlug = terminalSlug
      response = ["overlay_terminal_slug": .string(terminalSlug)]
    case .hideTerminal:
      next.overlayLocationSlug = ""
      next.overlayTerminalSlug = ""
    case .broadcast(let content, let sender, let priority):
      try WriteLimits.check(content, "content", atMost: WriteLimits.messageCharacters)
      try WriteLimits.check(sender, "sender", atMost: WriteLimits.tokenNameCharacters)
      effect = .broadcast(sender: sender, content: content, priority: priority)
    case .setCharonMode(let mode):
      next.charonMode = mode
      response = ["mode": .string(mode.rawValue)]
    case .setCharonLocation(let path):
      guard path.isEmpty || campaign.locations.values.contains(where: { $0.pathString == path }) else {
        throw .invalid("location_path '\(path)' is not a location of the campaign")
      }
      next.charonLocationPath = path
      response = ["location_path": .string(path)]
    case .sendCharonMessage(let content):
      try WriteLimits.check(content, "content", atMost: WriteLimits.messageCharacters)
      effect = .charonMessage(channel: state.charonActiveChannel, role: "charon", content: content)
      response = ["channel": .string(state.charonActiveChannel)]
    case .toggleCharonDialog(let open):
      next.charonDialogOpen = open ?? !state.charonDialogOpen
      response = ["charon_dialog_open": .bool(next.charonDialogOpen)]
    case .submitCharonQuery(let query):
      guard state.charonMode == .query else { throw CommandError(.forbidden, "Terminal not in query mode") }
      try WriteLimits.check(query, "query", atMost: WriteLimits.messageCharacters)
      effect = .charonMessage(channel: state.charonActiveChannel, role: "user", content: query)
      response = ["channel": .string(state.charonActiveChannel)]
    case .switchLevel(let level, let deckID):
      let deck = try targetDeck(level: level, deckID: deckID, map: try encounterMap(state, campaign))
      next.encounterLevel = deck.level
      next.encounterDeckID = deck.id
      response = ["level": .int(deck.level), "deck_id": .string(deck.id)]
    case .toggleRoom(let roomID, let visible):
      let map = try encounterMap(state, campaign)
      guard map.decks.contains(where: { $0.room(roomID) != nil }) else {
        throw .invalid("room_id '\(roomID)' is not a room of \(state.encounterLocationSlug)")
      }
      let isVisible = visible ?? !(state.roomVisibility[roomID] ?? false)
      next.roomVisibility[roomID] = isVisible
      response = [
        "room_id": .string(roomID), "visible": .bool(isVisible),
        "room_visibility": visibilityJSON(next.roomVisibility),
      ]
    case .setRoomVisibility(let visibility):
      let map = try encounterMap(state, campaign)
      let rooms = map.decks.flatMap { $0.rooms.map(\.id) }
      if let unknown = visibility.keys.sorted().first(where: { !rooms.contains($0) }) {
        throw .invalid("room_visibility names '\(unknown)', which is not a room of \(state.encounterLocationSlug)")
      }
      next.roomVisibility = Dictionary(rooms.map { ($0, visibility[$0] ?? false) }, uniquingKeysWith: { a, _ in a })
      response = ["room_visibility": visibilityJSON(next.roomVisibility)]
    case .setDoorStatus(let connectionID, let status):
      let map = try encounterMap(state, campaign)
      guard map.decks.contains(where: { $0.connection(connectionID) != nil }) else {
        throw .invalid("connection_id '\(connectionID)' is not a door of \(state.encounterLocationSlug)")
      }
      next.doorStatus[connectionID] = status
      response = [
        "connection_id": .string(connectionID), "door_status": .string(status.rawValue),
        "all_door_status": .object(next.doorStatus.mapValues { .string($0.rawValue) }),
      ]
    case .placeToken(var token):
      try WriteLimits.check(token.name, "name", atMost: WriteLimits.tokenNameCharacters)
      try WriteLimits.check(token.imageURL, "image_url", atMost: WriteLimits.imageURLCharacters)
      guard state.currentTokens.count < WriteLimits.tokensPerDeck else {
        throw .invalid(
          "this deck already has \(WriteLimits.tokensPerDeck) tokens, the most it may hold: remove one first")
      }
      let deck = try currentDeck(state, campaign)
      try checkCell(x: token.x, y: token.y, deck)
      token.roomID = try roomID(token.roomID.isEmpty ? nil : token.roomID, x: token.x, y: token.y, deck)
      next.tokensPlaced += 1
      let id = tokenID(next.tokensPlaced)
      next.currentTokens[id] = token
      response = ["token_id": .string(id), "tokens": tokensJSON(next.currentTokens)]
    case .moveToken(let id, let x, let y, let roomID):
      let deck = try currentDeck(state, campaign)
      guard var token = state.currentTokens[id] else { throw CommandError(.notFound, "Token not found: \(id)") }
      try checkCell(x: x, y: y, deck)
      token.x = x
      token.y = y
      token.roomID = try Self.roomID(roomID, x: x, y: y, deck)
      next.currentTokens[id] = token
      response = ["token_id": .string(id), "tokens": tokensJSON(next.currentTokens)]
    case .removeToken(let id):
      guard state.currentTokens[id] != nil else { throw CommandError(.notFound, "Token not found: \(id)") }
      next.currentTokens[id] = nil
      response = ["tokens": tokensJSON(next.currentTokens)]
    case .updateTokenStatus(let id, let status):
      guard var token = state.currentTokens[id] else { throw CommandError(.notFound, "Token not found: \(id)") }
      token.status = try tokenStatus(status)
      next.currentTokens[id] = token
      response = ["token_id": .string(id), "tokens": tokensJSON(next.currentTokens)]
    case .clearTokens:
      _ = try encounterMap(state, campaign)
      next.tokens[state.encounterLocationSlug] = nil
      response = ["tokens": .object([:])]
    case .togglePortrait(let npcID):
      guard campaign.npc(npcID) != nil else { throw .invalid("npc_id '\(npcID)' is not an NPC of the campaign") }
      if let index = next.activePortraits.firstIndex(of: npcID) {
        next.activePortraits.remove(at: index)
      } else {
        next.activePortraits.append(npcID)
      }
      response = ["active_portraits": .array(next.activePortraits.map(JSONValue.string))]
    case .setShipSystem(let system, let override):
      guard campaign.shipSystems.contains(system) else {
        let known = campaign.shipSystems.joined(separator: ", ")
        throw .invalid("Invalid system '\(system)'. Must be one of: \(known)")
      }
      if let condition = override.condition, !(0...100).contains(condition) {
        throw .invalid("condition must be between 0 and 100")
      }
      try WriteLimits.check(override.info ?? "", "info", atMost: WriteLimits.shipInfoCharacters)
      next.shipSystemOverrides[system] = override
      response = ["system": .string(system), "override": override.json]
    }
    return Outcome(state: next, response: response, effect: effect)
  }

  private static func switchView(
    _ state: inout ActiveViewState, _ viewType: ViewType, _ slug: String, _ viewSlug: String,
    _ campaign: Campaign
  ) throws(CommandError) {
    if viewType == .encounter && slug.isEmpty { throw .invalid("location_slug is required for ENCOUNTER") }
    if !slug.isEmpty { _ = try location(slug, campaign) }
    state.viewType = viewType
    state.locationSlug = slug
    state.viewSlug = viewSlug
    state.overlayLocationSlug = ""
    state.overlayTerminalSlug = ""
    switch viewType {
    case .charonTerminal: state.charonActiveChannel = "story"
    case .bridge: state.charonActiveChannel = "bridge"
    case .encounter:
      state.charonActiveChannel = "encounter-\(slug)"
      if slug != state.encounterLocationSlug { openEncounter(&state, slug, campaign) }
    default: break
    }
  }

  /// A new ENCOUNTER location: every room of every deck fogged, the default deck, no portraits.
  private static func openEncounter(_ state: inout ActiveViewState, _ slug: String, _ campaign: Campaign) {
    state.encounterLocationSlug = slug
    state.activePortraits = []
    state.roomVisibility = [:]
    state.encounterLevel = 1
    state.encounterDeckID = ""
    guard let map = campaign.locations[slug]?.map else { return }
    for deck in map.decks {
      for room in deck.rooms { state.roomVisibility[room.id] = false }
    }
    let deck = map.deck(map.defaultDeckID)
    state.encounterDeckID = map.defaultDeckID
    state.encounterLevel = deck?.level ?? 1
  }

  private static func location(_ slug: String, _ campaign: Campaign) throws(CommandError) -> Location {
    guard let location = campaign.locations[slug] else {
      throw CommandError(.notFound, "Location not found: location_slug '\(slug)'")
    }
    return location
  }

  private static func encounterMap(_ state: ActiveViewState, _ campaign: Campaign) throws(CommandError)
    -> LocationMap
  {
    guard !state.encounterLocationSlug.isEmpty else {
      throw .invalid("No ENCOUNTER location is open: switch the view to ENCOUNTER first")
    }
    guard let map = campaign.locations[state.encounterLocationSlug]?.map else {
      throw .invalid("\(state.encounterLocationSlug) has no map")
    }
    return map
  }

  private static func currentDeck(_ state: ActiveViewState, _ campaign: Campaign) throws(CommandError) -> Deck {
    let map = try encounterMap(state, campaign)
    guard let deck = map.deck(state.encounterDeckID) ?? map.deck(map.defaultDeckID) else {
      throw .invalid("\(state.encounterLocationSlug) has no deck '\(state.encounterDeckID)'")
    }
    return deck
  }

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

  private static func checkCell(x: Int, y: Int, _ deck: Deck) throws(CommandError) {
    guard (0..<deck.width).contains(x), (0..<deck.height).contains(y) else {
      throw .invalid("x and y must be inside the deck grid (0...\(deck.width - 1), 0...\(deck.height - 1))")
    }
  }

  private static func roomID(_ given: String?, x: Int, y: Int, _ deck: Deck) throws(CommandError) -> String {
    if let given {
      guard deck.room(given) != nil else { throw .invalid("room_id '\(given)' is not a room of deck \(deck.id)") }
      return given
    }
    return deck.room(atX: x, y: y)?.id ?? ""
  }

  private static func tokenStatus(_ status: [String]) throws(CommandError) -> [String] {
    var result: [String] = []
    for raw in status {
      let value = raw.lowercased()
      guard tokenStatuses.contains(value) else {
        throw .invalid("Invalid status '\(raw)'. Must be among: \(tokenStatuses.sorted().joined(separator: ", "))")
      }
      if !result.contains(value) { result.append(value) }
    }
    return result
  }

  /// Token ids: eight hex digits, as the original tool's, counted rather than random.
  static func tokenID(_ serial: Int) -> String {
    let hex = String(serial, radix: 16)
    return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
  }

  static func visibilityJSON(_ visibility: [String: Bool]) -> JSONValue {
    .object(visibility.mapValues(JSONValue.bool))
  }

  static func tokensJSON(_ tokens: [String: Token]) -> JSONValue {
    .object(tokens.mapValues(\.json))
  }
}

extension Token {
  /// The token as a JSON object with the keys of API.md.
  public var json: JSONValue {
    [
      "type": .string(type.rawValue), "name": .string(name), "x": .int(x), "y": .int(y),
      "status": .array(status.map(JSONValue.string)), "image_url": .string(imageURL),
      "room_id": .string(roomID),
    ]
  }
}
