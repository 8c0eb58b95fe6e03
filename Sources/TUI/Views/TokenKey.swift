import BulkheadCanvas
import BulkheadCore

/// The compact key of who is who, drawn under the map when the view is too narrow for the ``EncounterLegend``:
/// each token the map shows as its glyph (with its status mark) and its name, `@ Ash  @! Kade  & Dr. Reyes`, in the
/// map's order; for the GM each name follows the token's id.
///
/// The entries fill one line, then wrap to a second (``maximumRows``); when they do not all fit, the last line ends
/// in a dim `+N` for the N left out. A name longer than ``maximumNameWidth`` (or than the line) is shortened. Names
/// and ids come from the server and are sanitised.
public struct TokenKey: Widget {
  /// The tokens, as ``DeckMapView/visibleTokens`` lists them.
  public var tokens: [(id: String, token: Token)]
  /// Whether each name follows the token's id (the GM's view).
  public var showsIDs: Bool
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// The most lines the key takes.
  public static let maximumRows = 2
  /// The widest a name is drawn (an id and a name together for the GM), so that one long name leaves room for
  /// the others.
  public static let maximumNameWidth = 24

  /// A key of `tokens` (after their ids when `showsIDs`) drawn with `glyphs`.
  public init(tokens: [(id: String, token: Token)], showsIDs: Bool = false, glyphs: GlyphSet) {
    self.tokens = tokens
    self.showsIDs = showsIDs
    self.glyphs = glyphs
  }

  /// One token's entry: its glyph, its status mark and its label.
  struct Entry {
    var glyph: String
    var style: CellStyle
    var mark: (glyph: String, role: ColorRole)?
    var label: String

    /// The columns the entry takes: the glyph, the mark, a space and the label.
    var width: Int { DisplayWidth.of(glyph) + (mark == nil ? 0 : 1) + 1 + DisplayWidth.of(label) }
  }

  /// The lines of the key in `width` columns: the entries of each line, and how many were left out.
  struct Layout {
    var lines: [[Entry]]
    var leftOut: Int
  }

  /// The gap between two entries.
  static let gap = 2

  /// The rows the key takes in an area `width` columns wide: none without tokens, else one or two.
  public func rows(forWidth width: Int) -> Int {
    layout(width: width - 2).lines.count
  }

  /// Draws the key in the first rows of `area`, one column in from its left and right edges.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let layout = layout(width: area.width - 2)
    for (row, line) in layout.lines.enumerated() where row < area.height {
      let y = area.y + row
      var x = area.x + 1
      for entry in line {
        x += canvas.put(entry.glyph, x: x, y: y, style: entry.style)
        if let mark = entry.mark {
          x += canvas.put(mark.glyph, x: x, y: y, style: CellStyle(role: mark.role, bold: true))
        }
        x += 1
        x += canvas.put(entry.label, x: x, y: y, style: CellStyle(role: .text), maxWidth: area.maxX - 1 - x)
        x += Self.gap
      }
      if row == layout.lines.count - 1, layout.leftOut > 0 {
        canvas.put("+\(layout.leftOut)", x: x, y: y, style: CellStyle(role: .dim, dim: true))
      }
    }
  }

  /// The entries laid out in lines of `width` columns, at most ``maximumRows``, the last one keeping room for `+N`.
  func layout(width: Int) -> Layout {
    guard width > 0 else { return Layout(lines: [], leftOut: tokens.count) }
    let entries = tokens.map { entry($0, width: width) }
    var lines: [[Entry]] = []
    var line: [Entry] = []
    var used = 0
    var placed = 0
    for entry in entries {
      let needed = line.isEmpty ? entry.width : used + Self.gap + entry.width
      if needed <= width {
        line.append(entry)
        used = needed
        placed += 1
        continue
      }
      guard !line.isEmpty, lines.count + 1 < Self.maximumRows else { break }
      lines.append(line)
      line = [entry]
      used = entry.width
      placed += 1
    }
    if !line.isEmpty { lines.append(line) }
    var leftOut = entries.count - placed
    guard leftOut > 0, var last = lines.popLast() else { return Layout(lines: lines, leftOut: leftOut) }
    while !last.isEmpty, Self.width(of: last) + Self.gap + DisplayWidth.of("+\(leftOut)") > width {
      last.removeLast()
      leftOut += 1
    }
    lines.append(last)
    return Layout(lines: lines, leftOut: leftOut)
  }

  /// The entry of one token, its label shortened to ``maximumNameWidth`` and to the line's `width`.
  private func entry(_ item: (id: String, token: Token), width: Int) -> Entry {
    let token = item.token
    let mark = MapSymbols.statusMark(token.status)
    let glyph = MapSymbols.tokenGlyph(token.type, status: token.status, glyphs: glyphs)
    var label = PlayerFrame.clean(token.name, glyphs)
    if showsIDs { label = PlayerFrame.clean(item.id, glyphs) + " " + label }
    let room = min(Self.maximumNameWidth, width - DisplayWidth.of(glyph) - (mark == nil ? 0 : 1) - 1)
    return Entry(
      glyph: glyph, style: MapSymbols.tokenStyle(token.type, status: token.status), mark: mark,
      label: glyphs.shorten(label, to: max(0, room)))
  }

  /// The columns a line of `entries` takes.
  private static func width(of entries: [Entry]) -> Int {
    entries.map(\.width).reduce(0, +) + gap * max(0, entries.count - 1)
  }
}
