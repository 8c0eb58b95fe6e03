import BulkheadCore
import Hummingbird

extension BulkheadAPI {
  /// `GET /api/messages/?since=ID`: broadcasts newer than `since`, newest first.
  func messageList(_ request: Request) async throws -> Response {
    let sinceText = request.uri.queryParameters["since"].map(String.init) ?? ""
    guard sinceText.isEmpty || Int64(sinceText) != nil else {
      throw APIError(.badRequest, "since must be an integer message id")
    }
    let list = try await messages.broadcasts(since: Int64(sinceText) ?? 0)
    return JSONResponse.make(BroadcastMessage.listJSON(list.map(\.message)))
  }

  /// `GET /api/ship-status/`: `ship.yaml` with the GM's overrides merged into `ship.systems`.
  func shipStatus() async -> JSONValue {
    let overrides = await store.currentState.shipSystemOverrides
    guard case .object(var file) = store.campaign.ship, case .object(var ship)? = file["ship"],
      case .object(var systems)? = ship["systems"]
    else { return store.campaign.ship == .null ? ["ship": .null] : store.campaign.ship }
    for (name, override) in overrides {
      guard case .object(var system)? = systems[name], case .object(let changes) = override.json else { continue }
      system.merge(changes) { _, new in new }
      systems[name] = .object(system)
    }
    ship["systems"] = .object(systems)
    file["ship"] = .object(ship)
    return .object(file)
  }

  /// `GET /api/star-map/` (a Bulkhead addition for the BRIDGE view): `galaxy/star_map.yaml` as `star_map`, and
  /// `location_systems`, the star-map system each location lies in; 404 when the campaign has no star map.
  func starMap() throws -> Response {
    let campaign = store.campaign
    guard campaign.starMap != .null else { throw APIError(.notFound, "the campaign has no star map") }
    return JSONResponse.make([
      "star_map": campaign.starMap,
      "location_systems": .object(campaign.locationSystems.mapValues(JSONValue.string)),
    ])
  }

  /// `GET /api/encounter-map/<slug>/[?deck_id=]`: one deck of a location's map.
  func encounterMap(_ slug: String, deckID: Substring?) async throws -> Response {
    let map = try locationMap(slug)
    let state = await store.currentState
    let deck: Deck
    if let deckID, !deckID.isEmpty {
      guard let found = map.deck(String(deckID)) else {
        throw APIError(.badRequest, "deck_id '\(deckID)' is not a deck of \(slug)")
      }
      deck = found
    } else {
      let current = state.encounterLocationSlug == slug ? state.encounterDeckID : map.defaultDeckID
      deck = map.deck(current) ?? map.decks[0]
    }
    guard case .object(var members) = PayloadBuilder.mapJSON(map, deck: deck) else {
      throw APIError(.internalServerError, "map of \(slug) is not an object")
    }
    members["room_visibility"] = visibility(map, slug: slug, state: state)
    members["encounter_level"] = .int(state.encounterLevel)
    members["encounter_deck_id"] = .string(state.encounterDeckID)
    return JSONResponse.make(.object(members))
  }

  /// `GET /api/encounter-map/<slug>/all-decks/`: every deck's rooms.
  func allDecks(_ slug: String) async throws -> Response {
    let map = try locationMap(slug)
    let state = await store.currentState
    let decks: [JSONValue] = map.decks.sorted { $0.level < $1.level }.map { deck in
      [
        "id": .string(deck.id), "name": .string(deck.name), "level": .int(deck.level),
        "rooms": deck.data["rooms"] ?? .array([]),
      ]
    }
    var members: [String: JSONValue] = [
      "is_multi_deck": .bool(map.isMultiDeck), "decks": .array(decks),
      "room_visibility": visibility(map, slug: slug, state: state),
    ]
    if map.isMultiDeck {
      members["manifest"] = map.manifest
      members["current_deck_id"] = .string(
        state.encounterLocationSlug == slug ? state.encounterDeckID : map.defaultDeckID)
    }
    return JSONResponse.make(.object(members))
  }

  /// `GET /api/terminal/<location>/<terminal>/`: a comm terminal with its inbox and sent messages.
  func terminal(_ locationSlug: String, _ terminalSlug: String) throws -> Response {
    guard let location = store.campaign.locations[locationSlug] else {
      throw APIError(.notFound, "Location not found: \(locationSlug)")
    }
    guard let terminal = location.terminals[terminalSlug] else {
      throw APIError(.notFound, "Terminal not found: \(terminalSlug)")
    }
    return JSONResponse.make(TerminalInbox(terminal, locationName: location.name).json)
  }

  /// `GET /api/charon/conversation/` (the active channel) or `/api/charon/<channel>/conversation/`.
  func conversation(channel: String?) async throws -> Response {
    let state = await store.currentState
    let lines = try await messages.charonConversation(channel: channel ?? state.charonActiveChannel)
    var conversation = CharonConversation(
      mode: state.charonMode, channel: channel ?? state.charonActiveChannel, messages: lines.map(\.line))
    if channel == nil {
      conversation.charonLocationPath = state.charonLocationPath
      let encounter = state.viewType == .encounter ? store.campaign.locations[state.locationSlug] : nil
      conversation.activeLocationPath = encounter?.pathString ?? state.charonLocationPath
    }
    return JSONResponse.make(conversation.json(withLocations: channel == nil))
  }

  private func locationMap(_ slug: String) throws -> LocationMap {
    guard let location = store.campaign.locations[slug] else {
      throw APIError(.notFound, "Location not found: \(slug)")
    }
    guard let map = location.map, !map.decks.isEmpty else {
      throw APIError(.notFound, "No map data for location \(slug)")
    }
    return map
  }

  /// The fog of every room of `map`: the live values for the open encounter, else all fogged.
  private func visibility(_ map: LocationMap, slug: String, state: ActiveViewState) -> JSONValue {
    let live = state.encounterLocationSlug == slug
    var result: [String: JSONValue] = [:]
    for deck in map.decks {
      for room in deck.rooms {
        result[room.id] = .bool(live ? state.roomVisibility[room.id] ?? false : false)
      }
    }
    return .object(result)
  }
}
