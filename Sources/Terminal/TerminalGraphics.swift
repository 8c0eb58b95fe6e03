import BulkheadCanvas

/// A way of drawing pictures on a terminal.
public enum TerminalGraphics: String, Sendable, Hashable, CaseIterable {
  /// DEC sixel graphics (xterm -ti vt340, foot, WezTerm, mlterm, Windows Terminal, Konsole).
  case sixel
  /// The kitty graphics protocol (kitty, WezTerm, Ghostty, Konsole).
  case kitty
}

/// What `--images` asks for: ask the terminal (`auto`), one protocol whatever it says, or none.
public enum ImagesChoice: String, Sendable, Hashable, CaseIterable {
  case auto
  case sixel
  case kitty
  case off

  /// The protocol to draw with given what the terminal answered (`nil`: half blocks). `auto` prefers kitty (the
  /// terminal scales, full colour) to sixel; a terminal that did not answer gets none.
  public func graphics(for answer: GraphicsProbe.Answer) -> TerminalGraphics? {
    switch self {
    case .auto: answer.kitty ? .kitty : answer.sixel ? .sixel : nil
    case .sixel: .sixel
    case .kitty: .kitty
    case .off: nil
    }
  }
}
