/// A semantic colour role: what a cell means, not which colour it has.
///
/// Themes map each role to a 256-colour value (with an 8-colour fallback); a mono theme maps them all to the
/// terminal's default and relies on glyphs and attributes. The raw values are the keys used in theme files.
public enum ColorRole: String, Sendable, CaseIterable, Codable {
  /// The screen's background and empty space.
  case background
  /// Ordinary text.
  case text
  /// Secondary, de-emphasised text (hints, timestamps, legends).
  case dim
  /// Highlights: the selection, the current location, key values.
  case accent
  /// Box and panel borders, corridors.
  case frame
  /// Panel and view titles, headers.
  case title
  /// A healthy or nominal status.
  case ok
  /// A warning status (e.g. a room in WARNING, a damaged system).
  case warning
  /// An alert: HIGH messages, hazards, locked or sealed doors.
  case alert
  /// A critical condition: CRITICAL messages, a destroyed system, a dead token.
  case critical
  /// Unrevealed or fogged space.
  case fog
  /// Doors and ladders.
  case door
  /// Player tokens.
  case player
  /// Non-player character tokens.
  case npc
  /// Creature tokens.
  case creature
  /// Object tokens, terminals and points of interest.
  case object
  /// Banners and pop-overs, such as the connection-lost line.
  case banner
}
