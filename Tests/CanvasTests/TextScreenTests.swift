import Testing

@testable import BulkheadCanvas

/// Plain and ANSI text output of a canvas.
struct TextScreenTests {
  static let escape = "\u{1B}["

  /// A small composed frame: a box with a title, wide text, and a wide grapheme clipped at the inner edge.
  static func composed() -> Canvas {
    var canvas = Canvas(width: 16, height: 4)
    canvas.box(canvas.bounds, style: CellStyle(role: .frame), glyphs: .unicode)
    canvas.put(" Hold ", x: 2, y: 0, style: CellStyle(role: .title, bold: true))
    canvas.put("格納庫 bay", x: 1, y: 1, style: .plain, maxWidth: 14)
    canvas.put("ab格", x: 12, y: 2, style: .plain, maxWidth: 3)
    return canvas
  }

  @Test func goldenPlainText() {
    let expected = """
      ┌─ Hold ───────┐
      │格納庫 bay    │
      │           ab │
      └──────────────┘
      """
    #expect(TextScreen.plain(Self.composed()) == expected)
  }

  @Test func plainTrimsTrailingSpacesAndKeepsEmptyRows() {
    var canvas = Canvas(width: 5, height: 3)
    canvas.put("ab", x: 0, y: 0, style: .plain)
    canvas.put("c", x: 2, y: 2, style: .plain)
    #expect(TextScreen.plain(canvas) == "ab\n\n  c")
    #expect(TextScreen.plain(Canvas(width: 0, height: 0)) == "")
  }

  @Test func ansiWritesOneSequencePerRowWhenTheStyleNeverChanges() {
    var canvas = Canvas(width: 6, height: 2)
    canvas.fill(canvas.bounds, with: Cell(grapheme: "x"))
    let lines = TextScreen.ansi(canvas, palette: { _ in 250 }).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2)
    for line in lines {
      #expect(line == "\u{1B}[0;38;5;250mxxxxxx\u{1B}[0m")
    }
  }

  @Test func ansiWithoutColourEmitsOnlyResets() {
    var canvas = Canvas(width: 3, height: 2)
    canvas.put("ab", x: 0, y: 0, style: .plain)
    #expect(TextScreen.ansi(canvas, palette: { _ in -1 }) == "\u{1B}[0mab\u{1B}[0m\n\u{1B}[0m")
  }

  @Test func ansiChangesStyleOnlyWhereItChangesAndResetsEachLine() {
    var canvas = Canvas(width: 8, height: 2)
    canvas.put("ab", x: 0, y: 0, style: .plain)
    canvas.put("CD", x: 2, y: 0, style: CellStyle(role: .alert, bold: true))
    canvas.put("e", x: 4, y: 0, style: .plain)
    canvas.put("格", x: 0, y: 1, style: CellStyle(role: .banner, reverse: true, underline: true))
    canvas.put(" ", x: 2, y: 1, style: CellStyle(role: .banner, reverse: true))
    let palette: (ColorRole) -> Int = { role in role == .alert ? 196 : role == .banner ? 300 : 7 }
    let expected =
      "\u{1B}[0;38;5;7mab\u{1B}[0;1;38;5;196mCD\u{1B}[0;38;5;7me\u{1B}[0m\n"
      + "\u{1B}[0;4;7;38;5;255m格\u{1B}[0;7;38;5;255m \u{1B}[0m"
    #expect(TextScreen.ansi(canvas, palette: palette) == expected)
  }

  @Test func ansiWritesExplicitPictureColoursOverTheRole() {
    var canvas = Canvas(width: 3, height: 1)
    canvas.put("▀", x: 0, y: 0, style: CellStyle(role: .text, foreground: 196, background: 21))
    canvas.put("▄", x: 1, y: 0, style: CellStyle(role: .text, foreground: 46))
    canvas.put("x", x: 2, y: 0, style: .plain)
    let expected = "\u{1B}[0;38;5;196;48;5;21m▀\u{1B}[0;38;5;46m▄\u{1B}[0;38;5;7mx\u{1B}[0m"
    #expect(TextScreen.ansi(canvas, palette: { _ in 7 }) == expected)
  }

  @Test func ansiOfTheGoldenFrameMatchesItsPlainText() {
    let canvas = Self.composed()
    let ansi = TextScreen.ansi(canvas, palette: { role in ColorRole.allCases.firstIndex(of: role)! })
    let lines = ansi.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
    #expect(Self.stripped(ansi) == TextScreen.plain(canvas))
  }

  /// `text` without its SGR sequences.
  static func stripped(_ text: String) -> String {
    var result = ""
    var inSequence = false
    for character in text {
      if inSequence {
        if character == "m" { inSequence = false }
      } else if character == "\u{1B}" {
        inSequence = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
