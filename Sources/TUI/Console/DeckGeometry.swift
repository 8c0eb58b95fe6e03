import BulkheadCanvas
import BulkheadCore

/// Where things are on a deck's grid, as the GM console's cursor sees them.
enum DeckGeometry {
  /// The grid cell of a door: its ``CorridorRoute``'s door cell at one cell per grid cell. Where the rooms face
  /// each other or touch, that is the grid cell under the door ``DeckMapView`` draws at scale 1; on an L-shaped
  /// corridor the map counts the middle in its own cells (two columns per grid cell), so the two may differ.
  static func doorCell(_ connection: Connection, in deck: Deck) -> GMConsoleModel.GridPoint? {
    guard let from = deck.room(connection.from), let to = deck.room(connection.to) else { return nil }
    let route = CorridorRoute(from: rect(of: from), to: rect(of: to), rooms: deck.rooms.map(rect(of:)))
    return route.door.map { GMConsoleModel.GridPoint(x: $0.x, y: $0.y) }
  }

  /// The door whose cell is nearest `point` (straight-line distance; the map's order breaks ties).
  static func nearestDoor(to point: GMConsoleModel.GridPoint, in deck: Deck) -> Connection? {
    var best: (connection: Connection, distance: Int)?
    for connection in deck.connections {
      guard let cell = doorCell(connection, in: deck) else { continue }
      let distance = (cell.x - point.x) * (cell.x - point.x) + (cell.y - point.y) * (cell.y - point.y)
      if best == nil || distance < best!.distance { best = (connection, distance) }
    }
    return best?.connection
  }

  /// The cell a new deck's cursor starts on: the centre of its first room, else the grid's top-left cell.
  static func startCell(of deck: Deck) -> GMConsoleModel.GridPoint {
    guard let room = deck.rooms.first else { return GMConsoleModel.GridPoint(x: 0, y: 0) }
    return GMConsoleModel.GridPoint(x: room.x + max(0, room.width - 1) / 2, y: room.y + max(0, room.height - 1) / 2)
  }

  /// A room's grid rectangle.
  static func rect(of room: Room) -> Rect {
    Rect(x: room.x, y: room.y, width: max(1, room.width), height: max(1, room.height))
  }
}
