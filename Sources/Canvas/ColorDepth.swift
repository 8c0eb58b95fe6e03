/// How many colours a terminal can show; a theme resolves to a ``Palette`` for one of these.
public enum ColorDepth: Sendable, Hashable, CaseIterable {
  /// No colours (or `NO_COLOR` is set): roles are carried by glyphs and attributes.
  case none
  /// The 8 basic ANSI colours.
  case eight
  /// The 8 basic colours and their bright variants.
  case sixteen
  /// The xterm 256-colour palette.
  case full
}
