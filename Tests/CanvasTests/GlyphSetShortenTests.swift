import Testing

@testable import BulkheadCanvas

/// Text cut to a number of display columns, with the glyph set's ellipsis.
struct GlyphSetShortenTests {
  @Test func textThatFitsIsUnchanged() {
    for glyphs in GlyphSet.allCases {
      #expect(glyphs.shorten("BRIDGE", to: 6) == "BRIDGE")
      #expect(glyphs.shorten("BRIDGE", to: 40) == "BRIDGE")
      #expect(glyphs.shorten("", to: 3) == "")
      #expect(glyphs.shorten("船船", to: 4) == "船船")
    }
  }

  @Test func cutTextEndsInTheSetsEllipsisWithinTheColumns() {
    #expect(GlyphSet.unicode.shorten("BRIDGE", to: 5) == "BRID…")
    #expect(GlyphSet.ascii.shorten("BRIDGE", to: 5) == "BRID~")
    #expect(GlyphSet.unicode.shorten("BRIDGE", to: 1) == "…")
    #expect(GlyphSet.ascii.shorten("BRIDGE", to: 2) == "B~")
    for columns in 1...8 {
      #expect(DisplayWidth.of(GlyphSet.unicode.shorten("REACTOR CONTROL", to: columns)) == columns)
    }
  }

  @Test func aWideCharacterIsNeverSplitAcrossTheLimit() {
    #expect(GlyphSet.unicode.shorten("船船船", to: 4) == "船…")
    #expect(GlyphSet.unicode.shorten("船船船", to: 5) == "船船…")
    #expect(GlyphSet.unicode.shorten("a船船", to: 4) == "a船…")
    #expect(GlyphSet.unicode.shorten("船船船", to: 2) == "…")
  }

  @Test func combiningMarksStayWithTheirBaseAndTakeNoColumn() {
    let accented = "e\u{301}e\u{301}e\u{301}e\u{301}"
    #expect(GlyphSet.unicode.shorten(accented, to: 4) == accented)
    #expect(GlyphSet.unicode.shorten(accented, to: 3) == "e\u{301}e\u{301}…")
  }

  @Test func noColumnsLeavesNothing() {
    for glyphs in GlyphSet.allCases {
      #expect(glyphs.shorten("BRIDGE", to: 0) == "")
      #expect(glyphs.shorten("BRIDGE", to: -3) == "")
    }
  }
}
