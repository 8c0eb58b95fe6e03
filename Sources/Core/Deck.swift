/// One deck of a location's map: its grid, rooms, doors, ladders, terminals and points of interest.
///
/// Parsed from a deck file of the campaign or, on the player side, from the
/// `location_data.map.current_deck` object of the payload; `data` keeps the whole object.
public struct Deck: Sendable, Equatable {
  /// The deck id (the manifest's `id`, else the file's `deck_id`, else the file name).
  public var id: String
  /// The deck's display name.
  public var name: String
  /// The 1-based deck level.
  public var level: Int
  /// Grid width in cells.
  public var width: Int
  /// Grid height in cells.
  public var height: Int
  public var rooms: [Room]
  public var connections: [Connection]
  public var interDeckConnections: [InterDeckConnection]
  public var terminals: [MapTerminal]
  public var pointsOfInterest: [PointOfInterest]
  /// The deck file's whole content, passed on in the payload.
  public var data: JSONValue

  /// Reads a deck object; `file` names it in errors.
  public init(
    data: JSONValue, file: String, id: String? = nil, name: String? = nil, level: Int = 1
  ) throws(CampaignError) {
    self.data = data
    self.level = level
    do {
      let fields = try JSONObject.campaignFile(data)
      let fileID = try fields.optionalString("deck_id")
      let fileName = try fields.optionalString("name")
      self.id = id ?? fileID ?? Deck.stem(of: file)
      self.name = name ?? fileName ?? self.id
      if fields.has("grid") {
        let grid = try fields.object("grid")
        width = try grid.int("width")
        height = try grid.int("height")
      } else {
        width = try fields.optionalInt("grid_size_x") ?? 0
        height = try fields.optionalInt("grid_size_y") ?? 0
      }
      rooms = try fields.objects("rooms").map(Room.init)
      connections = try fields.objects("connections").map(Connection.init)
      interDeckConnections = try fields.objects("inter_deck_connections").map(InterDeckConnection.init)
      terminals = try fields.objects("terminals").map(MapTerminal.init)
      pointsOfInterest = try fields.objects("poi").map(PointOfInterest.init)
    } catch {
      throw CampaignError(file: file, error)
    }
    guard width >= 0, height >= 0 else {
      throw CampaignError(file: file, key: "grid", problem: "width and height must not be negative")
    }
    try checkReferences(file: file)
  }

  /// The room with `id`, if the deck has it.
  public func room(_ id: String) -> Room? {
    rooms.first { $0.id == id }
  }

  /// The connection with `id`, if the deck has it.
  public func connection(_ id: String) -> Connection? {
    connections.first { $0.id == id }
  }

  /// The room that contains grid cell (`x`, `y`), if any.
  public func room(atX x: Int, y: Int) -> Room? {
    rooms.first { $0.contains(x: x, y: y) }
  }

  private func checkReferences(file: String) throws(CampaignError) {
    let roomIDs = Set(rooms.map(\.id))
    for (index, connection) in connections.enumerated() {
      for end in [connection.from, connection.to] where !roomIDs.contains(end) {
        throw CampaignError(
          file: file, key: "connections.\(index)", problem: "unknown room '\(end)'")
      }
    }
    for (index, terminal) in terminals.enumerated() where !roomIDs.contains(terminal.room) {
      throw CampaignError(file: file, key: "terminals.\(index).room", problem: "unknown room '\(terminal.room)'")
    }
    for (index, poi) in pointsOfInterest.enumerated() where !roomIDs.contains(poi.room) {
      throw CampaignError(file: file, key: "poi.\(index).room", problem: "unknown room '\(poi.room)'")
    }
  }

  static func stem(of file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    if let dot = name.lastIndex(of: ".") { return String(name[..<dot]) }
    return name
  }
}

/// An axis-aligned room in grid cells.
public struct Room: Sendable, Equatable {
  public var id: String
  public var name: String
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int
  /// `OPERATIONAL`, `WARNING`, `HAZARD`, … as the map file gives it.
  public var status: String?
  public var description: String?

  init(_ fields: JSONObject) throws(JSONReadError) {
    id = try fields.string("id")
    name = try fields.optionalString("name") ?? id
    x = try fields.int("x")
    y = try fields.int("y")
    width = try fields.int("width")
    height = try fields.int("height")
    status = try fields.optionalString("status")
    description = try fields.optionalString("description")
    guard width > 0, height > 0 else {
      throw fields.invalid("width", "a room must be at least one cell wide and high")
    }
  }

  /// Whether grid cell (`x`, `y`) lies inside the room.
  public func contains(x cellX: Int, y cellY: Int) -> Bool {
    cellX >= x && cellX < x + width && cellY >= y && cellY < y + height
  }
}

/// A corridor with a door between two rooms of one deck.
public struct Connection: Sendable, Equatable {
  public var id: String
  public var from: String
  public var to: String
  /// `standard`, `blast_door`, `airlock`, `emergency`.
  public var doorType: String
  /// The map file's door status; the live one is `encounter_door_status[id]` when set.
  public var doorStatus: DoorStatus

  init(_ fields: JSONObject) throws(JSONReadError) {
    id = try fields.string("id")
    from = try fields.string("from")
    to = try fields.string("to")
    doorType = try fields.optionalString("door_type") ?? "standard"
    let status = try fields.optionalString("door_status") ?? DoorStatus.closed.rawValue
    guard let parsed = DoorStatus(rawValue: status.uppercased()) else {
      throw fields.invalid("door_status", "unknown door status '\(status)'")
    }
    doorStatus = parsed
  }
}

/// A ladder or lift from a room of this deck to a room of another deck.
public struct InterDeckConnection: Sendable, Equatable {
  public var id: String
  public var fromRoom: String
  public var toDeck: String
  public var toRoom: String
  public var type: String
  public var status: String?

  init(_ fields: JSONObject) throws(JSONReadError) {
    id = try fields.string("id")
    fromRoom = try fields.string("from_room")
    toDeck = try fields.string("to_deck")
    toRoom = try fields.string("to_room")
    type = try fields.optionalString("type") ?? "ladder"
    status = try fields.optionalString("status")
  }
}

/// A comm terminal placed in a room.
public struct MapTerminal: Sendable, Equatable {
  public var id: String
  public var room: String
  public var x: Double
  public var y: Double
  public var terminalSlug: String?
  public var name: String

  init(_ fields: JSONObject) throws(JSONReadError) {
    id = try fields.string("id")
    room = try fields.string("room")
    let position = try fields.object("position")
    x = try position.double("x")
    y = try position.double("y")
    terminalSlug = try fields.optionalString("terminal_slug")
    name = try fields.optionalString("name") ?? id
  }
}

/// A point of interest in a room: an objective, a hazard, an item, …
public struct PointOfInterest: Sendable, Equatable {
  public var id: String
  public var type: String
  public var room: String
  public var x: Double
  public var y: Double
  public var name: String
  public var icon: String?
  public var status: String?
  public var description: String?

  init(_ fields: JSONObject) throws(JSONReadError) {
    id = try fields.string("id")
    type = try fields.optionalString("type") ?? "objective"
    room = try fields.string("room")
    let position = try fields.object("position")
    x = try position.double("x")
    y = try position.double("y")
    name = try fields.optionalString("name") ?? id
    icon = try fields.optionalString("icon")
    status = try fields.optionalString("status")
    description = try fields.optionalString("description")
  }
}
