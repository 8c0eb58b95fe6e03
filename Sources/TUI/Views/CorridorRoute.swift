import BulkheadCanvas

/// The corridor between two rooms and the cell its door sits on: the one rule ``DeckMapView`` draws doors by (in
/// canvas cells) and the GM console finds them by (`DeckGeometry`).
///
/// The corridor runs straight across the shared columns or rows when the rooms face each other, else L-shaped
/// (horizontal from the first room's centre, then vertical to the second's). Its visible part is the cells outside
/// every room; the door sits at the middle of that part, or on the first room's wall when the rooms touch (nothing
/// visible between them).
///
/// The cells are those the rooms' rectangles are given in: an L-shaped corridor's middle depends on them, so the
/// console (`DeckGeometry`) routes in the map's cells at scale 1, as ``DeckMapView`` draws, and brings the door back
/// to grid cells.
struct CorridorRoute {
  /// One cell of the route, in whatever cells the rooms' rectangles were given in.
  struct Cell: Hashable {
    /// The column.
    var x: Int
    /// The row.
    var y: Int
  }

  /// Every cell from the first room's centre to the second's, in order.
  let path: [Cell]
  /// The cells of ``path`` outside every room, in order: the corridor as drawn.
  let visible: [Cell]
  /// The door's cell: the middle of ``visible``, else the last cell of ``path`` on the first room (the rooms
  /// touch); `nil` when the path never enters the first room's rectangle either.
  let door: Cell?

  /// Where the door sits in ``visible``, when the rooms do not touch.
  private let doorIndex: Int?

  /// The route from room `from` to room `to`, with `rooms` every room's rectangle (the corridor shows only outside
  /// them).
  init(from: Rect, to: Rect, rooms: [Rect]) {
    let path = Self.corridor(from: from, to: to)
    let visible = path.filter { cell in !rooms.contains { $0.contains(x: cell.x, y: cell.y) } }
    let doorIndex = visible.isEmpty ? nil : visible.count / 2
    self.path = path
    self.visible = visible
    self.doorIndex = doorIndex
    door = doorIndex.map { visible[$0] } ?? path.last { from.contains(x: $0.x, y: $0.y) }
  }

  /// The visible cells just before and after the door, those that exist: an airlock marks them. Empty when the
  /// door is on a wall.
  var doorNeighbours: [Cell] {
    guard let doorIndex else { return [] }
    return [doorIndex - 1, doorIndex + 1].filter { visible.indices.contains($0) }.map { visible[$0] }
  }

  /// The cells of a corridor from room `a` to room `b`, in order (see the type's description).
  static func corridor(from a: Rect, to b: Rect) -> [Cell] {
    let ax = a.x + (a.width - 1) / 2
    let ay = a.y + (a.height - 1) / 2
    let bx = b.x + (b.width - 1) / 2
    let by = b.y + (b.height - 1) / 2
    let left = max(a.x, b.x)
    let right = min(a.maxX, b.maxX)
    if left < right {
      let x = (left + right - 1) / 2
      return line(from: ay, to: by).map { Cell(x: x, y: $0) }
    }
    let top = max(a.y, b.y)
    let bottom = min(a.maxY, b.maxY)
    if top < bottom {
      let y = (top + bottom - 1) / 2
      return line(from: ax, to: bx).map { Cell(x: $0, y: y) }
    }
    let horizontal = line(from: ax, to: bx).map { Cell(x: $0, y: ay) }
    let vertical = line(from: ay, to: by).dropFirst().map { Cell(x: bx, y: $0) }
    return horizontal + vertical
  }

  /// The integers from `start` to `end` inclusive, in either direction.
  static func line(from start: Int, to end: Int) -> [Int] {
    start <= end ? Array(start...end) : Array((end...start).reversed())
  }
}
