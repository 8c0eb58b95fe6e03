/// Outputs a ``Canvas`` as text: the headless screen, and the way views are tested.
public enum TextScreen {
  /// The canvas as plain text: one line per row joined by `"\n"` (no final newline), continuation cells skipped,
  /// trailing spaces trimmed from each row, no styling.
  public static func plain(_ canvas: Canvas) -> String {
    var lines: [String] = []
    lines.reserveCapacity(canvas.height)
    for row in 0..<canvas.height {
      var line = ""
      for column in 0..<canvas.width {
        let cell = canvas[x: column, y: row]
        if !cell.isContinuation { line += cell.grapheme }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// The canvas as text with ANSI SGR sequences: one line per row joined by `"\n"`, continuation cells skipped.
  ///
  /// Each row starts from the terminal's default rendition. An SGR sequence is written before the first visible
  /// cell and then only where the style changes; each sequence starts with `0` so no attribute leaks from the
  /// previous style. Every row ends with a reset, `ESC[0m`. Trailing spaces are trimmed unless they are reversed
  /// or underlined (and so visible).
  ///
  /// - Parameter palette: the 256-colour foreground index of a role; a negative value means the terminal's default
  ///   colour (no colour code), as for a mono theme or `NO_COLOR`. Values above 255 are clamped. A cell's explicit
  ///   foreground replaces its role's, and its explicit background is written too.
  public static func ansi(_ canvas: Canvas, palette: (ColorRole) -> Int) -> String {
    var lines: [String] = []
    lines.reserveCapacity(canvas.height)
    for row in 0..<canvas.height {
      var visible: [Cell] = []
      for column in 0..<canvas.width {
        let cell = canvas[x: column, y: row]
        if !cell.isContinuation { visible.append(cell) }
      }
      while let last = visible.last, last.grapheme == " ", !last.style.reverse, !last.style.underline {
        visible.removeLast()
      }
      var line = ""
      var current: CellStyle?
      for cell in visible {
        if cell.style != current {
          line += sgr(cell.style, palette: palette)
          current = cell.style
        }
        line += cell.grapheme
      }
      line += reset
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// The sequence that resets all attributes and colours.
  public static let reset = "\u{1B}[0m"

  /// The absolute SGR sequence for `style`.
  static func sgr(_ style: CellStyle, palette: (ColorRole) -> Int) -> String {
    var parameters = ["0"]
    if style.bold { parameters.append("1") }
    if style.dim { parameters.append("2") }
    if style.underline { parameters.append("4") }
    if style.reverse { parameters.append("7") }
    let colour = style.foreground.map(Int.init) ?? palette(style.role)
    if colour >= 0 { parameters.append("38;5;\(min(colour, 255))") }
    if let background = style.background { parameters.append("48;5;\(background)") }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }
}
