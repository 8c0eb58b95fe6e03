/// What a ``TerminalSession`` reports to the app.
public enum TerminalEvent: Sendable, Hashable {
  /// The player pressed a key.
  case input(TerminalInput)
  /// The terminal now has `width` columns and `height` rows: lay out and show a new canvas.
  case resized(width: Int, height: Int)
  /// The session is over and the terminal is already restored; the reason says why, e.g. "SIGTERM",
  /// "terminal hung up" or "interrupted (Ctrl-C)". This is the last event.
  case ended(String)
}
