/// Builds and encodes the active-view payload from the state and the campaign.
///
/// Everything that depends only on the campaign (each location's data with each deck's map,
/// the NPC cards) is encoded once, when the builder is made; a payload is then the state's
/// few fields written around those bytes, with no file I/O and no `JSONEncoder`.
public struct PayloadBuilder: Sendable {
  /// The campaign the payloads describe.
  public let campaign: Campaign
  private let npcCards: [UInt8]
  /// `location_data` bytes by location slug, then deck id (`""` for a location without a map).
  private let locationData: [String: [String: [UInt8]]]

  /// Prepares the campaign's static parts.
  public init(campaign: Campaign) {
    self.campaign = campaign
    var cards: [String: JSONValue] = [:]
    for npc in campaign.npcs {
      cards[npc.id] = [
        "id": .string(npc.id), "name": .string(npc.name), "portrait": .string(npc.portrait ?? ""),
        "role": .string(npc.role ?? ""), "portrait_text": .string(npc.portraitText ?? ""),
      ]
    }
    npcCards = JSONWriter.encode(.object(cards))
    var data: [String: [String: [UInt8]]] = [:]
    for location in campaign.locations.values {
      let decks = location.map?.decks.map(\.id) ?? [""]
      for deckID in decks {
        data[location.slug, default: [:]][deckID] = JSONWriter.encode(
          Self.locationData(location, deckID: deckID))
      }
    }
    locationData = data
  }

  /// The `location_data` object of `location` showing deck `deckID`.
  ///
  /// `location.yaml`'s keys, plus `slug`, `has_map`, `system_slug`, `parent_slug`, a summary
  /// of the comm terminals, and `map` = `{is_multi_deck, manifest, current_deck, current_deck_id}`
  /// where `current_deck` is the deck file's content plus `slug` and `deck_id`.
  public static func locationData(_ location: Location, deckID: String) -> JSONValue {
    var members = location.data.objectValue ?? [:]
    members["slug"] = .string(location.slug)
    members["system_slug"] = .string(location.path[0])
    if location.path.count >= 2 { members["parent_slug"] = .string(location.path[location.path.count - 2]) }
    members["has_map"] = .bool(location.map != nil)
    members["terminals"] = .array(
      location.terminals.keys.sorted().map { slug in
        let terminal = location.terminals[slug]!
        return [
          "slug": .string(slug), "owner": .string(terminal.owner), "terminal_id": .string(terminal.terminalID),
          "access_level": .string(terminal.accessLevel), "description": .string(terminal.description),
        ]
      })
    if let map = location.map, let deck = map.deck(deckID) ?? map.deck(map.defaultDeckID) {
      members["map"] = mapJSON(map, deck: deck)
    } else {
      members["map"] = .null
    }
    return .object(members)
  }

  /// A map as the payload and `/api/encounter-map/` show it, with `deck` as the current deck.
  public static func mapJSON(_ map: LocationMap, deck: Deck) -> JSONValue {
    var current = deck.data.objectValue ?? [:]
    current["deck_id"] = .string(deck.id)
    current["slug"] = .string(deck.id)
    if current["name"] == nil { current["name"] = .string(deck.name) }
    return [
      "is_multi_deck": .bool(map.isMultiDeck), "manifest": map.manifest,
      "current_deck": .object(current), "current_deck_id": .string(deck.id),
    ]
  }

  /// What the campaign-only parts of the payload (`location_data`, `encounter_npc_data`) depend on in `state`: two
  /// states with the same key carry the same bytes there. `""` outside ENCOUNTER.
  public func staticKey(of state: ActiveViewState) -> String {
    guard state.viewType == .encounter, let map = campaign.locations[state.locationSlug]?.map else {
      return state.viewType == .encounter ? state.locationSlug : ""
    }
    let deck = map.deck(state.encounterDeckID) ?? map.deck(map.defaultDeckID)
    return state.locationSlug + "/" + (deck?.id ?? "")
  }

  /// The payload for `state` as compact JSON with sorted keys.
  ///
  /// With `omittingStatic` (the lean stream, `?compact=1`), `location_data` and `encounter_npc_data` are left out
  /// and `"compact": true` says that they are those of the previous event.
  public func encode(_ state: ActiveViewState, version: Int, epoch: String, omittingStatic: Bool = false) -> [UInt8] {
    var writer = JSONWriter(capacity: 4096)
    var object = ObjectWriter()
    let location = campaign.locations[state.locationSlug]
    let encounter = state.viewType == .encounter ? location : nil
    let map = encounter?.map
    let deck = map.flatMap { $0.deck(state.encounterDeckID) ?? $0.deck($0.defaultDeckID) }
    object.key("charon_active_channel", in: &writer)
    writer.write(state.charonActiveChannel)
    object.key("charon_dialog_open", in: &writer)
    writer.write(state.charonDialogOpen)
    object.key("charon_location_path", in: &writer)
    writer.write(state.charonLocationPath)
    object.key("charon_mode", in: &writer)
    writer.write(state.charonMode.rawValue)
    if omittingStatic {
      object.key("compact", in: &writer)
      writer.write(true)
    }
    object.key("encounter_active_portraits", in: &writer)
    writer.write(.array(state.activePortraits.map(JSONValue.string)))
    object.key("encounter_deck_id", in: &writer)
    writer.write(state.encounterDeckID)
    if encounter != nil {
      object.key("encounter_deck_name", in: &writer)
      writer.write(deck?.name ?? "")
    }
    object.key("encounter_door_status", in: &writer)
    writer.write(.object(state.doorStatus.mapValues { .string($0.rawValue) }))
    object.key("encounter_level", in: &writer)
    writer.write(state.encounterLevel)
    if !omittingStatic {
      object.key("encounter_npc_data", in: &writer)
      writer.appendRaw(npcCards)
    }
    object.key("encounter_room_visibility", in: &writer)
    writer.write(.object(state.roomVisibility.mapValues(JSONValue.bool)))
    object.key("encounter_tokens", in: &writer)
    writer.write(.object(state.currentTokens.mapValues(\.json)))
    if encounter != nil {
      object.key("encounter_total_decks", in: &writer)
      writer.write(map?.decks.count ?? 0)
    }
    object.key("epoch", in: &writer)
    writer.write(epoch)
    if let encounter {
      if !omittingStatic {
        object.key("location_data", in: &writer)
        writer.appendRaw(locationData[encounter.slug]?[deck?.id ?? ""] ?? Array("null".utf8))
      }
      object.key("location_name", in: &writer)
      writer.write(encounter.name)
      object.key("location_path", in: &writer)
      writer.write(.array(encounter.path.map(JSONValue.string)))
    }
    object.key("location_slug", in: &writer)
    writer.write(state.locationSlug)
    if let encounter {
      object.key("location_type", in: &writer)
      writer.write(encounter.type)
    }
    object.key("overlay_location_slug", in: &writer)
    writer.write(state.overlayLocationSlug)
    object.key("overlay_terminal_slug", in: &writer)
    writer.write(state.overlayTerminalSlug)
    object.key("ship_system_overrides", in: &writer)
    writer.write(.object(state.shipSystemOverrides.mapValues(\.json)))
    object.key("version", in: &writer)
    writer.write(version)
    object.key("view_slug", in: &writer)
    writer.write(state.viewSlug)
    object.key("view_type", in: &writer)
    writer.write(state.viewType.rawValue)
    object.close(in: &writer)
    return writer.bytes
  }
}
