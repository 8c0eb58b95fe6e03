import BulkheadCanvas
import BulkheadCore

/// The ENCOUNTER legend: each token the map shows, with its glyph (and status mark), its name and its statuses;
/// for the GM also each token's id and every door's id with its live status.
///
/// Drawn beside the map when the view is wide enough (``minimumViewWidth``): a framed column `TOKENS`, one row per
/// token in the map's order, then (GM) a framed column `DOORS`; `+N more` where rows do not all fit. Names, ids and
/// statuses come from the server and are sanitised.
public struct EncounterLegend: Widget {
  /// The tokens, as ``DeckMapView/visibleTokens`` lists them.
  public var tokens: [Token]
  /// The doors to list with their live status (the GM's view); empty for players.
  public var doors: [(id: String, status: DoorStatus)]
  /// Whether token ids are shown (the GM's view).
  public var showsIDs: Bool
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// The columns the legend takes.
  public static let width = 28
  /// The narrowest ENCOUNTER area that gets a legend: the map keeps at least 92 columns.
  public static let minimumViewWidth = 120

  /// A legend of `tokens` (with their ids when `showsIDs`) and `doors` drawn with `glyphs`.
  public init(
    tokens: [(id: String, token: Token)], doors: [(id: String, status: DoorStatus)] = [], showsIDs: Bool = false,
    glyphs: GlyphSet
  ) {
    self.tokens = tokens.map(\.token)
    tokenIDs = tokens.map(\.id)
    self.doors = doors
    self.showsIDs = showsIDs
    self.glyphs = glyphs
  }

  /// The ids of ``tokens``, in the same order.
  private let tokenIDs: [String]

  /// Whether there is anything to list.
  public var isEmpty: Bool { tokens.isEmpty && doors.isEmpty }

  /// Draws the legend in `area` (its full height at most; clipped to the canvas).
  public func draw(into canvas: inout Canvas, area: Rect) {
    var top = area.y
    if !tokens.isEmpty {
      top = drawTokens(into: &canvas, area: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top))
    }
    if !doors.isEmpty {
      drawDoors(into: &canvas, area: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top))
    }
  }

  /// The tokens' panel at the top of `area`; returns the row below it.
  private func drawTokens(into canvas: inout Canvas, area: Rect) -> Int {
    guard area.width >= 12, area.height >= 3 else { return area.y }
    let height = min(area.height, tokens.count + 2)
    let frame = Rect(x: area.x, y: area.y, width: area.width, height: height)
    canvas.fill(frame, with: Cell())
    canvas.box(frame, style: CellStyle(role: .frame), glyphs: glyphs.box)
    canvas.put(" TOKENS ", x: frame.x + 2, y: frame.y, style: CellStyle(role: .title, bold: true))
    let rows = height - 2
    let shown = tokens.count > rows ? rows - 1 : rows
    for (index, token) in tokens.prefix(shown).enumerated() {
      let y = frame.y + 1 + index
      var x = frame.x + 2
      let style = MapSymbols.tokenStyle(token.type, status: token.status)
      x += canvas.put(
        MapSymbols.tokenGlyph(token.type, status: token.status, glyphs: glyphs), x: x, y: y, style: style)
      if let mark = MapSymbols.statusMark(token.status) {
        canvas.put(mark.glyph, x: x, y: y, style: CellStyle(role: mark.role, bold: true))
      }
      x += 2
      let statuses = token.status.map { PlayerFrame.clean($0, glyphs).lowercased() }.filter { !$0.isEmpty }
        .joined(separator: " ")
      let room = frame.maxX - 2 - x
      var name = PlayerFrame.clean(token.name, glyphs)
      if showsIDs { name = PlayerFrame.clean(tokenIDs[index], glyphs) + " " + name }
      let nameWidth = statuses.isEmpty ? room : min(DisplayWidth.of(name), max(6, room - DisplayWidth.of(statuses) - 1))
      let used = canvas.put(
        glyphs.shorten(name, to: nameWidth), x: x, y: y, style: CellStyle(role: .text),
        maxWidth: nameWidth)
      if !statuses.isEmpty, room - used - 1 > 0 {
        canvas.put(
          glyphs.shorten(statuses, to: room - used - 1), x: x + used + 1, y: y,
          style: CellStyle(role: .dim, dim: true), maxWidth: room - used - 1)
      }
    }
    if shown < tokens.count {
      canvas.put("+\(tokens.count - shown) more", x: frame.x + 2, y: frame.maxY - 2, style: CellStyle(role: .dim))
    }
    return frame.maxY
  }

  /// The doors' panel at the top of `area`: each door's id and live status, drawn with its map glyph.
  private func drawDoors(into canvas: inout Canvas, area: Rect) {
    guard area.width >= 12, area.height >= 3 else { return }
    let height = min(area.height, doors.count + 2)
    let frame = Rect(x: area.x, y: area.y, width: area.width, height: height)
    canvas.fill(frame, with: Cell())
    canvas.box(frame, style: CellStyle(role: .frame), glyphs: glyphs.box)
    canvas.put(" DOORS ", x: frame.x + 2, y: frame.y, style: CellStyle(role: .title, bold: true))
    let rows = height - 2
    let shown = doors.count > rows ? rows - 1 : rows
    for (index, door) in doors.prefix(shown).enumerated() {
      let y = frame.y + 1 + index
      let style = MapSymbols.doorStyle(door.status, doorType: "")
      canvas.put(MapSymbols.doorGlyph(door.status, glyphs: glyphs), x: frame.x + 2, y: y, style: style)
      let status = door.status.rawValue
      let room = frame.width - 6
      let idWidth = max(4, room - status.count - 1)
      let used = canvas.put(
        glyphs.shorten(PlayerFrame.clean(door.id, glyphs), to: idWidth), x: frame.x + 4, y: y,
        style: CellStyle(role: .text), maxWidth: idWidth)
      canvas.put(status, x: frame.x + 5 + used, y: y, style: style, maxWidth: room - used - 1)
    }
    if shown < doors.count {
      canvas.put("+\(doors.count - shown) more", x: frame.x + 2, y: frame.maxY - 2, style: CellStyle(role: .dim))
    }
  }
}
