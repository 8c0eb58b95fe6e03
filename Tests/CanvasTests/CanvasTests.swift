import Testing

@testable import BulkheadCanvas

/// The cell canvas: grapheme placement, wide characters, clipping and the control-character defence.
struct CanvasTests {
  static let accent = CellStyle(role: .accent, bold: true)

  /// Every row of the canvas as the graphemes of its cells, continuation cells shown as `_`.
  static func cells(_ canvas: Canvas) -> [String] {
    (0..<canvas.height).map { row in
      (0..<canvas.width).map { column in
        let cell = canvas[x: column, y: row]
        return cell.isContinuation ? "_" : cell.grapheme
      }.joined()
    }
  }

  /// Checks that every continuation cell follows a two-column lead and every such lead has one.
  static func wideInvariantHolds(_ canvas: Canvas) -> Bool {
    for row in 0..<canvas.height {
      for column in 0..<canvas.width {
        let cell = canvas[x: column, y: row]
        if cell.isContinuation {
          guard column > 0 else { return false }
          let lead = canvas[x: column - 1, y: row]
          if lead.isContinuation || lead.grapheme.first.map(DisplayWidth.of) != 2 { return false }
        } else if let first = cell.grapheme.first, DisplayWidth.of(first) == 2 {
          guard column + 1 < canvas.width, canvas[x: column + 1, y: row].isContinuation else { return false }
        }
      }
    }
    return true
  }

  @Test func newCanvasIsBlankInTheGivenStyle() {
    let canvas = Canvas(width: 3, height: 2, style: Self.accent)
    #expect(canvas.bounds == Rect(x: 0, y: 0, width: 3, height: 2))
    #expect(canvas[x: 2, y: 1] == Cell(grapheme: " ", style: Self.accent))
    #expect(Canvas(width: -1, height: 4).width == 0)
  }

  @Test func putWritesNarrowTextAndReturnsColumns() {
    var canvas = Canvas(width: 6, height: 1)
    #expect(canvas.put("abc", x: 1, y: 0, style: Self.accent) == 3)
    #expect(Self.cells(canvas) == [" abc  "])
    #expect(canvas[x: 1, y: 0].style == Self.accent)
    #expect(canvas[x: 0, y: 0].style == .plain)
  }

  @Test func wideGraphemeTakesTwoCells() {
    var canvas = Canvas(width: 6, height: 1)
    #expect(canvas.put("格🚀x", x: 0, y: 0, style: .plain) == 5)
    #expect(Self.cells(canvas) == ["格_🚀_x "])
    #expect(canvas[x: 1, y: 0].isContinuation)
    #expect(canvas[x: 1, y: 0].grapheme == "")
    #expect(Self.wideInvariantHolds(canvas))
  }

  @Test func combiningMarkStaysWithItsBase() {
    var canvas = Canvas(width: 4, height: 1)
    #expect(canvas.put("e\u{0301}x", x: 0, y: 0, style: .plain) == 2)
    #expect(canvas[x: 0, y: 0].grapheme == "e\u{0301}")
    #expect(canvas[x: 1, y: 0].grapheme == "x")
  }

  @Test func zeroWidthGraphemeAttachesToPreviousCell() {
    var canvas = Canvas(width: 4, height: 1)
    #expect(canvas.put("a\u{200B}b", x: 0, y: 0, style: .plain) == 2)
    #expect(canvas[x: 0, y: 0].grapheme == "a\u{200B}")
    #expect(canvas[x: 1, y: 0].grapheme == "b")
    // With nothing written before it, a lone combining mark is dropped.
    #expect(canvas.put("\u{0301}c", x: 2, y: 0, style: .plain) == 1)
    #expect(canvas[x: 2, y: 0].grapheme == "c")
  }

  @Test func clipsAtTheRightEdgeAndAtMaxWidth() {
    var canvas = Canvas(width: 5, height: 1)
    #expect(canvas.put("abcdefgh", x: 2, y: 0, style: .plain) == 3)
    #expect(Self.cells(canvas) == ["  abc"])
    var limited = Canvas(width: 8, height: 1)
    #expect(limited.put("abcdef", x: 1, y: 0, style: .plain, maxWidth: 3) == 3)
    #expect(Self.cells(limited) == [" abc    "])
    #expect(limited.put("zz", x: 0, y: 0, style: .plain, maxWidth: 0) == 0)
    #expect(limited[x: 0, y: 0].grapheme == " ")
  }

  @Test func clipsAtTheLeftEdgeAndOutsideRows() {
    var canvas = Canvas(width: 4, height: 2)
    #expect(canvas.put("abcdef", x: -2, y: 0, style: .plain) == 6)
    #expect(Self.cells(canvas) == ["cdef", "    "])
    #expect(canvas.put("abc", x: 0, y: -1, style: .plain) == 0)
    #expect(canvas.put("abc", x: 0, y: 2, style: .plain) == 0)
    #expect(canvas.put("abc", x: 9, y: 1, style: .plain) == 0)
    #expect(Self.cells(canvas) == ["cdef", "    "])
  }

  @Test func wideGraphemeThatDoesNotFitBecomesASpace() {
    var canvas = Canvas(width: 4, height: 2, style: .plain)
    canvas.fill(canvas.bounds, with: Cell(grapheme: "."))
    #expect(canvas.put("ab格", x: 1, y: 0, style: .plain) == 3)
    #expect(Self.cells(canvas)[0] == ".ab ")
    #expect(canvas.put("格格", x: 0, y: 1, style: .plain, maxWidth: 3) == 3)
    #expect(Self.cells(canvas)[1] == "格_ .")
    // Straddling the left edge: the visible right half is a space.
    #expect(canvas.put("格x", x: -1, y: 1, style: .plain) == 3)
    #expect(Self.cells(canvas)[1] == " x .")
    #expect(Self.wideInvariantHolds(canvas))
  }

