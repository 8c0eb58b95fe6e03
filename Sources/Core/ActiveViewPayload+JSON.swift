import Foundation

extension ActiveViewPayload {
  /// Reads a payload as ``init(json:previous:)`` does, with the same defaults and errors.
  public init(from decoder: any Decoder) throws {
    try self.init(json: JSONValue(from: decoder))
  }

  /// Reads a payload from parsed JSON: Bulkhead's own, and the original tool's as it sends it.
  ///
  /// Keys are those of `CodingKeys`; unknown keys are ignored. Only `view_type` is required. A key the original
  /// leaves out (`version` and `epoch`, which only Bulkhead sends; the location keys outside ENCOUNTER; any other
  /// key an older server lacks), or sends as `null`, takes its default: `""`, `false`, an empty object or list,
  /// `DISPLAY` for `charon_mode`, 1 for `encounter_level`, 0 for `version`, nil for the optional fields. A key that is there with the
  /// wrong JSON type or an unknown spelling is an error. Tokens default `name`, `status`, `image_url` and `room_id`
  /// as `Token.init(from:)` does. Integers may be given as whole doubles (`3.0`), as `JSONDecoder` accepts.
  ///
  /// A payload of the lean stream (`"compact": true`) lacks `location_data` and `encounter_npc_data`: they are
  /// taken from `previous`, the payload of the event before it.
  ///
  /// - Throws: `JSONReadError` naming the key that is missing or wrong (`compact` when a lean payload comes with no
  ///   previous one).
  public init(json: JSONValue, previous: ActiveViewPayload? = nil) throws(JSONReadError) {
    let root = try JSONObject(json)
    let carried: ActiveViewPayload?
    if root.members["compact"] == .bool(true) {
      guard let previous else { throw root.failure("compact", .missing) }
      carried = previous
    } else {
      carried = nil
    }
    viewType = try root.choice("view_type", ViewType.self)
    locationSlug = try root.optionalString("location_slug") ?? ""
    viewSlug = try root.optionalString("view_slug") ?? ""
    overlayLocationSlug = try root.optionalString("overlay_location_slug") ?? ""
    overlayTerminalSlug = try root.optionalString("overlay_terminal_slug") ?? ""
    charonMode = try root.optionalChoice("charon_mode", CharonMode.self) ?? .display
    charonLocationPath = try root.optionalString("charon_location_path") ?? ""
    charonActiveChannel = try root.optionalString("charon_active_channel") ?? ""
    charonDialogOpen = try root.optionalBool("charon_dialog_open") ?? false
    encounterLevel = try root.optionalInt("encounter_level") ?? 1
    encounterDeckID = try root.optionalString("encounter_deck_id") ?? ""
    encounterRoomVisibility = try root.dictionary("encounter_room_visibility") { value throws(JSONReadError) in
      try JSONObject.bool(value)
    }
    encounterDoorStatus = try root.dictionary("encounter_door_status") { value throws(JSONReadError) in
      try JSONObject.choice(value, DoorStatus.self)
    }
    encounterTokens = try root.dictionary("encounter_tokens") { value throws(JSONReadError) in
      let token = try JSONObject(value)
      return Token(
        type: try token.choice("type", Token.Kind.self),
        name: try token.optionalString("name") ?? "",
        x: try token.int("x"),
        y: try token.int("y"),
        status: try token.optionalStrings("status") ?? [],
        imageURL: try token.optionalString("image_url") ?? "",
        roomID: try token.optionalString("room_id") ?? "")
    }
    encounterActivePortraits = try root.optionalStrings("encounter_active_portraits") ?? []
    shipSystemOverrides = try root.dictionary("ship_system_overrides") { value throws(JSONReadError) in
      let override = try JSONObject(value)
      return ShipSystemOverride(
        status: try override.choice("status", ShipSystemStatus.self),
        condition: try override.optionalInt("condition"),
        info: try override.optionalString("info"))
    }
    if let carried {
      encounterNPCData = carried.encounterNPCData
    } else {
      encounterNPCData = try root.dictionary("encounter_npc_data") { value throws(JSONReadError) in
        let card = try JSONObject(value)
        return NPCCard(
          id: try card.string("id"), name: try card.string("name"), portrait: try card.string("portrait"),
          role: try card.optionalString("role") ?? "", portraitText: try card.optionalString("portrait_text") ?? "")
      }
    }
    locationType = try root.optionalString("location_type")
    locationName = try root.optionalString("location_name")
    locationData = carried.map(\.locationData) ?? root.value("location_data")
    locationPath = try root.optionalStrings("location_path")
    encounterTotalDecks = try root.optionalInt("encounter_total_decks")
    encounterDeckName = try root.optionalString("encounter_deck_name")
    version = try root.optionalInt("version") ?? 0
    epoch = try root.optionalString("epoch") ?? ""
  }

  /// Parses and reads a payload with `JSONParser`, much faster than `JSONDecoder`.
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `JSONReadError` when the JSON
  ///   is not a payload.
  public static func decode(_ bytes: [UInt8]) throws -> ActiveViewPayload {
    try ActiveViewPayload(json: JSONParser.parse(bytes))
  }

  /// Parses and reads a payload of the stream whose previous event carried `previous`: a lean payload
  /// (`"compact": true`) takes `location_data` and `encounter_npc_data` from it.
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `JSONReadError` when the JSON is not a payload.
  public static func decode(_ bytes: [UInt8], after previous: ActiveViewPayload?) throws -> ActiveViewPayload {
    try ActiveViewPayload(json: JSONParser.parse(bytes), previous: previous)
  }

  /// Parses and reads a payload with `JSONParser`, much faster than `JSONDecoder`.
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `JSONReadError` when the JSON
  ///   is not a payload.
  public static func decode(_ data: Data) throws -> ActiveViewPayload {
    try ActiveViewPayload(json: JSONParser.parse(data))
  }
}
