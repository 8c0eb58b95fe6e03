/// An axis-aligned rectangle of terminal cells.
///
/// `x` and `y` name the top-left cell; `width` and `height` count cells. A rectangle may lie partly or wholly
/// outside a canvas: drawing clips it. A non-positive width or height makes the rectangle empty.
public struct Rect: Sendable, Hashable {
  /// The column of the left edge.
  public var x: Int
  /// The row of the top edge.
  public var y: Int
  /// The number of columns.
  public var width: Int
  /// The number of rows.
  public var height: Int

  /// Creates a rectangle from its top-left cell and its size.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The empty rectangle at the origin.
  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  /// `true` when the rectangle holds no cell.
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// The column just right of the rectangle (exclusive bound).
  public var maxX: Int { x + max(0, width) }

  /// The row just below the rectangle (exclusive bound).
  public var maxY: Int { y + max(0, height) }

  /// The rectangle shrunk by `amount` cells on every side; never a negative size.
  public func inset(by amount: Int) -> Rect {
    Rect(
      x: x + amount, y: y + amount,
      width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
  }

  /// The cells both rectangles share, or an empty rectangle when they share none.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard left < right, top < bottom, !isEmpty, !other.isEmpty else {
      return Rect(x: left, y: top, width: 0, height: 0)
    }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// `true` when the cell at column `x`, row `y` lies inside the rectangle.
  public func contains(x column: Int, y row: Int) -> Bool {
    column >= x && column < maxX && row >= y && row < maxY
  }
}
