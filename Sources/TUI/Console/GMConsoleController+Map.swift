import BulkheadCanvas
import BulkheadCore

/// The map pane: the cursor, rooms, doors, decks and tokens (picked up, carried, dropped, given a status).
extension GMConsoleController {
  /// The deck-map keys; `nil` for a key the map does not use.
  mutating func mapKey(_ input: TerminalInput) -> [GMConsoleEffect]? {
    switch input {
    case .left, .character("h"): moveCursor(dx: -1, dy: 0)
    case .right, .character("l"): moveCursor(dx: 1, dy: 0)
    case .up, .character("k"): moveCursor(dx: 0, dy: -1)
    case .down, .character("j"): moveCursor(dx: 0, dy: 1)
    case .character("["): return switchDeck(by: -1)
    case .character("]"): return switchDeck(by: 1)
    case .character("r"): return toggleRoom()
    case .character("R"): return revealDeck()
    case .character("d"): return cycleDoor()
    case .character("t"):
      guard let cursor = model.cursor else { return noEncounter() }
      model.prompt = ConsolePrompt(.tokenType(at: cursor))
    case .character("m"): pickUpToken()
    case .character("s"): return cycleTokenStatus()
    case .character("x"):
      guard let (id, token) = model.tokenUnderCursor else { return nothingHere("token") }
      return send(GMWrite(.removeToken(id: id), summary: "remove \(Self.clean(token.name))"))
    case .character("X"):
      let count = model.view.payload?.encounterTokens.count ?? 0
      guard count > 0 else {
        model.status = .init("there are no tokens to clear", isError: true)
        return []
      }
      model.confirmation = .clearTokens(count: count)
    default:
      return nil
    }
    return []
  }

  mutating func moveCursor(dx: Int, dy: Int) {
    guard let deck = model.deck, let cursor = model.cursor else { return }
    model.cursor = Self.clamp(GMConsoleModel.GridPoint(x: cursor.x + dx, y: cursor.y + dy), to: deck)
  }

  static func clamp(_ point: GMConsoleModel.GridPoint, to deck: Deck) -> GMConsoleModel.GridPoint {
    GMConsoleModel.GridPoint(
      x: min(max(0, point.x), max(0, deck.width - 1)), y: min(max(0, point.y), max(0, deck.height - 1)))
  }

  mutating func switchDeck(by step: Int) -> [GMConsoleEffect] {
    guard let payload = model.view.payload, model.deck != nil else { return noEncounter() }
    let level = payload.encounterLevel + step
    guard (1...(payload.encounterTotalDecks ?? 1)).contains(level) else {
      model.status = .init("there is no deck \(level)", isError: true)
      return []
    }
    return send(GMWrite(.switchLevel(level: level, deckID: nil), summary: "show deck \(level)"))
  }

  mutating func toggleRoom() -> [GMConsoleEffect] {
    guard model.deck != nil else { return noEncounter() }
    guard let room = model.roomUnderCursor else { return nothingHere("room") }
    return reveal(room, visible: model.view.payload?.encounterRoomVisibility[room.id] != true)
  }

  mutating func reveal(_ room: Room, visible: Bool) -> [GMConsoleEffect] {
    send(
      GMWrite(
        .toggleRoom(roomID: room.id, visible: visible),
        summary: (visible ? "reveal " : "hide ") + Self.clean(room.id)))
  }

  mutating func revealDeck() -> [GMConsoleEffect] {
    guard let deck = model.deck, let payload = model.view.payload else { return noEncounter() }
    var visibility = payload.encounterRoomVisibility
    for room in deck.rooms { visibility[room.id] = true }
    return send(
      GMWrite(
        .setRoomVisibility(visibility),
        summary: "reveal every room of \(Self.clean(deck.name.isEmpty ? deck.id : deck.name))"))
  }

  mutating func cycleDoor() -> [GMConsoleEffect] {
    guard model.deck != nil else { return noEncounter() }
    guard let (connection, status) = model.doorNearCursor else { return nothingHere("door") }
    let index = Self.doorCycle.firstIndex(of: status) ?? 0
    let next = Self.doorCycle[(index + 1) % Self.doorCycle.count]
    return send(
      GMWrite(
        .setDoorStatus(connectionID: connection.id, status: next),
        summary: "door \(Self.clean(connection.id)) \(next.rawValue)"))
  }

  mutating func pickUpToken() {
    guard let (id, token) = model.tokenUnderCursor, let cursor = model.cursor else {
      model.status = .init("no token under the cursor to move", isError: true)
      return
    }
    model.carried = GMConsoleModel.CarriedToken(id: id, token: token, at: cursor)
    model.status = .init("moving \(Self.clean(token.name)): arrows move, Enter drops, Esc cancels")
  }

  mutating func cycleTokenStatus() -> [GMConsoleEffect] {
    guard let (id, token) = model.tokenUnderCursor else { return nothingHere("token") }
    let statuses = token.status.map { $0.lowercased() }
    let current = Self.cycledStatuses.lastIndex { statuses.contains($0) }
    let kept = token.status.filter { !Self.cycledStatuses.contains($0.lowercased()) }
    let nextIndex = current.map { $0 + 1 } ?? 0
    let added = nextIndex < Self.cycledStatuses.count ? [Self.cycledStatuses[nextIndex]] : []
    let status = kept + added
    let words = status.isEmpty ? "no status" : status.map(Self.clean).joined(separator: " ")
    return send(
      GMWrite(
        .updateTokenStatus(id: id, status: status),
        summary: "\(Self.clean(token.name)) \(words)"))
  }

  /// Keys while a token is carried: arrows move it, Enter drops it with one move request, Esc cancels.
  mutating func carryKey(_ input: TerminalInput) -> [GMConsoleEffect] {
    guard var carried = model.carried, let deck = model.deck else {
      model.carried = nil
      return []
    }
    var step = (0, 0)
    switch input {
    case .left, .character("h"): step = (-1, 0)
    case .right, .character("l"): step = (1, 0)
    case .up, .character("k"): step = (0, -1)
    case .down, .character("j"): step = (0, 1)
    case .enter:
      model.carried = nil
      return moveToken(id: carried.id, name: carried.token.name, to: carried.at, in: deck)
    case .escape:
      model.carried = nil
      model.cursor = GMConsoleModel.GridPoint(x: carried.token.x, y: carried.token.y)
      model.status = .init("move cancelled")
      return []
    default:
      return []
    }
    carried.at = Self.clamp(GMConsoleModel.GridPoint(x: carried.at.x + step.0, y: carried.at.y + step.1), to: deck)
    model.carried = carried
    model.cursor = carried.at
    return []
  }

  mutating func moveToken(
    id: String, name: String, to point: GMConsoleModel.GridPoint, in deck: Deck
  ) -> [GMConsoleEffect] {
    let room = deck.room(atX: point.x, y: point.y)?.id
    return send(
      GMWrite(
        .moveToken(id: id, x: point.x, y: point.y, roomID: room),
        summary: "move \(Self.clean(name)) to \(point.x),\(point.y)"))
  }
}
