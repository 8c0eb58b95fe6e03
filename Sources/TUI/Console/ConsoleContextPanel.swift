import BulkheadCanvas
import BulkheadCore

/// The GM console's context panel: what is selected — the room, door and token at the cursor, an NPC, a ship
/// system, a terminal, a location, or the CHARON channel — with the keys that act on it at the bottom.
///
/// Every string from the server or the campaign is sanitised before it is drawn.
struct ConsoleContextPanel: Widget {
  /// The console's state.
  var model: GMConsoleModel
  /// UTF-8 or ASCII glyphs.
  var glyphs: GlyphSet

  /// One row of the panel.
  struct Line {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = CellStyle(role: .text)) {
      self.text = text
      self.style = style
    }

    static func heading(_ text: String) -> Line { Line(text, CellStyle(role: .title, bold: true)) }
    static func dim(_ text: String) -> Line { Line(text, CellStyle(role: .dim, dim: true)) }
    static let blank = Line("")
  }

  func draw(into canvas: inout Canvas, area: Rect) {
    guard area.width >= 10, area.height >= 4 else { return }
    canvas.fill(area, with: Cell())
    let focused = model.focus != .map
    canvas.box(area, style: CellStyle(role: focused ? .accent : .frame), glyphs: glyphs.box)
    canvas.put(" \(title) ", x: area.x + 2, y: area.y, style: CellStyle(role: .title, bold: true))
    let inner = area.inset(by: 1)
    let keys = keyLines
    let keyRows = min(keys.count, max(0, inner.height - 2))
    let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - keyRows - (keyRows > 0 ? 1 : 0))
    let offset = max(0, (selectedLine ?? 0) - body.height + 1)
    for (index, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
      let text = glyphs.shorten(line.text, to: body.width - 1)
      canvas.put(text, x: body.x + 1, y: body.y + index, style: line.style, maxWidth: body.width - 1)
    }
    guard keyRows > 0 else { return }
    let ruleY = inner.maxY - keyRows - 1
    canvas.put(
      String(repeating: glyphs.box.horizontal, count: inner.width), x: inner.x, y: ruleY,
      style: CellStyle(role: .frame))
    for (index, key) in keys.suffix(keyRows).enumerated() {
      canvas.put(
        glyphs.shorten(key, to: inner.width - 1), x: inner.x + 1, y: ruleY + 1 + index,
        style: CellStyle(role: .accent), maxWidth: inner.width - 1)
    }
  }

  /// The panel's title.
  var title: String {
    switch model.focus {
    case .map: "SELECTION"
    case .locations: "LOCATION"
    case .npcs: "NPCS"
    case .ship: "SHIP SYSTEMS"
    case .charon: "CHARON"
    case .terminals: "COMM TERMINALS"
    }
  }

  /// The rows above the keys.
  var lines: [Line] {
    switch model.focus {
    case .map: mapLines
    case .locations: locationLines
    case .npcs: npcLines
    case .ship: shipLines
    case .charon: charonLines
    case .terminals: terminalLines
    }
  }

  /// The row of ``lines`` that is selected, kept in sight when the list is longer than the panel.
  var selectedLine: Int? {
    switch model.focus {
    case .npcs: model.npcSelection
    case .ship: model.shipSelection
    case .terminals: model.terminalSelection
    case .map, .locations, .charon: nil
    }
  }

  /// The keys that apply, one line each.
  var keyLines: [String] {
    switch model.focus {
    case .map:
      guard model.deck != nil else { return ["v locations  p NPCs  y ship", "c CHARON  b broadcast  ? help"] }
      if model.carried != nil { return ["arrows move  Enter drop", "Esc cancel"] }
      var keys = ["arrows move  [ ] deck"]
      if model.roomUnderCursor != nil { keys.append("r reveal/hide  R all rooms") }
      if model.doorNearCursor != nil { keys.append("d cycle the nearest door") }
      keys.append(model.tokenUnderCursor != nil ? "m move  s status  x remove" : "t place token  X clear all")
      return keys
    case .locations: return ["j/k select  Enter switch", "Esc back to the map"]
    case .npcs: return ["j/k select  Enter portrait", "Esc back to the map"]
    case .ship: return ["j/k select  s status", "Enter condition  Esc back"]
    case .charon: return ["d dialog  m mode", "Enter send  Esc back"]
    case .terminals: return ["j/k select  Enter show", "O hide  Esc back"]
    }
  }

  private func clean(_ text: String) -> String { PlayerFrame.clean(text, glyphs) }

  /// The separator between the parts of a row.
  private var sep: String { glyphs.pick(" · ", " - ") }

  private var mapLines: [Line] {
    guard let deck = model.deck, let cursor = model.cursor, let payload = model.view.payload else {
      return [.dim("The shared screen shows no deck."), .dim("v opens a location with a map.")]
    }
    var lines = [Line.dim("cell \(cursor.x),\(cursor.y)\(sep)\(clean(deck.name.isEmpty ? deck.id : deck.name))")]
    if let carried = model.carried {
      lines += [
        .blank, .heading("MOVING \(clean(carried.token.name))"),
        Line("from \(carried.token.x),\(carried.token.y) to \(carried.at.x),\(carried.at.y)"),
      ]
    }
    lines.append(.blank)
    if let room = model.roomUnderCursor {
      let revealed = payload.encounterRoomVisibility[room.id] == true
      lines.append(.heading("ROOM \(clean(room.id))"))
      lines.append(Line(clean(room.name)))
      var state = revealed ? "revealed" : "fogged"
      if let status = room.status, !status.isEmpty { state += sep + clean(status) }
      lines.append(Line(state, CellStyle(role: revealed ? .ok : .fog, dim: !revealed)))
    } else {
      lines.append(.dim("corridor / outside the rooms"))
    }
    if let (connection, status) = model.doorNearCursor {
      lines += [.blank, .heading("DOOR \(clean(connection.id))")]
      lines.append(Line("\(clean(connection.from)) \(glyphs.pick("↔", "<>")) \(clean(connection.to))"))
      lines.append(
        Line(
          "\(MapSymbols.doorGlyph(status, glyphs: glyphs)) \(status.rawValue)\(sep)\(clean(connection.doorType))",
          MapSymbols.doorStyle(status, doorType: "")))
    }
    if let (id, token) = model.tokenUnderCursor {
      lines += [.blank, .heading("TOKEN \(clean(id))")]
      lines.append(
        Line(
          "\(MapSymbols.tokenGlyph(token.type, status: token.status, glyphs: glyphs)) \(clean(token.name))",
          MapSymbols.tokenStyle(token.type, status: token.status)))
      let status = token.status.map(clean).joined(separator: " ")
      lines.append(.dim(token.type.rawValue + (status.isEmpty ? "" : sep + status)))
    }
    return lines
  }

  private var locationLines: [Line] {
    let entries = model.listEntries
    guard entries.indices.contains(model.listSelection) else { return [] }
    switch entries[model.listSelection] {
    case .view(let type):
      return [.heading(type.rawValue), .dim("Enter shows this view to the players.")]
    case .location(let location):
      var lines: [Line] = [.heading(clean(location.name)), .dim(clean(location.path)), .blank]
      lines.append(Line(location.hasMap ? "deck map: Enter opens the ENCOUNTER" : "no deck map"))
      if !location.terminals.isEmpty {
        lines += [.blank, .heading("TERMINALS")]
        lines += location.terminals.map { Line("\(clean($0.slug))\(sep)\(clean($0.owner))") }
      }
      return lines
    }
  }

  private var npcLines: [Line] {
    let npcs = model.npcs
    guard !npcs.isEmpty else { return [.dim("The campaign has no NPCs.")] }
    let active = model.view.payload?.encounterActivePortraits ?? []
    return npcs.enumerated().map { index, npc in
      let shown = active.contains(npc.id)
      let mark = shown ? glyphs.pick("●", "*") : " "
      return Line(
        "\(mark) \(clean(npc.name))",
        CellStyle(role: shown ? .npc : .text, bold: shown, reverse: index == model.npcSelection))
    }
  }

  private var shipLines: [Line] {
    guard let ship = model.view.ship else { return [.dim("reading ship status" + glyphs.pick("…", "..."))] }
    guard !ship.systems.isEmpty else { return [.dim("The ship has no systems.")] }
    return ship.systems.enumerated().map { index, system in
      let status = system.status?.rawValue ?? "-"
      let condition = system.condition.map { " \($0)%" } ?? ""
      let role: ColorRole =
        switch system.status {
        case .online?: .ok
        case .stressed?: .warning
        case .damaged?: .alert
        case .critical?, .offline?: .critical
        case nil: .dim
        }
      return Line(
        "\(clean(system.name))\(sep)\(status)\(condition)", CellStyle(role: role, reverse: index == model.shipSelection)
      )
    }
  }

  private var charonLines: [Line] {
    guard let payload = model.view.payload else { return [] }
    var lines: [Line] = [
      Line("mode \(payload.charonMode.rawValue)\(sep)dialog \(payload.charonDialogOpen ? "open" : "closed")"),
      .dim("channel \(clean(payload.charonActiveChannel))"),
    ]
    let messages = model.charon?.messages ?? []
    let pending = messages.filter(\.pendingApproval)
    if !pending.isEmpty {
      lines += [.blank, .heading("PENDING QUERIES \(pending.count)")]
      lines += pending.map { Line(glyphs.pick("▸ ", "> ") + clean($0.content), CellStyle(role: .warning)) }
    }
    lines += [.blank, .heading("CONVERSATION")]
    if messages.isEmpty { lines.append(.dim("no messages yet")) }
    for line in messages.suffix(12) {
      let who = line.isFromCharon ? "CHARON" : "player"
      lines.append(Line("\(who): \(clean(line.content))", CellStyle(role: line.isFromCharon ? .accent : .text)))
    }
    return lines
  }

  private var terminalLines: [Line] {
    let terminals = model.terminals
    guard !terminals.isEmpty else { return [.dim("No comm terminals in the campaign.")] }
    let shown = model.view.payload.map { ($0.overlayLocationSlug, $0.overlayTerminalSlug) }
    return terminals.enumerated().map { index, entry in
      let live = shown?.0 == entry.location.slug && shown?.1 == entry.terminal.slug
      let mark = live ? glyphs.pick("▶", ">") : " "
      return Line(
        "\(mark) \(clean(entry.terminal.slug))\(sep)\(clean(entry.terminal.owner))",
        CellStyle(role: live ? .accent : .text, reverse: index == model.terminalSelection))
    }
  }
}
