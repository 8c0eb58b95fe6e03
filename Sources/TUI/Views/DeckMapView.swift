import BulkheadCanvas
import BulkheadCore

/// The ENCOUNTER deck map: one deck's rooms, corridors, doors, ladders, terminals, points of interest and tokens,
/// scaled to fit an area of the canvas and centred in it.
///
/// **Scale.** A terminal cell is about twice as tall as it is wide, so one grid cell is `2s` columns by `s` rows,
/// with the (fractional) scale `s` the largest that fits the whole `deck.width` × `deck.height` grid in the area.
///
/// **Fog.** A room is revealed when its visibility is `true`. In the player view (`showFogged == false`) a room
/// that is not revealed is not drawn, and nothing in it shows (tokens, points of interest, terminals, ladders);
/// corridors never draw over any room's space, so a fogged room's outline does not leak. In the GM view
/// (`showFogged == true`) fogged rooms are drawn dim in the ``ColorRole/fog`` role, titled with their id, and
/// their contents are drawn dim.
///
/// **Rooms.** A box (``BoxGlyphs/unicode`` or ``BoxGlyphs/ascii``) titled on its top edge with the room's name,
/// shortened to fit (``BulkheadCanvas/GlyphSet/shorten(_:to:)``), with its status mark in the top edge next to the
/// right corner.
///
/// **Doors.** A corridor joins two rooms along its ``CorridorRoute``, the door at the route's door cell. Corridor
/// and door show when either room is revealed. The live status (`encounter_door_status[id]`) wins over the map's.
///
/// **Room contents.** Ladders and lifts to other decks in the bottom-left of the room; terminals and points of
/// interest at their positions, grid cells (fractions allowed) kept inside the room box.
///
/// **Tokens.** At their grid cell, with a status mark just right of a living token. A token is hidden from
/// players when its room (`room_id`, else the room at its cell) is fogged; a corridor token (`room_id` `""`) shows
/// unless its cell lies in a fogged room. Tokens draw in a fixed order (objects, creatures, npcs, players; then by
/// key), so the frame is deterministic.
///
/// Every glyph and style comes from ``MapSymbols``. Every campaign string is passed through
/// ``UntrustedText/sanitize(_:lineBreak:)`` (and limited to printable ASCII for the ASCII set). Nothing is drawn
/// outside the area.
public struct DeckMapView: Widget {
  /// The deck to draw.
  public var deck: Deck
  /// `encounter_room_visibility`: a room is revealed when its entry is `true`.
  public var roomVisibility: [String: Bool]
  /// `encounter_door_status`: live door states by connection id, overriding the map's.
  public var doorStatus: [String: DoorStatus]
  /// The encounter's tokens by id.
  public var tokens: [String: Token]
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet
  /// `true` for the GM view: fogged rooms and their contents are drawn dim instead of being left out.
  public var showFogged: Bool

  /// Creates a deck map view.
  public init(
    deck: Deck, roomVisibility: [String: Bool] = [:], doorStatus: [String: DoorStatus] = [:],
    tokens: [String: Token] = [:], glyphs: GlyphSet = .unicode, showFogged: Bool = false
  ) {
    self.deck = deck
    self.roomVisibility = roomVisibility
    self.doorStatus = doorStatus
    self.tokens = tokens
    self.glyphs = glyphs
    self.showFogged = showFogged
  }

  /// Draws the map into `area` of `canvas` (clipped to the canvas); cells of the area the map does not cover are
  /// left untouched. A deck with an empty grid draws nothing.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let area = area.intersection(canvas.bounds)
    guard let layout = MapLayout(gridWidth: deck.width, gridHeight: deck.height, area: area) else { return }
    var painter = Painter(canvas: canvas, area: area)
    let rects = Dictionary(deck.rooms.map { ($0.id, layout.rect(of: $0)) }, uniquingKeysWith: { first, _ in first })
    let allRects = deck.rooms.compactMap { rects[$0.id] }

