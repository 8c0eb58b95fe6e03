import BulkheadCanvas
import BulkheadCore

/// The mouse: a click picks a pane or a cell, a drag moves a token.
extension GMConsoleController {
  /// Folds a mouse report on a `width` × `height` console into the model: a click on the map puts the cursor on
  /// its cell (selecting the room, door or token there) and reveals a fogged room; a press on a token and a release
  /// on another cell moves the token; a click in the location list selects the row.
  public mutating func mouse(_ input: MouseInput, width: Int, height: Int) -> [GMConsoleEffect] {
    guard model.prompt == nil, model.confirmation == nil, !model.helpShown,
      let layout = GMConsoleLayout(width: width, height: height)
    else { return [] }
    if input.action == .press, let row = layout.listRow(x: input.x, y: input.y, selection: model.listSelection),
      model.listEntries.indices.contains(row)
    {
      model.focus = .locations
      model.listSelection = row
      return []
    }
    guard let deck = model.deck, let cell = layout.gridCell(x: input.x, y: input.y, model: model.view) else {
      if input.action == .release { dragging = nil }
      return []
    }
    model.focus = .map
    switch input.action {
    case .press:
      model.carried = nil
      model.cursor = cell
      if let (id, _) = model.tokenUnderCursor {
        dragging = (id, cell)
        return []
      }
      dragging = nil
      if let room = deck.room(atX: cell.x, y: cell.y), model.view.payload?.encounterRoomVisibility[room.id] != true {
        return reveal(room, visible: true)
      }
      return []
    case .release:
      guard let (id, from) = dragging else { return [] }
      dragging = nil
      guard cell != from, let token = model.view.payload?.encounterTokens[id] else { return [] }
      model.cursor = cell
      return moveToken(id: id, name: token.name, to: cell, in: deck)
    }
  }
}
