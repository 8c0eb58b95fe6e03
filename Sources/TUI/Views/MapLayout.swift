import BulkheadCanvas
import BulkheadCore

/// Grid-to-canvas mapping: one grid cell is `2s` columns by `s` rows, the map centred in the area.
struct MapLayout {
  let originX: Int
  let originY: Int
  let columnsPerCell: Double
  let rowsPerCell: Double

  /// `nil` when the grid or the area is empty.
  init?(gridWidth: Int, gridHeight: Int, area: Rect) {
    guard gridWidth > 0, gridHeight > 0, !area.isEmpty else { return nil }
    let scale = min(Double(area.width) / (2 * Double(gridWidth)), Double(area.height) / Double(gridHeight))
    columnsPerCell = 2 * scale
    rowsPerCell = scale
    let mapWidth = min(area.width, Int((Double(gridWidth) * columnsPerCell).rounded(.down)))
    let mapHeight = min(area.height, Int((Double(gridHeight) * rowsPerCell).rounded(.down)))
    originX = area.x + (area.width - mapWidth) / 2
    originY = area.y + (area.height - mapHeight) / 2
  }

  /// The canvas column of grid x-coordinate `x` (a cell's left edge when whole).
  func column(_ x: Double) -> Int { originX + Self.cells(x * columnsPerCell) }

  /// The canvas row of grid y-coordinate `y` (a cell's top edge when whole).
  func row(_ y: Double) -> Int { originY + Self.cells(y * rowsPerCell) }

  /// `offset` rounded down to whole cells, kept within ±1,000,000 so that absurd coordinates from the wire clip
  /// instead of overflowing.
  static func cells(_ offset: Double) -> Int {
    guard offset.isFinite else { return 0 }
    return Int(min(max(offset.rounded(.down), -1_000_000), 1_000_000))
  }

  /// The canvas rectangle of a room, at least one cell each way.
  func rect(of room: Room) -> Rect {
    let left = column(Double(room.x))
    let top = row(Double(room.y))
    let right = column(Double(room.x) + Double(room.width))
    let bottom = row(Double(room.y) + Double(room.height))
    return Rect(x: left, y: top, width: max(1, right - left), height: max(1, bottom - top))
  }

  /// The canvas cell showing the centre of grid cell (`x`, `y`), clamped into `bounds` when it is not empty.
  func point(x: Double, y: Double, within bounds: Rect) -> (x: Int, y: Int) {
    var column = column(x + 0.5)
    var row = row(y + 0.5)
    if !bounds.isEmpty {
      column = min(max(column, bounds.x), bounds.maxX - 1)
      row = min(max(row, bounds.y), bounds.maxY - 1)
    }
    return (column, row)
  }
}
