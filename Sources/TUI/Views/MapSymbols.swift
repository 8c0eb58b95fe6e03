import BulkheadCanvas
import BulkheadCore

/// Every glyph and style drawn on a deck map, in one place: ``DeckMapView`` draws with them, and the legend
/// (``EncounterLegend``, ``TokenKey``) and the GM console's panels and cursor show the same marks.
///
/// Each glyph comes as a UTF-8 / ASCII pair picked by the ``GlyphSet``.
///
/// **Doors** by status (the live `encounter_door_status[id]` wins over the map's):
///
/// | status  | UTF-8 | ASCII | role                    |
/// |---------|-------|-------|-------------------------|
/// | OPEN    | `▯`   | `'`   | ``ColorRole/ok``        |
/// | CLOSED  | `▮`   | `=`   | ``ColorRole/door``      |
/// | LOCKED  | `▤`   | `L`   | ``ColorRole/warning``   |
/// | SEALED  | `▩`   | `X`   | ``ColorRole/alert``     |
/// | DAMAGED | `▚`   | `%`   | ``ColorRole/critical``  |
///
/// The door type shows as: `blast_door` bold; `emergency` underlined; `airlock` with its two neighbouring corridor
/// cells drawn as `:` (``ColorRole/door``); `standard` and anything else plain. Corridors are `·` / `.`
/// (``ColorRole/frame``).
///
/// **Rooms.** A status mark in the top edge: WARNING `!` (``ColorRole/warning``), HAZARD `☢` / `#`
/// (``ColorRole/alert``), both bold. Ladders and lifts to other decks `⇅` / `H` (``ColorRole/door``, bold);
/// terminals `▣` / `T` (``ColorRole/object``); points of interest by type: objective `◆` / `*`
/// (``ColorRole/accent``), hazard `⚠` / `!` (``ColorRole/alert``), item `▪` / `i` (``ColorRole/object``), any
/// other `•` / `o` (``ColorRole/object``).
///
/// **Tokens** by type: player `@` (``ColorRole/player``), npc `&` (``ColorRole/npc``), creature `M`
/// (``ColorRole/creature``), object `□` / `O` (``ColorRole/object``). Status (case-insensitive): `dead` replaces
/// the glyph with `✝` / `x` and dims it; `wounded` is bold; `panicked` is reverse video; a living token's most
/// serious status also shows as a mark beside it (``statusMark(_:)``).
///
/// **Cursor.** The GM console's cursor on an empty cell is `✛` / `+` (``ColorRole/accent``).
public enum MapSymbols {
  // MARK: - Doors and corridors

  /// The door glyph for `status` in `glyphs`.
  public static func doorGlyph(_ status: DoorStatus, glyphs: GlyphSet) -> String {
    switch status {
    case .open: glyphs.pick("▯", "'")
    case .closed: glyphs.pick("▮", "=")
    case .locked: glyphs.pick("▤", "L")
    case .sealed: glyphs.pick("▩", "X")
    case .damaged: glyphs.pick("▚", "%")
    }
  }

  /// The style of a door with `status` and `doorType` (`blast_door` bold, `emergency` underlined).
  public static func doorStyle(_ status: DoorStatus, doorType: String) -> CellStyle {
    let role: ColorRole =
      switch status {
      case .open: .ok
      case .closed: .door
      case .locked: .warning
      case .sealed: .alert
      case .damaged: .critical
      }
    let type = doorType.lowercased()
    return CellStyle(role: role, bold: type == "blast_door", underline: type == "emergency")
  }

  /// Whether a door of `doorType` is an airlock, drawn with ``airlockGlyph`` on both sides.
  public static func isAirlock(_ doorType: String) -> Bool { doorType.lowercased() == "airlock" }

  /// The mark on the two corridor cells either side of an airlock door, drawn in ``airlockStyle``.
  public static let airlockGlyph = ":"

  /// The style of ``airlockGlyph``.
  public static let airlockStyle = CellStyle(role: .door)

