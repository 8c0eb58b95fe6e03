import BulkheadCanvas
import BulkheadCore

/// The whole player display: one frame of the active view drawn from a ``PlayerModel``.
///
/// - Below ``minimumWidth`` × ``minimumHeight`` only a centred `terminal too small — need 60×18` is drawn.
/// - While the connection is lost the top line becomes a full-width reverse-video ``ColorRole/banner`` line
///   `CONNECTION LOST — RETRYING… (attempt N, next in S s)` drawn over the view, whose layout stays as it was (so
///   the map does not jump when the connection flaps).
/// - Before the first payload: a centred `CONNECTING…` panel; when the server sent something the display could not
///   take (a view it cannot read, an event over its size limit), the panel says so instead, with the field and the
///   reason or the size and the limit (``StreamNotice``). After the first payload such a notice is the top line, over
///   the last view that read.
/// - STANDBY: a centred framed panel with the ship's name (else the location's, else `BULKHEAD`), the clock and
///   `STANDBY`.
/// - ENCOUNTER: a header (location, deck name, `DECK n/N`) over the deck map (``DeckMapView``), a legend of the
///   tokens (for the GM with their ids, and the doors' ids and statuses) beside it when the view is wide enough
///   (``EncounterLegend``), else a compact key of the tokens in one or two lines under it (``TokenKey``), and the
///   active portraits (``PortraitCard``: the image drawn in `portraitMode`, a
///   hand-drawn text portrait or the initials, with the name and role) side by side along the bottom of the map
///   area, over the map, shrunk to fit.
/// - SHIP_DASHBOARD (``ShipDashboardView``), BRIDGE (``BridgeView``), MESSAGES and COMM_TERMINAL
///   (``MessagesView``), CHARON_TERMINAL (``CharonView``); a note while their data is being read.
/// - The latest broadcast in the bottom row (``MessageTicker``) except on the views that list messages; over the
///   view the CHARON dialog, the comm-terminal overlay (``CommTerminalOverlay``) and a new urgent message
///   (``BroadcastPopover``), in that order.
///
/// Every string from the payload passes through ``UntrustedText/sanitize(_:lineBreak:)``; the output depends only
/// on the arguments.
public enum PlayerFrame {
  /// The smallest frame drawn in full.
  public static let minimumWidth = 60
  /// The smallest frame drawn in full.
  public static let minimumHeight = 18

  /// Draws `model` into a new `width` × `height` canvas with `glyphs`; `panels` (a theme's choice, `glyphs.box`
  /// when `nil`) frames the STANDBY and CONNECTING panel and the portrait cards, and portrait images are drawn in
  /// `portraitMode`.
  public static func render(
    _ model: PlayerModel, width: Int, height: Int, glyphs: GlyphSet, panels: BoxGlyphs? = nil,
    portraitMode: PortraitMode = .ramp(.none)
  ) -> Canvas {
    let panels = glyphs == .ascii ? BoxGlyphs.ascii : panels ?? glyphs.box
    var canvas = Canvas(width: width, height: height)
    guard width >= minimumWidth, height >= minimumHeight else {
      let text =
        "terminal too small " + glyphs.pick("—", "--") + " need \(minimumWidth)"
        + glyphs.pick("×", "x") + "\(minimumHeight)"
      centre(text, in: Rect(x: 0, y: height / 2, width: width, height: 1), style: .plain, glyphs: glyphs, on: &canvas)
      return canvas
    }
    if let payload = model.payload {
      drawView(
        model, payload, in: canvas.bounds, glyphs: glyphs, panels: panels, portraitMode: portraitMode, on: &canvas)
      if let notice = model.notice { drawNotice(notice, in: canvas.bounds, glyphs: glyphs, on: &canvas) }
    } else {
      drawStartPanel(model, in: canvas.bounds, glyphs: glyphs, panels: panels, on: &canvas)
    }
    if model.connectionLost { drawBanner(model, glyphs: glyphs, on: &canvas) }
    return canvas
  }

