import BulkheadCore

/// The ENCOUNTER legend: each token the map shows, with its glyph (and status mark), its name and its statuses.
///
/// Drawn beside the map when the view is wide enough (``minimumViewWidth``); a framed column `TOKENS`, one row per
/// token in the map's order, `+N more` when they do not all fit. Names and statuses come from the server and are
/// sanitised.
public struct TokenLegend: Sendable {
  /// The tokens, as ``DeckMapView/visibleTokens`` lists them.
  public var tokens: [Token]
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// The columns the legend takes.
  public static let width = 28
  /// The narrowest ENCOUNTER area that gets a legend: the map keeps at least 92 columns.
  public static let minimumViewWidth = 120

  /// A legend of `tokens` drawn with `glyphs`.
  public init(tokens: [Token], glyphs: GlyphSet) {
    self.tokens = tokens
    self.glyphs = glyphs
  }

  /// Draws the legend in `area` (its full height at most; clipped to the canvas).
  public func draw(into canvas: inout Canvas, area: Rect) {
    guard area.width >= 12, area.height >= 3, !tokens.isEmpty else { return }
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
      let style = DeckMapView.tokenStyle(token.type, status: token.status)
      x += canvas.put(
        DeckMapView.tokenGlyph(token.type, status: token.status, glyphs: glyphs), x: x, y: y, style: style)
      if let mark = DeckMapView.statusMark(token.status) {
        canvas.put(mark.glyph, x: x, y: y, style: CellStyle(role: mark.role, bold: true))
      }
      x += 2
      let statuses = token.status.map { PlayerFrame.clean($0, glyphs).lowercased() }.filter { !$0.isEmpty }
        .joined(separator: " ")
      let room = frame.maxX - 1 - x
      let name = PlayerFrame.clean(token.name, glyphs)
      let nameWidth = statuses.isEmpty ? room : min(DisplayWidth.of(name), max(6, room - DisplayWidth.of(statuses) - 1))
      let used = canvas.put(
        DeckMapView.shorten(name, to: nameWidth, glyphs: glyphs), x: x, y: y, style: CellStyle(role: .text),
        maxWidth: nameWidth)
      if !statuses.isEmpty, room - used - 1 > 0 {
        canvas.put(
          DeckMapView.shorten(statuses, to: room - used - 1, glyphs: glyphs), x: x + used + 1, y: y,
          style: CellStyle(role: .dim, dim: true), maxWidth: room - used - 1)
      }
    }
    if shown < tokens.count {
      canvas.put("+\(tokens.count - shown) more", x: frame.x + 2, y: frame.maxY - 2, style: CellStyle(role: .dim))
    }
  }
}
