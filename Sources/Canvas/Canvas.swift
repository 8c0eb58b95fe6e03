/// The six glyphs a ``Canvas/box(_:style:glyphs:)`` is drawn with.
///
/// Each glyph should be a single one-column grapheme; anything else is drawn as a space.
public struct BoxGlyphs: Sendable, Hashable {
  /// The top and bottom edges.
  public var horizontal: String
  /// The left and right edges.
  public var vertical: String
  /// The top-left corner.
  public var topLeft: String
  /// The top-right corner.
  public var topRight: String
  /// The bottom-left corner.
  public var bottomLeft: String
  /// The bottom-right corner.
  public var bottomRight: String

  /// Creates a glyph set.
  public init(
    horizontal: String, vertical: String, topLeft: String, topRight: String, bottomLeft: String,
    bottomRight: String
  ) {
    self.horizontal = horizontal
    self.vertical = vertical
    self.topLeft = topLeft
    self.topRight = topRight
    self.bottomLeft = bottomLeft
    self.bottomRight = bottomRight
  }

  /// Light Unicode box drawing: `─│┌┐└┘`.
  public static let unicode = BoxGlyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")

  /// Heavy Unicode box drawing: `━┃┏┓┗┛`.
  public static let heavy = BoxGlyphs(
    horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")

  /// Plain ASCII, for terminals whose codeset is not UTF-8: `-|++++`.
  public static let ascii = BoxGlyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

/// A pure grid of ``Cell``s, `width` columns by `height` rows: what widgets draw into and screens output.
///
/// All drawing clips at the canvas edges, so callers may pass coordinates partly or wholly outside it. The canvas
/// keeps these invariants whatever is drawn:
/// - a cell never holds a control character (C0, DEL or C1); such scalars are stored as `?`;
/// - a wide grapheme is a lead cell followed by exactly one continuation cell in the same row, and a continuation
///   cell never appears without its lead: overwriting either half of a wide grapheme blanks the other half.
public struct Canvas: Sendable, Equatable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The cells in row-major order.
  private var cells: [Cell]
  /// The pictures placed over cells (``place(_:over:)``) that nothing has been drawn over since, in placing order.
  public private(set) var images: [CanvasImage] = []

  /// A canvas of blank cells in `style`; negative sizes count as 0.
  public init(width: Int, height: Int, style: CellStyle = .plain) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(style: style), count: self.width * self.height)
  }

  /// The whole canvas as a rectangle at the origin.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at column `x`, row `y`; both must lie inside the canvas.
  public subscript(x x: Int, y y: Int) -> Cell {
    precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is outside the canvas")
    return cells[y * width + x]
  }

  /// Writes `text` grapheme by grapheme from column `x` of row `y` and returns the columns it advanced.
  ///
  /// - A wide grapheme takes two cells; one that does not fit before the right limit is replaced by a space,
  ///   and so is one whose left half would fall left of column 0.
  /// - A zero-width grapheme (e.g. a lone combining mark or ZERO WIDTH JOINER) is appended to the grapheme
  ///   written just before it by this call, or dropped when there is none.
  /// - Control characters are replaced by `?` (callers should strip them first; this is a last defence).
  /// - Writing stops at the canvas's right edge and, when `maxWidth` is given, after `maxWidth` columns.
  ///
  /// The result counts the columns advanced from `x`, including any clipped off the left edge, so it can be added
  /// to `x` to continue writing; it never exceeds `maxWidth`.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < height else { return 0 }
    var limit = width
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    var column = x
    var lastLead: Int?
    for character in Self.sanitized(text) {
      let columns = DisplayWidth.of(character)
      if columns == 0 {
        if let lead = lastLead { cells[y * width + lead].grapheme.append(character) }
        continue
      }
      guard column < limit else { break }
      if columns == 2 && (column + 1 >= limit || column < 0) {
        if column + 1 >= limit {
          if column >= 0 { store(Cell(style: style), x: column, y: y) }
          column += 1
          break
        }
        if column == -1 { store(Cell(style: style), x: 0, y: y) }
        lastLead = nil
        column += 2
        continue
      }
      if column < 0 {
        lastLead = nil
        column += columns
        continue
      }
      store(Cell(grapheme: String(character), style: style), x: column, y: y)
      if columns == 2 {
        store(Cell(grapheme: "", style: style, isContinuation: true), x: column + 1, y: y)
      }
      lastLead = column
      column += columns
    }
    return column - x
  }

  /// Sets every cell of `rect` (clipped to the canvas) to `cell`.
  ///
  /// The fill cell must be one column wide: a wide or zero-width grapheme is drawn as a space, a control
  /// character as `?`, and `isContinuation` is ignored.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let narrow = Cell(grapheme: Self.narrowGlyph(cell.grapheme), style: cell.style)
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX { store(narrow, x: column, y: row) }
    }
  }

  /// Draws the outline of `rect` with `glyphs`, clipped to the canvas; the inside is left untouched.
  ///
  /// A rectangle one cell high or wide degenerates to a line with its end corners.
  public mutating func box(_ rect: Rect, style: CellStyle, glyphs: BoxGlyphs) {
    guard !rect.isEmpty else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    let horizontal = Self.narrowGlyph(glyphs.horizontal)
    let vertical = Self.narrowGlyph(glyphs.vertical)
    let columns = max(rect.x + 1, 0)..<max(max(rect.x + 1, 0), min(right, width))
    for column in columns {
      glyph(horizontal, x: column, y: rect.y, style: style)
      glyph(horizontal, x: column, y: bottom, style: style)
    }
    for row in max(rect.y + 1, 0)..<max(max(rect.y + 1, 0), min(bottom, height)) {
      glyph(vertical, x: rect.x, y: row, style: style)
      glyph(vertical, x: right, y: row, style: style)
    }
    glyph(Self.narrowGlyph(glyphs.topLeft), x: rect.x, y: rect.y, style: style)
    glyph(Self.narrowGlyph(glyphs.topRight), x: right, y: rect.y, style: style)
    glyph(Self.narrowGlyph(glyphs.bottomLeft), x: rect.x, y: bottom, style: style)
    glyph(Self.narrowGlyph(glyphs.bottomRight), x: right, y: bottom, style: style)
  }

  /// Stores a one-column glyph at a cell if the cell lies inside the canvas; the caller vouches that `grapheme` is
  /// one printable column (pictures use it to skip ``put(_:x:y:style:maxWidth:)``'s segmentation).
  public mutating func glyph(_ grapheme: String, x: Int, y: Int, style: CellStyle) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    store(Cell(grapheme: grapheme, style: style), x: x, y: y)
  }

  /// Places `image` over `area` (clipped to the canvas) for outputs that show pictures; the caller has drawn the
  /// cells under it as text already. Any later write to a cell of the area drops the placement.
  public mutating func place(_ image: RGBAImage, over area: Rect) {
    let clipped = area.intersection(bounds)
    guard !clipped.isEmpty, image.width > 0, image.height > 0 else { return }
    images.append(CanvasImage(image: image, area: clipped))
  }

  // MARK: - Internals

  /// Stores `cell` at an in-bounds position, first blanking the other half of any wide grapheme it breaks.
  private mutating func store(_ cell: Cell, x: Int, y: Int) {
    let index = y * width + x
    if !images.isEmpty { images.removeAll { $0.area.contains(x: x, y: y) } }
    if cells[index].isContinuation && x > 0 {
      cells[index - 1] = Cell(style: cells[index - 1].style)
    }
    if x + 1 < width && cells[index + 1].isContinuation {
      cells[index + 1] = Cell(style: cells[index + 1].style)
    }
    cells[index] = cell
  }

  /// `true` for the scalars a terminal would interpret rather than show: C0, DEL and C1.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// `text` with every control scalar replaced by `?`.
  static func sanitized(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? "?" : scalar) }
    return String(scalars)
  }

  /// `grapheme` when it is a single one-column grapheme after sanitising, otherwise a space.
  static func narrowGlyph(_ grapheme: String) -> String {
    let clean = sanitized(grapheme)
    guard clean.count == 1, let character = clean.first, DisplayWidth.of(character) == 1 else { return " " }
    return clean
  }
}
