import BulkheadCanvas

/// The framed console panel the message-side views draw in: a box with a title set into its top edge, and
/// dividers that join the box's sides.
enum ConsolePanel {
  /// A rectangle `width` × `height` (each limited to the area) centred in `area`.
  static func centred(width: Int, height: Int, in area: Rect) -> Rect {
    let width = min(width, area.width)
    let height = min(height, area.height)
    return Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
  }

  /// Clears `rect` and a one-cell margin around it inside `area` (so its frame never runs into what lies under
  /// it), outlines it, and sets ` title ` into the top edge two cells from the left corner and ` trailing ` two cells from the
  /// right one (dropped when both do not fit).
  static func draw(
    _ rect: Rect, within area: Rect, title: String, trailing: String = "", frame: CellStyle, titleStyle: CellStyle,
    trailingStyle: CellStyle, glyphs: GlyphSet, on canvas: inout Canvas
  ) {
    guard rect.width >= 4, rect.height >= 2 else { return }
    canvas.fill(rect.inset(by: -1).intersection(area), with: Cell())
    canvas.box(rect, style: frame, glyphs: glyphs.box)
    let room = rect.width - 4
    let label = title.isEmpty ? "" : glyphs.shorten(" \(title) ", to: room)
    let used = canvas.put(label, x: rect.x + 2, y: rect.y, style: titleStyle, maxWidth: room)
    guard !trailing.isEmpty else { return }
    let tail = " \(trailing) "
    let tailWidth = DisplayWidth.of(tail)
    guard used + 1 + tailWidth <= room else { return }
    canvas.put(tail, x: rect.maxX - 2 - tailWidth, y: rect.y, style: trailingStyle)
  }

  /// A horizontal divider across `rect` at row `y`, joined to its sides (`├─┤`, ASCII `+-+`).
  static func divider(y: Int, in rect: Rect, style: CellStyle, glyphs: GlyphSet, on canvas: inout Canvas) {
    guard rect.width >= 2 else { return }
    let line =
      glyphs.pick("├", "+") + String(repeating: glyphs.box.horizontal, count: rect.width - 2) + glyphs.pick("┤", "+")
    canvas.put(line, x: rect.x, y: y, style: style)
  }

  /// `text` written from `x` in row `y`, shortened to at most `width` columns; returns the columns written.
  @discardableResult
  static func write(
    _ text: String, x: Int, y: Int, width: Int, style: CellStyle, glyphs: GlyphSet, on canvas: inout Canvas
  ) -> Int {
    guard width > 0 else { return 0 }
    return canvas.put(glyphs.shorten(text, to: width), x: x, y: y, style: style, maxWidth: width)
  }
}