  /// The text of the connection banner.
  public static func bannerText(_ model: PlayerModel, glyphs: GlyphSet) -> String {
    var text = "CONNECTION LOST " + glyphs.pick("—", "--") + " RETRYING" + glyphs.pick("…", "...")
    if let seconds = model.secondsToRetry {
      text += " (attempt \(model.attempt), next in \(seconds) s)"
    } else {
      text += " (attempt \(model.attempt))"
    }
    return text
  }

  /// The active view in `area`, with the message ticker along its bottom row (except on the views that list the
  /// messages) and the overlays over it (below the ENCOUNTER header): the CHARON dialog, the comm terminal, then an
  /// urgent message. `tokenKey` `false` leaves the ENCOUNTER's ``TokenKey`` out (the GM console lists the tokens in
  /// its own panel).
  static func drawView(
    _ model: PlayerModel, _ payload: ActiveViewPayload, in area: Rect, glyphs: GlyphSet, panels: BoxGlyphs,
    portraitMode: PortraitMode = .ramp(.none), tokenKey: Bool = true, on canvas: inout Canvas
  ) {
    var view = area
    let listsMessages = payload.viewType == .messages || payload.viewType == .commTerminal
    if let latest = model.messages.first, !listsMessages {
      view.height -= 1
      MessageTicker(message: latest, glyphs: glyphs).draw(
        into: &canvas, area: Rect(x: area.x, y: view.maxY, width: area.width, height: 1))
    }
    switch payload.viewType {
    case .standby:
      let title = [model.ship?.name, payload.locationName].compactMap { $0.map { clean($0, glyphs) } }
        .first { !$0.isEmpty }
      drawPanel(
        title: title ?? "BULKHEAD", clock: model.clock, subtitle: "STANDBY", in: view, glyphs: glyphs, box: panels,
        on: &canvas)
    case .encounter:
      let coveredByOverlay = model.showsTerminal || payload.charonDialogOpen
      drawEncounter(
        payload, deck: model.deck, role: model.role,
        portraits: coveredByOverlay
          ? [] : portraitCards(model, payload, mode: portraitMode, glyphs: glyphs, box: panels),
        tokenKey: tokenKey, in: view, glyphs: glyphs, on: &canvas)
    case .shipDashboard:
      if let ship = model.ship {
        ShipDashboardView(status: ship, glyphs: glyphs).draw(into: &canvas, area: view)
      } else {
        drawNote("reading ship status" + glyphs.pick("…", "..."), in: view, glyphs: glyphs, on: &canvas)
      }
    case .bridge:
      if model.starMap != nil || model.starMapMissing {
        let current = model.starMap.flatMap { map in
          map.systemIndex(location: payload.locationSlug).map { map.systems[$0] }
        }
        BridgeView(
          starMap: model.starMap, currentSystemSlug: current?.slug, locationName: payload.locationName ?? current?.name,
          glyphs: glyphs
        ).draw(into: &canvas, area: view)
      } else {
        drawNote("reading star map" + glyphs.pick("…", "..."), in: view, glyphs: glyphs, on: &canvas)
      }
    case .messages, .commTerminal:
      let title = payload.viewType == .messages ? "MESSAGES" : "COMM TERMINAL"
      MessagesView(messages: model.messages, title: title, glyphs: glyphs).draw(into: &canvas, area: view)
    case .charonTerminal:
      CharonView(
        conversation: model.charon, mode: payload.charonMode, channel: payload.charonActiveChannel,
        query: model.query, layout: .full, glyphs: glyphs
      ).draw(into: &canvas, area: view)
    }
    let under = payload.viewType == .encounter ? mapArea(in: view) : view
    if payload.charonDialogOpen, payload.viewType != .charonTerminal {
      CharonView(
        conversation: model.charon, mode: payload.charonMode, channel: payload.charonActiveChannel,
        query: model.query, layout: .dialog, glyphs: glyphs
      ).draw(into: &canvas, area: under)
    }
    if model.showsTerminal {
      CommTerminalOverlay(
        inbox: model.terminal, selection: model.inboxSelection,
        openedMessage: model.messageOpen ? model.inboxSelection : nil, glyphs: glyphs
      ).draw(into: &canvas, area: under)
    }
    if let popover = model.popover {
      BroadcastPopover(message: popover, glyphs: glyphs).draw(into: &canvas, area: under)
    }
  }