  @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("格格格", x: 0, y: 0, style: Self.accent)
    canvas.put("x", x: 1, y: 0, style: .plain)  // right half of the first
    #expect(Self.cells(canvas) == [" x格_格_"])
    #expect(canvas[x: 0, y: 0] == Cell(grapheme: " ", style: Self.accent))
    canvas.put("y", x: 2, y: 0, style: .plain)  // left half of the second
    #expect(Self.cells(canvas) == [" xy 格_"])
    #expect(canvas[x: 3, y: 0].isContinuation == false)
    canvas.put("格", x: 3, y: 0, style: .plain)  // straddles the third
    #expect(Self.cells(canvas) == [" xy格_ "])
    #expect(Self.wideInvariantHolds(canvas))
  }

  @Test func controlCharactersAreNeverStored() {
    var canvas = Canvas(width: 12, height: 1)
    let columns = canvas.put("a\u{1B}[31m\u{07}\r\n\u{7F}\u{9B}\u{85}b", x: 0, y: 0, style: .plain)
    #expect(columns == 12)
    #expect(Self.cells(canvas) == ["a?[31m??????"])
    canvas.fill(Rect(x: 0, y: 0, width: 2, height: 1), with: Cell(grapheme: "\u{1B}"))
    let hostile = BoxGlyphs(
      horizontal: "\u{9B}", vertical: "|", topLeft: "\t", topRight: "+", bottomLeft: "+", bottomRight: "+")
    canvas.box(canvas.bounds, style: .plain, glyphs: hostile)
    for column in 0..<canvas.width {
      let scalars = canvas[x: column, y: 0].grapheme.unicodeScalars
      #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
  }

  @Test func fillClipsAndRepairsWideGraphemesAtItsEdges() {
    var canvas = Canvas(width: 6, height: 3)
    canvas.put("格格格", x: 0, y: 1, style: .plain)
    canvas.fill(Rect(x: 1, y: -5, width: 2, height: 7), with: Cell(grapheme: "░", style: Self.accent))
    #expect(Self.cells(canvas) == [" ░░   ", " ░░ 格_", "      "])
    #expect(canvas[x: 2, y: 2].style == .plain)
    #expect(canvas[x: 2, y: 0].style == Self.accent)
    // A wide or multi-grapheme fill cell is drawn as a space.
    canvas.fill(Rect(x: 0, y: 2, width: 9, height: 9), with: Cell(grapheme: "格", isContinuation: true))
    #expect(Self.cells(canvas)[2] == "      ")
    #expect(!canvas[x: 0, y: 2].isContinuation)
    canvas.fill(Rect(x: 9, y: 9, width: 2, height: 2), with: Cell(grapheme: "#"))
    #expect(Self.wideInvariantHolds(canvas))
  }

  @Test func boxDrawsItsOutlineOnly() {
    var canvas = Canvas(width: 5, height: 4)
    canvas.fill(canvas.bounds, with: Cell(grapheme: "."))
    canvas.box(Rect(x: 0, y: 0, width: 5, height: 4), style: Self.accent, glyphs: .unicode)
    #expect(Self.cells(canvas) == ["┌───┐", "│...│", "│...│", "└───┘"])
    #expect(canvas[x: 4, y: 3].style == Self.accent)
    #expect(canvas[x: 2, y: 2].style == .plain)
  }

  @Test func boxClipsAtTheCanvasEdges() {
    var canvas = Canvas(width: 4, height: 3)
    canvas.box(Rect(x: 1, y: 1, width: 10, height: 10), style: .plain, glyphs: .ascii)
    #expect(Self.cells(canvas) == ["    ", " +--", " |  "])
    var other = Canvas(width: 4, height: 3)
    other.box(Rect(x: -2, y: -1, width: 5, height: 3), style: .plain, glyphs: .heavy)
    #expect(Self.cells(other) == ["  ┃ ", "━━┛ ", "    "])
  }

  @Test func degenerateBoxes() {
    var canvas = Canvas(width: 4, height: 3)
    canvas.box(Rect(x: 0, y: 0, width: 4, height: 1), style: .plain, glyphs: .ascii)
    canvas.box(Rect(x: 0, y: 1, width: 0, height: 5), style: .plain, glyphs: .ascii)
    canvas.box(Rect(x: 3, y: 1, width: 1, height: 2), style: .plain, glyphs: .ascii)
    #expect(Self.cells(canvas) == ["+--+", "   +", "   +"])
  }

  @Test func boxBreaksWideGraphemesUnderItsEdges() {
    var canvas = Canvas(width: 6, height: 3)
    canvas.put("格格格", x: 0, y: 1, style: .plain)
    canvas.box(Rect(x: 0, y: 0, width: 4, height: 3), style: .plain, glyphs: .unicode)
    #expect(Self.cells(canvas) == ["┌──┐  ", "│  │格_", "└──┘  "])
    #expect(Self.wideInvariantHolds(canvas))
  }

  @Test func rectHelpers() {
    let rect = Rect(x: 2, y: 3, width: 10, height: 4)
    #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
    #expect(rect.inset(by: 3).isEmpty)
    #expect(rect.inset(by: 3).height == 0)
    #expect(rect.contains(x: 2, y: 3))
    #expect(!rect.contains(x: 12, y: 3))
    #expect(!rect.contains(x: 5, y: 7))
    #expect(rect.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 3, height: 2))
    #expect(rect.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
    #expect(Rect.zero.isEmpty)
    #expect(!Rect.zero.contains(x: 0, y: 0))
  }
}
