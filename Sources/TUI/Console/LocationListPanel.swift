import BulkheadCanvas
import BulkheadCore

/// The GM console's location list: the views that need no location, then the campaign's locations with maps or
/// terminals; the entry on the shared screen is marked, the selected one highlighted while the list has the focus.
struct LocationListPanel: Widget {
  /// The rows.
  var entries: [GMConsoleModel.ListEntry]
  /// The selected row.
  var selection: Int
  /// The first row shown.
  var offset: Int
  /// Whether the list has the focus.
  var focused: Bool
  /// The shared screen's payload, to mark the entry it shows.
  var payload: ActiveViewPayload?
  /// UTF-8 or ASCII glyphs.
  var glyphs: GlyphSet

  func draw(into canvas: inout Canvas, area: Rect) {
    guard area.width >= 8, area.height >= 3 else { return }
    canvas.fill(area, with: Cell())
    canvas.box(area, style: CellStyle(role: focused ? .accent : .frame), glyphs: glyphs.box)
    canvas.put(" LOCATIONS ", x: area.x + 2, y: area.y, style: CellStyle(role: .title, bold: true))
    let rows = area.inset(by: 1)
    for (index, entry) in entries.enumerated().dropFirst(offset).prefix(rows.height) {
      let y = rows.y + index - offset
      let live = isLive(entry)
      let selected = focused && index == selection
      let style = CellStyle(role: live ? .accent : .text, bold: live, reverse: selected)
      if selected { canvas.fill(Rect(x: rows.x, y: y, width: rows.width, height: 1), with: Cell(style: style)) }
      canvas.put(live ? glyphs.pick("▶", ">") : " ", x: rows.x, y: y, style: style)
      let (name, detail) = label(entry)
      let room = rows.width - 2 - (detail.isEmpty ? 0 : DisplayWidth.of(detail) + 1)
      canvas.put(glyphs.shorten(name, to: room), x: rows.x + 2, y: y, style: style, maxWidth: room)
      if !detail.isEmpty {
        var dim = CellStyle(role: .dim, reverse: selected)
        dim.dim = !selected
        canvas.put(detail, x: rows.maxX - DisplayWidth.of(detail), y: y, style: dim)
      }
    }
  }

  /// Whether the shared screen shows `entry`.
  private func isLive(_ entry: GMConsoleModel.ListEntry) -> Bool {
    guard let payload else { return false }
    switch entry {
    case .view(let type): return type == payload.viewType
    case .location(let location): return payload.viewType == .encounter && payload.locationSlug == location.slug
    }
  }

  /// A row's name and its short note (`map`, terminals `T2`).
  private func label(_ entry: GMConsoleModel.ListEntry) -> (String, String) {
    switch entry {
    case .view(let type):
      return (String(type.rawValue.map { $0 == "_" ? " " : $0 }), "")
    case .location(let location):
      var notes: [String] = []
      if location.hasMap { notes.append("map") }
      if !location.terminals.isEmpty { notes.append("T\(location.terminals.count)") }
      return (PlayerFrame.clean(location.name, glyphs), notes.joined(separator: " "))
    }
  }
}
