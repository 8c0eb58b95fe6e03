import BulkheadCanvas
import BulkheadCore

/// The whole GM console: one frame drawn from a ``GMConsoleModel``.
///
/// - Below ``minimumWidth`` × ``minimumHeight`` only a centred `terminal too small — need 100×28` is drawn.
/// - Row 0: `BULKHEAD GM`, what the shared screen shows, the login state and the clock; while the connection is
///   lost (after the GM threshold, 2 failures) the reverse-video connection banner covers it.
/// - Left, the location list (``LocationListPanel``); middle, the live view framed as `PLAYERS' SCREEN` in the GM's
///   rendering (``PlayerFrame``'s views with role ``PlayerModel/Role/gm``: fogged rooms dim, ids visible) with the
///   cursor drawn in reverse video on its deck cell (`✛` / `+` where the cell is blank; the carried token at its drop
///   cell); right, the context panel
///   (``ConsoleContextPanel``).
/// - Last row: the status line — the last action's result, or the server's error in the alert role.
/// - Over the live view: the prompt or confirmation box; over everything: the help (`?`).
///
/// The output depends only on the arguments; every server and campaign string is sanitised before it is drawn.
public enum GMConsoleFrame {
  /// The smallest console drawn in full.
  public static let minimumWidth = GMConsoleLayout.minimumWidth
  /// The smallest console drawn in full.
  public static let minimumHeight = GMConsoleLayout.minimumHeight

  /// Draws `model` into a new `width` × `height` canvas with `glyphs`; `panels` (a theme's choice, `glyphs.box`
  /// when `nil`) frames the live view's own panels, and its portraits are drawn in `portraitMode`.
  public static func render(
    _ model: GMConsoleModel, width: Int, height: Int, glyphs: GlyphSet, panels: BoxGlyphs? = nil,
    portraitMode: PortraitMode = .ramp(.none)
  ) -> Canvas {
    let panels = glyphs == .ascii ? BoxGlyphs.ascii : panels ?? glyphs.box
    var canvas = Canvas(width: width, height: height)
    guard let layout = GMConsoleLayout(width: width, height: height) else {
      let text =
        "terminal too small " + glyphs.pick("—", "--") + " need \(minimumWidth)" + glyphs.pick("×", "x")
        + "\(minimumHeight)"
      PlayerFrame.centre(
        text, in: Rect(x: 0, y: height / 2, width: width, height: 1), style: .plain, glyphs: glyphs, on: &canvas)
      return canvas
    }
    drawHeader(model, width: width, glyphs: glyphs, on: &canvas)
    LocationListPanel(
      entries: model.listEntries, selection: model.listSelection,
      offset: layout.listOffset(selection: model.listSelection), focused: model.focus == .locations,
      payload: model.view.payload, glyphs: glyphs
    ).draw(into: &canvas, area: layout.list)
    drawLiveView(model, layout: layout, glyphs: glyphs, panels: panels, portraitMode: portraitMode, on: &canvas)
    ConsoleContextPanel(model: model, glyphs: glyphs).draw(into: &canvas, area: layout.context)
    drawStatus(model, in: layout.status, glyphs: glyphs, on: &canvas)
    ConsolePromptBox(prompt: model.prompt, confirmation: model.confirmation, glyphs: glyphs)
      .draw(into: &canvas, area: layout.view)
    if model.helpShown { ConsoleHelpOverlay(glyphs: glyphs).draw(into: &canvas, area: canvas.bounds) }
    if model.view.connectionLost { PlayerFrame.drawBanner(model.view, glyphs: glyphs, on: &canvas) }
    return canvas
  }

  /// The header row: the console's name, what the shared screen shows, the login and the clock.
  static func drawHeader(_ model: GMConsoleModel, width: Int, glyphs: GlyphSet, on canvas: inout Canvas) {
    let used = canvas.put(" BULKHEAD GM ", x: 0, y: 0, style: CellStyle(role: .title, bold: true, reverse: true))
    let right = (model.loggedIn ? "logged in" : "not logged in") + "  " + PlayerFrame.clean(model.view.clock, glyphs)
    let rightStyle = CellStyle(role: model.loggedIn ? .dim : .alert, dim: model.loggedIn)
    let rightX = width - 1 - DisplayWidth.of(right)
    canvas.put(right, x: rightX, y: 0, style: rightStyle)
    let room = rightX - used - 3
    canvas.put(
      glyphs.shorten(showing(model.view, glyphs: glyphs), to: room), x: used + 1, y: 0,
      style: CellStyle(role: .accent), maxWidth: room)
  }

