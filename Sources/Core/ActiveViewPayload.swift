/// The active view as sent to every screen (`GET /api/active-view/`, each SSE `activeview` event).
///
/// Keys are exactly those of API.md. The ENCOUNTER-only fields are nil in other views.
public struct ActiveViewPayload: Sendable, Codable, Equatable {
  public var viewType: ViewType
  public var locationSlug: String
  public var viewSlug: String
  public var overlayLocationSlug: String
  public var overlayTerminalSlug: String
  public var charonMode: CharonMode
  public var charonLocationPath: String
  public var charonActiveChannel: String
  public var charonDialogOpen: Bool
  public var encounterLevel: Int
  public var encounterDeckID: String
  public var encounterRoomVisibility: [String: Bool]
  public var encounterDoorStatus: [String: DoorStatus]
  public var encounterTokens: [String: Token]
  public var encounterActivePortraits: [String]
  public var shipSystemOverrides: [String: ShipSystemOverride]
  public var encounterNPCData: [String: NPCCard]
  public var locationType: String?
  public var locationName: String?
  public var locationData: JSONValue?
  public var locationPath: [String]?
  public var encounterTotalDecks: Int?
  public var encounterDeckName: String?
  /// +1 per change since the server started; 0 from a server that does not send it (the original).
  public var version: Int
  /// New at each server start; with `version` it orders events across restarts. `""` from a server that does not
  /// send it (the original).
  public var epoch: String

  enum CodingKeys: String, CodingKey {
    case viewType = "view_type"
    case locationSlug = "location_slug"
    case viewSlug = "view_slug"
    case overlayLocationSlug = "overlay_location_slug"
    case overlayTerminalSlug = "overlay_terminal_slug"
    case charonMode = "charon_mode"
    case charonLocationPath = "charon_location_path"
    case charonActiveChannel = "charon_active_channel"
    case charonDialogOpen = "charon_dialog_open"
    case encounterLevel = "encounter_level"
    case encounterDeckID = "encounter_deck_id"
    case encounterRoomVisibility = "encounter_room_visibility"
    case encounterDoorStatus = "encounter_door_status"
    case encounterTokens = "encounter_tokens"
    case encounterActivePortraits = "encounter_active_portraits"
    case shipSystemOverrides = "ship_system_overrides"
    case encounterNPCData = "encounter_npc_data"
    case locationType = "location_type"
    case locationName = "location_name"
    case locationData = "location_data"
    case locationPath = "location_path"
    case encounterTotalDecks = "encounter_total_decks"
    case encounterDeckName = "encounter_deck_name"
    case version, epoch
  }
}

/// What every screen knows of an NPC: enough for a portrait card.
///
/// The original's cards carry `id`, `name` and `portrait`; Bulkhead adds `role` and `portrait_text`, which a
/// payload from the original lacks (they read as `""`).
public struct NPCCard: Sendable, Codable, Equatable {
  public var id: String
  public var name: String
  /// The portrait image path, `""` when the NPC has none.
  public var portrait: String
  /// The NPC's role (e.g. "Station Director"), `""` when the campaign gives none.
  public var role: String
  /// The path of a hand-drawn text portrait, `""` when there is none; it takes precedence over ``portrait``.
  public var portraitText: String

  private enum CodingKeys: String, CodingKey {
    case id, name, portrait, role
    case portraitText = "portrait_text"
  }

  /// Reads a card; `role` and `portrait_text` may be missing (a payload of the original).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(String.self, forKey: .name)
    portrait = try container.decode(String.self, forKey: .portrait)
    role = try container.decodeIfPresent(String.self, forKey: .role) ?? ""
    portraitText = try container.decodeIfPresent(String.self, forKey: .portraitText) ?? ""
  }

  /// Creates a card.
  public init(id: String, name: String, portrait: String, role: String = "", portraitText: String = "") {
    self.id = id
    self.name = name
    self.portrait = portrait
    self.role = role
    self.portraitText = portraitText
  }
}