    for connection in deck.connections {
      drawConnection(connection, rects: rects, allRects: allRects, painter: &painter, corridorsOnly: true)
    }
    for room in deck.rooms where isShown(room.id) {
      if let rect = rects[room.id] { drawRoom(room, rect: rect, painter: &painter) }
    }
    for connection in deck.connections {
      drawConnection(connection, rects: rects, allRects: allRects, painter: &painter, corridorsOnly: false)
    }
    drawContents(layout: layout, rects: rects, painter: &painter)
    drawTokens(layout: layout, rects: rects, painter: &painter)
    canvas = painter.canvas
  }

  // MARK: - Drawing

  /// Whether the room is revealed to players.
  func isRevealed(_ roomID: String) -> Bool { roomVisibility[roomID] == true }

  /// Whether the room is drawn at all in this view.
  func isShown(_ roomID: String) -> Bool { showFogged || isRevealed(roomID) }

  /// Campaign text made safe and drawable.
  func clean(_ text: String) -> String { glyphs.restrict(UntrustedText.sanitize(text)) }

  /// `style` dimmed when the content belongs to fog (GM view only).
  func fogged(_ style: CellStyle, _ isFogged: Bool) -> CellStyle {
    guard isFogged else { return style }
    var dimmed = style
    dimmed.dim = true
    return dimmed
  }

  private func drawRoom(_ room: Room, rect: Rect, painter: inout Painter) {
    let revealed = isRevealed(room.id)
    let frame = revealed ? CellStyle(role: .frame) : CellStyle(role: .fog, dim: true)
    let box = rect.intersection(painter.area)
    guard !box.isEmpty else { return }
    painter.canvas.fill(box.inset(by: 1), with: Cell())
    painter.canvas.box(box, style: frame, glyphs: glyphs.box)
    let mark = revealed ? MapSymbols.roomStatusMark(room.status ?? "", glyphs: glyphs) : nil
    var room = room
    if !revealed { room.name = room.id }
    let available = box.width - 2 - (mark == nil ? 0 : 1)
    let title = glyphs.shorten(clean(room.name), to: available)
    let titleStyle = revealed ? CellStyle(role: .title) : CellStyle(role: .fog, dim: true)
    painter.canvas.put(title, x: box.x + 1, y: box.y, style: titleStyle, maxWidth: max(0, available))
    if let mark, box.width >= 3 {
      painter.glyph(mark.glyph, x: box.maxX - 2, y: box.y, style: mark.style)
    }
  }

  private func drawConnection(
    _ connection: Connection, rects: [String: Rect], allRects: [Rect], painter: inout Painter, corridorsOnly: Bool
  ) {
    let anyRevealed = isRevealed(connection.from) || isRevealed(connection.to)
    guard anyRevealed || showFogged, let from = rects[connection.from], let to = rects[connection.to] else {
      return
    }
    let route = CorridorRoute(from: from, to: to, rooms: allRects)
    if corridorsOnly {
      let style = fogged(MapSymbols.corridorStyle, !anyRevealed)
      for cell in route.visible {
        painter.glyph(MapSymbols.corridorGlyph(glyphs), x: cell.x, y: cell.y, style: style)
      }
      return
    }
    guard let door = route.door else { return }
    if MapSymbols.isAirlock(connection.doorType) {
      let lock = fogged(MapSymbols.airlockStyle, !anyRevealed)
      for cell in route.doorNeighbours { painter.glyph(MapSymbols.airlockGlyph, x: cell.x, y: cell.y, style: lock) }
    }
    let status = doorStatus[connection.id] ?? connection.doorStatus
    let style = fogged(MapSymbols.doorStyle(status, doorType: connection.doorType), !anyRevealed)
    painter.glyph(MapSymbols.doorGlyph(status, glyphs: glyphs), x: door.x, y: door.y, style: style)
  }

  private func drawContents(layout: MapLayout, rects: [String: Rect], painter: inout Painter) {
    for room in deck.rooms where isShown(room.id) {
      guard let rect = rects[room.id] else { continue }
      let isFogged = !isRevealed(room.id)
      let inside = rect.inset(by: 1).isEmpty ? rect : rect.inset(by: 1)
      let ladders = deck.interDeckConnections.filter { $0.fromRoom == room.id }
      for (index, _) in ladders.enumerated() {
        let x = min(inside.x + index, inside.maxX - 1)
        painter.glyph(
          MapSymbols.ladderGlyph(glyphs), x: x, y: inside.maxY - 1, style: fogged(MapSymbols.ladderStyle, isFogged))
      }
      for terminal in deck.terminals where terminal.room == room.id {
        let point = layout.point(x: terminal.x, y: terminal.y, within: inside)
        let style = fogged(MapSymbols.terminalStyle, isFogged)
        painter.glyph(MapSymbols.terminalGlyph(glyphs), x: point.x, y: point.y, style: style)
      }
      for poi in deck.pointsOfInterest where poi.room == room.id {
        let (glyph, role) = MapSymbols.pointOfInterest(poi.type, glyphs: glyphs)
        let point = layout.point(x: poi.x, y: poi.y, within: inside)
        painter.glyph(glyph, x: point.x, y: point.y, style: fogged(CellStyle(role: role), isFogged))
      }
    }
  }

  /// Whether `token` stands where the players can see it: its cell's room (if any) and its `room_id` room (if
  /// given) are revealed.
  func isRevealed(_ token: Token) -> Bool {
    var revealed = deck.room(atX: token.x, y: token.y).map { isRevealed($0.id) } ?? true
    if !token.roomID.isEmpty {
      revealed = revealed && deck.room(token.roomID) != nil && isRevealed(token.roomID)
    }
    return revealed
  }

  /// The tokens this view draws (all of them for the GM, only those in revealed rooms for players), players
  /// first, then NPCs, creatures and objects, each kind by id.
  public var visibleTokens: [(id: String, token: Token)] {
    let order: [Token.Kind: Int] = [.player: 0, .npc: 1, .creature: 2, .object: 3]
    return tokens.filter { showFogged || isRevealed($0.value) }.sorted { lhs, rhs in
      let left = order[lhs.value.type] ?? 0
      let right = order[rhs.value.type] ?? 0
      return left != right ? left < right : lhs.key < rhs.key
    }.map { ($0.key, $0.value) }
  }

  /// Every door of the deck with its live status (`encounter_door_status`, else the map's), in the map's order.
  public var doors: [(id: String, status: DoorStatus)] {
    deck.connections.map { ($0.id, doorStatus[$0.id] ?? $0.doorStatus) }
  }

  private func drawTokens(layout: MapLayout, rects: [String: Rect], painter: inout Painter) {
    for (_, token) in visibleTokens.reversed() {
      let cellRoom = deck.room(atX: token.x, y: token.y)
      let revealed = isRevealed(token)
      var within = painter.area
      if let cellRoom, let rect = rects[cellRoom.id] {
        within = rect.inset(by: 1).isEmpty ? rect : rect.inset(by: 1)
      }
      let point = layout.point(x: Double(token.x), y: Double(token.y), within: within)
      let style = fogged(MapSymbols.tokenStyle(token.type, status: token.status), !revealed)
      painter.glyph(
        MapSymbols.tokenGlyph(token.type, status: token.status, glyphs: glyphs), x: point.x, y: point.y, style: style)
      if let mark = MapSymbols.statusMark(token.status), within.contains(x: point.x + 1, y: point.y) {
        painter.glyph(
          mark.glyph, x: point.x + 1, y: point.y, style: fogged(CellStyle(role: mark.role, bold: true), !revealed))
      }
    }
  }
}

/// A canvas being drawn, with every single-glyph write clipped to the map's area.
private struct Painter {
  var canvas: Canvas
  let area: Rect

  mutating func glyph(_ glyph: String, x: Int, y: Int, style: CellStyle) {
    guard area.contains(x: x, y: y) else { return }
    canvas.put(glyph, x: x, y: y, style: style, maxWidth: 1)
  }
}
