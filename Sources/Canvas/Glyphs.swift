/// The character repertoire a view draws with: Unicode symbols for UTF-8 terminals, plain ASCII otherwise.
public enum GlyphSet: Sendable, Hashable, CaseIterable {
  /// Unicode box drawing and symbols, for terminals whose codeset is UTF-8.
  case unicode
  /// Printable ASCII only, for every other terminal.
  case ascii

  /// The box glyphs that match this set: ``BoxGlyphs/unicode`` or ``BoxGlyphs/ascii``.
  public var box: BoxGlyphs {
    switch self {
    case .unicode: .unicode
    case .ascii: .ascii
    }
  }

  /// `unicode` when the set is ``unicode``, else `ascii`.
  public func pick(_ unicode: String, _ ascii: String) -> String {
    self == .unicode ? unicode : ascii
  }

  /// `text` made drawable in this set: unchanged for ``unicode``; for ``ascii`` every scalar outside printable
  /// ASCII becomes `?`.
  public func restrict(_ text: String) -> String {
    guard self == .ascii, text.unicodeScalars.contains(where: { !(0x20...0x7E).contains($0.value) }) else {
      return text
    }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append((0x20...0x7E).contains(scalar.value) ? scalar : "?") }
    return String(scalars)
  }
}