  /// What the shared screen shows, e.g. `ENCOUNTER · Kestrel Dawn · DECK 1/2 · terminal bridge_terminal`.
  static func showing(_ view: PlayerModel, glyphs: GlyphSet) -> String {
    guard let payload = view.payload else { return "connecting" + glyphs.pick("…", "...") }
    var parts = ["players see " + payload.viewType.rawValue]
    if payload.viewType == .encounter {
      if let name = payload.locationName { parts.append(PlayerFrame.clean(name, glyphs)) }
      parts.append("DECK \(payload.encounterLevel)/\(payload.encounterTotalDecks ?? 1)")
    }
    if !payload.overlayTerminalSlug.isEmpty {
      parts.append("terminal " + PlayerFrame.clean(payload.overlayTerminalSlug, glyphs))
    }
    if payload.charonDialogOpen { parts.append("CHARON dialog") }
    return parts.joined(separator: glyphs.pick(" · ", " - "))
  }

  /// The framed live view, with the cursor over the deck map.
  static func drawLiveView(
    _ model: GMConsoleModel, layout: GMConsoleLayout, glyphs: GlyphSet, panels: BoxGlyphs, portraitMode: PortraitMode,
    on canvas: inout Canvas
  ) {
    canvas.fill(layout.viewFrame, with: Cell())
    canvas.box(layout.viewFrame, style: CellStyle(role: model.focus == .map ? .accent : .frame), glyphs: glyphs.box)
    canvas.put(" PLAYERS' SCREEN ", x: layout.viewFrame.x + 2, y: layout.viewFrame.y, style: CellStyle(role: .title))
    if let payload = model.view.payload {
      PlayerFrame.drawView(
        model.view, payload, in: layout.view, glyphs: glyphs, panels: panels, portraitMode: portraitMode,
        tokenKey: false, on: &canvas)
      if let notice = model.view.notice { PlayerFrame.drawNotice(notice, in: layout.view, glyphs: glyphs, on: &canvas) }
    } else {
      PlayerFrame.drawStartPanel(model.view, in: layout.view, glyphs: glyphs, panels: panels, on: &canvas)
    }
    drawCursor(model, layout: layout, glyphs: glyphs, on: &canvas)
  }

  /// The cursor: the cell under it in reverse video, or the carried token's glyph at its drop cell.
  static func drawCursor(_ model: GMConsoleModel, layout: GMConsoleLayout, glyphs: GlyphSet, on canvas: inout Canvas) {
    guard let cursor = model.cursor, model.deck != nil, !model.view.showsTerminal,
      model.view.payload?.charonDialogOpen != true,
      let point = layout.screenCell(of: cursor, model: model.view), canvas.bounds.contains(x: point.x, y: point.y)
    else { return }
    if let carried = model.carried {
      var style = MapSymbols.tokenStyle(carried.token.type, status: carried.token.status)
      style.reverse = true
      style.bold = true
      canvas.put(
        MapSymbols.tokenGlyph(carried.token.type, status: carried.token.status, glyphs: glyphs), x: point.x,
        y: point.y, style: style, maxWidth: 1)
      return
    }
    var cell = canvas[x: point.x, y: point.y]
    if cell.isContinuation { return }
    cell.style.reverse = true
    cell.style.bold = true
    if cell.grapheme == " " {
      cell.grapheme = MapSymbols.cursorGlyph(glyphs)
      cell.style.role = .accent
    }
    canvas.put(cell.grapheme, x: point.x, y: point.y, style: cell.style, maxWidth: 1)
  }

  /// The status line: the last result, or a hint before the first action.
  static func drawStatus(_ model: GMConsoleModel, in area: Rect, glyphs: GlyphSet, on canvas: inout Canvas) {
    let help = "? help  q quit"
    let helpX = area.maxX - 1 - DisplayWidth.of(help)
    canvas.put(help, x: helpX, y: area.y, style: CellStyle(role: .dim, dim: true))
    let status = model.status ?? GMConsoleModel.StatusLine("ready")
    let style = CellStyle(role: status.isError ? .alert : .ok, bold: status.isError)
    let room = helpX - 2
    canvas.put(
      glyphs.shorten(glyphs.restrict(UntrustedText.sanitize(status.text)), to: room), x: 1,
      y: area.y, style: style, maxWidth: room)
  }
}