  /// The rows of the encounter map inside the view's `area`: everything below the header and its rule.
  static func mapArea(in area: Rect) -> Rect {
    Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
  }

  // MARK: - Pieces

  /// Payload text made safe and drawable in `glyphs`.
  static func clean(_ text: String, _ glyphs: GlyphSet) -> String {
    glyphs.restrict(UntrustedText.sanitize(text))
  }

  /// Writes `text`, shortened to fit, centred in the first row of `rect`.
  static func centre(_ text: String, in rect: Rect, style: CellStyle, glyphs: GlyphSet, on canvas: inout Canvas) {
    guard rect.width > 0 else { return }
    let fitted = glyphs.shorten(text, to: rect.width)
    let x = rect.x + (rect.width - DisplayWidth.of(fitted)) / 2
    canvas.put(fitted, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
  }

  static func drawBanner(_ model: PlayerModel, glyphs: GlyphSet, on canvas: inout Canvas) {
    let style = CellStyle(role: .banner, bold: true, reverse: true)
    canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), with: Cell(style: style))
    centre(
      bannerText(model, glyphs: glyphs), in: Rect(x: 1, y: 0, width: canvas.width - 2, height: 1),
      style: style, glyphs: glyphs, on: &canvas)
  }

  /// The panel before the first payload in `area`: `CONNECTING…`, or the model's notice (what the server sent that
  /// the display could not take, and why).
  static func drawStartPanel(
    _ model: PlayerModel, in area: Rect, glyphs: GlyphSet, panels: BoxGlyphs?, on canvas: inout Canvas
  ) {
    if let notice = model.notice {
      drawPanel(
        title: "BULKHEAD", clock: model.clock, subtitle: notice.headline, detail: clean(notice.detail, glyphs),
        in: area, glyphs: glyphs, box: panels, on: &canvas)
    } else {
      drawPanel(
        title: "BULKHEAD", clock: model.clock, subtitle: "CONNECTING" + glyphs.pick("…", "..."),
        in: area, glyphs: glyphs, box: panels, on: &canvas)
    }
  }

  /// `notice` as a warning line across the top row of `area`: the headline, then the detail, shortened to fit.
  static func drawNotice(_ notice: StreamNotice, in area: Rect, glyphs: GlyphSet, on canvas: inout Canvas) {
    let style = CellStyle(role: .warning, bold: true, reverse: true)
    let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    canvas.fill(line, with: Cell(style: style))
    centre(
      notice.headline + ": " + clean(notice.detail, glyphs),
      in: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), style: style, glyphs: glyphs,
      on: &canvas)
  }

  /// A panel framed with `box` (`glyphs.box` when `nil`) centred in `area`: the title, the clock, a quiet
  /// subtitle and, when given, a detail line under it.
  static func drawPanel(
    title: String, clock: String, subtitle: String, detail: String? = nil, in area: Rect, glyphs: GlyphSet,
    box: BoxGlyphs? = nil, on canvas: inout Canvas
  ) {
    let lines = [title, clock, subtitle, detail ?? ""]
    let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
    let width = min(area.width - 2, max(40, widest + 8))
    let height = min(area.height - 2, detail == nil ? 9 : 11)
    let panel = Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
      width: width, height: height)
    canvas.fill(panel, with: Cell())
    canvas.box(panel, style: CellStyle(role: .frame), glyphs: box ?? glyphs.box)
    let inner = panel.inset(by: 2)
    let top = panel.y + (panel.height - (detail == nil ? 5 : 7)) / 2
    centre(
      title, in: Rect(x: inner.x, y: top, width: inner.width, height: 1),
      style: CellStyle(role: .title, bold: true), glyphs: glyphs, on: &canvas)
    centre(
      glyphs.restrict(UntrustedText.sanitize(clock)), in: Rect(x: inner.x, y: top + 2, width: inner.width, height: 1),
      style: CellStyle(role: .accent), glyphs: glyphs, on: &canvas)
    centre(
      subtitle, in: Rect(x: inner.x, y: top + 4, width: inner.width, height: 1),
      style: detail == nil ? CellStyle(role: .dim, dim: true) : CellStyle(role: .warning, bold: true), glyphs: glyphs,
      on: &canvas)
    if let detail {
      centre(
        detail, in: Rect(x: inner.x, y: top + 6, width: inner.width, height: 1), style: CellStyle(role: .warning),
        glyphs: glyphs, on: &canvas)
    }
  }

  /// The ENCOUNTER view: header, rule, deck map with its legend beside it or (`tokenKey`) its key under it, and the
  /// `portraits` over its bottom.
  static func drawEncounter(
    _ payload: ActiveViewPayload, deck: Deck?, role: PlayerModel.Role, portraits: [PortraitCard] = [],
    tokenKey: Bool = true, in area: Rect, glyphs: GlyphSet, on canvas: inout Canvas
  ) {
    let location = clean(payload.locationName ?? "", glyphs)
    let deckName = clean(payload.encounterDeckName ?? deck?.name ?? "", glyphs)
    let level = "DECK \(payload.encounterLevel)/\(payload.encounterTotalDecks ?? 1)"
    let separator = glyphs.pick(" · ", " - ")
    let left = [location.isEmpty ? "BULKHEAD" : location, deckName].filter { !$0.isEmpty }.joined(separator: separator)
    let titleStyle = CellStyle(role: .title, bold: true)
    let levelX = area.maxX - 1 - DisplayWidth.of(level)
    canvas.put(level, x: levelX, y: area.y, style: CellStyle(role: .accent, bold: true))
    let room = max(0, levelX - 3)
    canvas.put(
      glyphs.shorten(left, to: room), x: area.x + 1, y: area.y, style: titleStyle,
      maxWidth: room)
    let rule = String(repeating: glyphs.box.horizontal, count: max(0, area.width))
    canvas.put(rule, x: area.x, y: area.y + 1, style: CellStyle(role: .frame))

    var map = mapArea(in: area)
    if let deck {
      let view = DeckMapView(
        deck: deck, roomVisibility: payload.encounterRoomVisibility, doorStatus: payload.encounterDoorStatus,
        tokens: payload.encounterTokens, glyphs: glyphs, showFogged: role == .gm)
      let legend = EncounterLegend(
        tokens: view.visibleTokens, doors: role == .gm ? view.doors : [], showsIDs: role == .gm, glyphs: glyphs)
      if map.width >= EncounterLegend.minimumViewWidth {
        if !legend.isEmpty {
          map.width -= EncounterLegend.width + 1
          legend.draw(
            into: &canvas, area: Rect(x: map.maxX + 1, y: map.y, width: EncounterLegend.width, height: map.height))
        }
      } else if tokenKey {
        let key = TokenKey(tokens: view.visibleTokens, showsIDs: role == .gm, glyphs: glyphs)
        let rows = min(key.rows(forWidth: map.width), max(0, map.height - minimumMapRows))
        var drawn = map
        drawn.height = mapHeight(view, in: map, keyRows: rows)
        view.draw(into: &canvas, area: drawn)
        map.height -= rows
        key.draw(into: &canvas, area: Rect(x: map.x, y: map.maxY, width: map.width, height: rows))
        drawPortraits(portraits, in: map, on: &canvas)
        return
      }
      view.draw(into: &canvas, area: map)
    } else {
      drawNote("map unavailable", in: map, glyphs: glyphs, on: &canvas)
    }
    drawPortraits(portraits, in: map, on: &canvas)
  }

  /// The rows of `area` the deck map is drawn in above a key of `keyRows` rows along the bottom of `area`: all of
  /// them when the map, so drawn, leaves those rows blank (a deck's empty margin), else as few fewer as keep them
  /// blank, so the map keeps its scale wherever it can.
  static func mapHeight(_ view: DeckMapView, in area: Rect, keyRows: Int) -> Int {
    guard keyRows > 0 else { return area.height }
    let keyTop = area.maxY - keyRows
    for cut in 0..<keyRows {
      var trial = Canvas(width: area.maxX, height: area.maxY)
      view.draw(into: &trial, area: Rect(x: area.x, y: area.y, width: area.width, height: area.height - cut))
      let clear = (keyTop..<area.maxY).allSatisfy { y in
        (area.x..<area.maxX).allSatisfy { x in trial[x: x, y: y].grapheme == " " }
      }
      if clear { return area.height - cut }
    }
    return area.height - keyRows
  }

  /// The cards of the active portraits in reveal order, with what `model` has of each portrait.
  static func portraitCards(
    _ model: PlayerModel, _ payload: ActiveViewPayload, mode: PortraitMode, glyphs: GlyphSet, box: BoxGlyphs
  ) -> [PortraitCard] {
    payload.encounterActivePortraits.compactMap { id in
      guard let npc = payload.encounterNPCData[id] else { return nil }
      let art: PortraitArt? = PortraitSource(npc).map { model.portraits[$0.path] } ?? .unavailable
      return PortraitCard(name: npc.name, role: npc.role, art: art, mode: mode, glyphs: glyphs, box: box)
    }
  }

  /// A small framed note centred in `area`.
  static func drawNote(_ text: String, in area: Rect, glyphs: GlyphSet, on canvas: inout Canvas) {
    let width = min(area.width, DisplayWidth.of(text) + 4)
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - 3) / 2, width: width, height: 3)
    canvas.fill(box, with: Cell())
    canvas.box(box, style: CellStyle(role: .warning), glyphs: glyphs.box)
    centre(
      text, in: Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: 1),
      style: CellStyle(role: .warning), glyphs: glyphs, on: &canvas)
  }

  /// The rows the deck map keeps however many the token key under it would take.
  static let minimumMapRows = 8

  /// The narrowest portrait card drawn; cards that would be narrower are dropped.
  static let minimumCardWidth = 10
  /// The widest portrait card: a 24 × 12-cell picture in its frame.
  static let maximumCardWidth = 26

  /// The portrait cards side by side, centred along the bottom of `area`, all of one size: the picture at most
  /// half as tall as `area` less the caption and about half as many rows as it has columns (square in half
  /// blocks); the card as wide as its picture or its longest caption, at most ``maximumCardWidth``, and narrower
  /// when the cards must share the width. The last cards are dropped while they cannot be ``minimumCardWidth``.
  static func drawPortraits(_ cards: [PortraitCard], in area: Rect, on canvas: inout Canvas) {
    let captionHeight = 2 + PortraitCard.captionRows
    guard area.height >= captionHeight, !cards.isEmpty else { return }
    var pictureRows = max(0, min((maximumCardWidth - 2) / 2, area.height / 2 - captionHeight))
    let caption = cards.map { max(DisplayWidth.of($0.name), DisplayWidth.of($0.role)) }.max() ?? 0
    var shown = cards
    var width = 0
    while !shown.isEmpty {
      let share = (area.width - 2 - (shown.count - 1)) / shown.count
      width = min(share, maximumCardWidth, max(pictureRows * 2 + 2, caption + 4))
      if width >= minimumCardWidth { break }
      shown.removeLast()
    }
    guard !shown.isEmpty else { return }
    pictureRows = min(pictureRows, (width - 2) / 2)
    let height = pictureRows + captionHeight
    let total = shown.count * width + shown.count - 1
    var x = area.x + (area.width - total) / 2
    for card in shown {
      card.draw(into: &canvas, area: Rect(x: x, y: area.maxY - height, width: width, height: height))
      x += width + 1
    }
  }
}
