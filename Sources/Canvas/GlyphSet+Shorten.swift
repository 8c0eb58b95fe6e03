extension GlyphSet {
  /// `text` cut to at most `columns` display columns (``DisplayWidth``), ending in `…` (ASCII `~`) when it had to
  /// be cut; the mark takes the last column. Unchanged when it fits; empty when `columns` is zero or less.
  ///
  /// A wide character that would straddle the limit is left out, so the result may be one column short of
  /// `columns`.
  public func shorten(_ text: String, to columns: Int) -> String {
    guard columns > 0 else { return "" }
    guard DisplayWidth.of(text) > columns else { return text }
    var result = ""
    var used = 0
    for character in text {
      let width = DisplayWidth.of(character)
      if used + width > columns - 1 { break }
      result.append(character)
      used += width
    }
    return result + pick("…", "~")
  }
}