  /// A corridor cell's glyph in `glyphs`, drawn in ``corridorStyle``.
  public static func corridorGlyph(_ glyphs: GlyphSet) -> String { glyphs.pick("·", ".") }

  /// The style of a corridor cell.
  public static let corridorStyle = CellStyle(role: .frame)

  // MARK: - Rooms and their contents

  /// The mark a room's `status` puts in its top edge (WARNING, HAZARD; case-insensitive), or `nil` for any other.
  public static func roomStatusMark(_ status: String, glyphs: GlyphSet) -> (glyph: String, style: CellStyle)? {
    switch status.uppercased() {
    case "WARNING": ("!", CellStyle(role: .warning, bold: true))
    case "HAZARD": (glyphs.pick("☢", "#"), CellStyle(role: .alert, bold: true))
    default: nil
    }
  }

  /// The glyph of a ladder or lift to another deck, drawn in ``ladderStyle``.
  public static func ladderGlyph(_ glyphs: GlyphSet) -> String { glyphs.pick("⇅", "H") }

  /// The style of a ladder or lift.
  public static let ladderStyle = CellStyle(role: .door, bold: true)

  /// The glyph of a comm terminal, drawn in ``terminalStyle``.
  public static func terminalGlyph(_ glyphs: GlyphSet) -> String { glyphs.pick("▣", "T") }

  /// The style of a comm terminal.
  public static let terminalStyle = CellStyle(role: .object)

  /// The glyph and role of a point of interest of `type` (case-insensitive).
  public static func pointOfInterest(_ type: String, glyphs: GlyphSet) -> (glyph: String, role: ColorRole) {
    switch type.lowercased() {
    case "objective": (glyphs.pick("◆", "*"), .accent)
    case "hazard": (glyphs.pick("⚠", "!"), .alert)
    case "item": (glyphs.pick("▪", "i"), .object)
    default: (glyphs.pick("•", "o"), .object)
    }
  }

  // MARK: - Tokens

  /// The glyph of a token of `kind` with `status` marks (case-insensitive) in `glyphs`.
  public static func tokenGlyph(_ kind: Token.Kind, status: [String], glyphs: GlyphSet) -> String {
    if hasStatus(status, "dead") { return glyphs.pick("✝", "x") }
    switch kind {
    case .player: return "@"
    case .npc: return "&"
    case .creature: return "M"
    case .object: return glyphs.pick("□", "O")
    }
  }

  /// The style of a token of `kind` with `status` marks: the type's role; dead dim, wounded bold, panicked reverse.
  public static func tokenStyle(_ kind: Token.Kind, status: [String]) -> CellStyle {
    let role: ColorRole =
      switch kind {
      case .player: .player
      case .npc: .npc
      case .creature: .creature
      case .object: .object
      }
    return CellStyle(
      role: role, bold: hasStatus(status, "wounded"), dim: hasStatus(status, "dead"),
      reverse: hasStatus(status, "panicked"))
  }

  /// The mark drawn just right of a living token for its most serious status, so that status shows by glyph and not
  /// by colour alone: wounded `!`, panicked `?`, infected `%`, unconscious `z`, stressed `~`; none for a dead token
  /// (its own glyph says so) or a token without these statuses. Drawn bold in its role.
  public static func statusMark(_ status: [String]) -> (glyph: String, role: ColorRole)? {
    guard !hasStatus(status, "dead") else { return nil }
    let marks: [(String, String, ColorRole)] = [
      ("wounded", "!", .critical), ("panicked", "?", .alert), ("infected", "%", .alert),
      ("unconscious", "z", .warning), ("stressed", "~", .warning),
    ]
    return marks.first { hasStatus(status, $0.0) }.map { ($0.1, $0.2) }
  }

  // MARK: - Cursor

  /// The GM console's cursor mark on an empty map cell, drawn in ``ColorRole/accent``.
  public static func cursorGlyph(_ glyphs: GlyphSet) -> String { glyphs.pick("✛", "+") }

  /// Whether `status` holds `mark`, ignoring case.
  static func hasStatus(_ status: [String], _ mark: String) -> Bool {
    status.contains { $0.lowercased() == mark }
  }
}
