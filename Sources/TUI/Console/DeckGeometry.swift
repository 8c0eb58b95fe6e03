import BulkheadCanvas
import BulkheadCore

/// Where things are on a deck's grid, as the GM console's cursor sees them.
enum DeckGeometry {
  /// The grid cell of a door: where ``DeckMapView`` draws it at scale 1 (a grid cell two columns by one row), found
  /// by the same ``CorridorRoute`` in those map cells and brought back to grid cells, so the console's cursor and the
  /// drawn door agree on every corridor, straight or L-shaped.
  static func doorCell(_ connection: Connection, in deck: Deck) -> GMConsoleModel.GridPoint? {
    guard let from = deck.room(connection.from), let to = deck.room(connection.to) else { return nil }
    let route = CorridorRoute(
      from: mapRect(of: from), to: mapRect(of: to), rooms: deck.rooms.map(mapRect(of:)))
    return route.door.map { GMConsoleModel.GridPoint(x: $0.x / 2, y: $0.y) }
  }

  /// A room's rectangle in map cells at scale 1: two columns and one row per grid cell.
  private static func mapRect(of room: Room) -> Rect {
    let grid = rect(of: room)
    return Rect(x: 2 * grid.x, y: grid.y, width: 2 * grid.width, height: grid.height)
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
