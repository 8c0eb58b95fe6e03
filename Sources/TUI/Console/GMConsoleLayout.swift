import BulkheadCanvas
import BulkheadCore

/// Where the GM console's areas lie on a `width` × `height` screen, and how screen cells map to deck-grid cells.
///
/// Row 0 is the header (the connection banner covers it while the connection is lost); below it, side by side,
/// the framed location list, the framed live view and the framed context panel; the last row is the status line.
struct GMConsoleLayout {
  /// The smallest console drawn in full.
  static let minimumWidth = 100
  /// The smallest console drawn in full.
  static let minimumHeight = 28
  /// The location list's width, frame included.
  static let listWidth = 24

  /// The framed location list.
  let list: Rect
  /// The frame around the live view.
  let viewFrame: Rect
  /// The framed context panel.
  let context: Rect
  /// The status line.
  let status: Rect

  /// The layout of a `width` × `height` console; `nil` below the minimum size.
  init?(width: Int, height: Int) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let contextWidth = width >= 150 ? 36 : 30
    list = Rect(x: 0, y: 1, width: Self.listWidth, height: height - 2)
    context = Rect(x: width - contextWidth, y: 1, width: contextWidth, height: height - 2)
    viewFrame = Rect(x: Self.listWidth, y: 1, width: width - Self.listWidth - contextWidth, height: height - 2)
    status = Rect(x: 0, y: height - 1, width: width, height: 1)
  }

  /// The live view inside its frame.
  var view: Rect { viewFrame.inset(by: 1) }

  /// The rows of the location list inside its frame.
  var listRows: Rect { list.inset(by: 1) }

  /// The first entry the location list shows, so that `selection` stays visible.
  func listOffset(selection: Int) -> Int {
    max(0, selection - listRows.height + 1)
  }

  /// The location-list entry at screen cell (`x`, `y`), if the cell is on one of its rows.
  func listRow(x: Int, y: Int, selection: Int) -> Int? {
    guard listRows.contains(x: x, y: y) else { return nil }
    return y - listRows.y + listOffset(selection: selection)
  }

  /// The area the deck map of `view` is drawn in — the same rule as ``PlayerFrame``'s ENCOUNTER view: the view
  /// less the ticker row (when there is a message), less the header and its rule, less the legend when it fits.
  func mapArea(_ view: PlayerModel) -> Rect? {
    guard let payload = view.payload, payload.viewType == .encounter, let deck = view.deck else { return nil }
    var area = self.view
    if !view.messages.isEmpty { area.height -= 1 }
    var map = PlayerFrame.mapArea(in: area)
    let deckView = DeckMapView(
      deck: deck, roomVisibility: payload.encounterRoomVisibility, doorStatus: payload.encounterDoorStatus,
      tokens: payload.encounterTokens, showFogged: true)
    let hasLegend = !deckView.visibleTokens.isEmpty || !deckView.doors.isEmpty
    if map.width >= EncounterLegend.minimumViewWidth, hasLegend { map.width -= EncounterLegend.width + 1 }
    return map
  }

  /// The grid-to-screen mapping of `view`'s deck.
  func mapLayout(_ view: PlayerModel) -> (layout: MapLayout, area: Rect, deck: Deck)? {
    guard let area = mapArea(view), let deck = view.deck,
      let layout = MapLayout(gridWidth: deck.width, gridHeight: deck.height, area: area)
    else { return nil }
    return (layout, area, deck)
  }

  /// The deck-grid cell shown at screen cell (`x`, `y`), if the cell lies on the deck: the cell whose token would be
  /// drawn there (``screenCell(of:model:)``, which keeps tokens inside their room's walls), else the cell under it.
  func gridCell(x: Int, y: Int, model view: PlayerModel) -> GMConsoleModel.GridPoint? {
    guard let (layout, area, deck) = mapLayout(view), area.contains(x: x, y: y) else { return nil }
    let column = Int((Double(x - layout.originX) / layout.columnsPerCell).rounded(.down))
    let row = Int((Double(y - layout.originY) / layout.rowsPerCell).rounded(.down))
    let candidates = [(0, 0), (0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1)].map {
      GMConsoleModel.GridPoint(x: column + $0.0, y: row + $0.1)
    }.filter { (0..<deck.width).contains($0.x) && (0..<deck.height).contains($0.y) }
    let drawnHere = candidates.first { point in screenCell(of: point, model: view).map { $0 == (x, y) } ?? false }
    return drawnHere ?? candidates.first { $0.x == column && $0.y == row }
  }

  /// The screen cell that shows deck-grid cell `point`: where ``DeckMapView`` draws a token standing there.
  func screenCell(of point: GMConsoleModel.GridPoint, model view: PlayerModel) -> (x: Int, y: Int)? {
    guard let (layout, area, deck) = mapLayout(view) else { return nil }
    var within = area
    if let room = deck.room(atX: point.x, y: point.y) {
      let rect = layout.rect(of: room)
      within = rect.inset(by: 1).isEmpty ? rect : rect.inset(by: 1)
    }
    return layout.point(x: Double(point.x), y: Double(point.y), within: within)
  }
}
