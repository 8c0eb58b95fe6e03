import BulkheadCanvas
import BulkheadCore

/// Word wrapping for text drawn on a ``Canvas``, measured in display columns.
///
/// Widths come from ``DisplayWidth``, so a wide grapheme counts two columns, and a line is only ever broken between
/// grapheme clusters, never inside one.
public enum TextWrap {
  /// `text` broken into lines of at most `width` columns.
  ///
  /// - Each `"\n"` starts a new line; empty lines are kept (paragraph breaks).
  /// - Lines break at spaces; runs of spaces between words collapse to one, and leading and trailing spaces go.
  /// - A word wider than `width` starts a new line and is broken between graphemes wherever the line is full.
  /// - A grapheme wider than `width` on its own (a wide grapheme when `width` is 1) is dropped.
  ///
  /// The text should already be sanitised (``UntrustedText/sanitize(_:lineBreak:)`` with `lineBreak: "\n"`).
  /// A non-positive `width` gives no lines.
  public static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      result += wrapParagraph(paragraph, width: width)
    }
    return result
  }

  /// Untrusted `text` (from the server or a campaign file) made safe and drawable in `glyphs`, then wrapped to
  /// `width` columns: ``UntrustedText/sanitize(_:lineBreak:)`` keeping its line breaks, ``GlyphSet/restrict(_:)``
  /// applied to each line, then ``lines(_:width:)``.
  public static func untrusted(_ text: String, width: Int, glyphs: GlyphSet) -> [String] {
    let paragraphs = UntrustedText.sanitize(text, lineBreak: "\n").split(
      separator: "\n", omittingEmptySubsequences: false)
    return lines(paragraphs.map { glyphs.restrict(String($0)) }.joined(separator: "\n"), width: width)
  }

  /// One paragraph (no line breaks) wrapped greedily; an empty paragraph gives one empty line.
  private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    for word in paragraph.split(separator: " ") {
      let wordWidth = DisplayWidth.of(String(word))
      if used > 0 && used + 1 + wordWidth <= width {
        line += " " + word
        used += 1 + wordWidth
        continue
      }
      if used > 0 {
        lines.append(line)
        line = ""
        used = 0
      }
      for character in word {
        let columns = DisplayWidth.of(character)
        guard columns <= width else { continue }
        if used + columns > width {
          lines.append(line)
          line = ""
          used = 0
        }
        line.append(character)
        used += columns
      }
    }
    lines.append(line)
    return lines
  }
}
