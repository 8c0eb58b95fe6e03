import BulkheadCanvas
import BulkheadCore

/// Where things are on a deck's grid, as the GM console's cursor sees them.
enum DeckGeometry {
  /// The grid cell of a door: the middle of its corridor's cells outside every room, or the first room's wall cell
  /// on the corridor when the rooms touch — the rule ``DeckMapView`` draws doors by, at one cell per grid cell.
  static func doorCell(_ connection: Connection, in deck: Deck) -> GMConsoleModel.GridPoint? {
    guard let from = deck.room(connection.from), let to = deck.room(connection.to) else { return nil }
    let path = DeckMapView.corridor(from: rect(of: from), to: rect(of: to))
    let open = path.filter { point in !deck.rooms.contains { $0.contains(x: point.x, y: point.y) } }
    if !open.isEmpty {
      let middle = open[open.count / 2]
      return GMConsoleModel.GridPoint(x: middle.x, y: middle.y)
    }
    return path.last { from.contains(x: $0.x, y: $0.y) }.map { GMConsoleModel.GridPoint(x: $0.x, y: $0.y) }
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
