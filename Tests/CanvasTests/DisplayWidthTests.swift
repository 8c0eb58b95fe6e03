import Testing

@testable import BulkheadCanvas

/// Column widths of grapheme clusters, as a terminal lays them out.
struct DisplayWidthTests {
  @Test func asciiAndLatinAreOneColumn() {
    #expect(DisplayWidth.of(Character("a")) == 1)
    #expect(DisplayWidth.of(Character("~")) == 1)
    #expect(DisplayWidth.of(Character("ß")) == 1)
    #expect(DisplayWidth.of(Character("─")) == 1)
    #expect(DisplayWidth.of(Character("░")) == 1)
  }

  @Test func cjkAndFullwidthAreTwoColumns() {
    #expect(DisplayWidth.of(Character("格")) == 2)
    #expect(DisplayWidth.of(Character("船")) == 2)
    #expect(DisplayWidth.of(Character("カ")) == 2)
    #expect(DisplayWidth.of(Character("한")) == 2)
    #expect(DisplayWidth.of(Character("Ａ")) == 2)
    #expect(DisplayWidth.of(Character("\u{3000}")) == 2)
    #expect(DisplayWidth.of(Character("\u{20000}")) == 2)
  }

  @Test func emojiPresentationIsTwoColumns() {
    #expect(DisplayWidth.of(Character("🚀")) == 2)
    #expect(DisplayWidth.of(Character("😀")) == 2)
    #expect(DisplayWidth.of(Character("🦀")) == 2)
    #expect(DisplayWidth.of(Character("👩‍🚀")) == 2)
    #expect(DisplayWidth.of(Character("🇩🇪")) == 2)
  }

  @Test func textEmojiWidensOnlyWithVariationSelector16() {
    #expect(DisplayWidth.of(Character("\u{2764}")) == 1)
    #expect(DisplayWidth.of(Character("\u{2764}\u{FE0F}")) == 2)
    #expect(DisplayWidth.of(Character("\u{2622}\u{FE0F}")) == 2)
  }

  @Test func combiningMarksAddNoColumn() {
    let composed = Character("e\u{0301}")
    #expect(DisplayWidth.of(composed) == 1)
    #expect(DisplayWidth.of(scalar: "\u{0301}") == 0)
    #expect(DisplayWidth.of(Character("\u{0301}")) == 0)
    #expect(DisplayWidth.of(Character("\u{200B}")) == 0)
    #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
    #expect(DisplayWidth.of(Character("\u{1100}\u{1161}")) == 2)
  }

  @Test func controlCharactersHaveNoWidth() {
    #expect(DisplayWidth.of(scalar: "\u{1B}") == 0)
    #expect(DisplayWidth.of(scalar: "\u{7F}") == 0)
    #expect(DisplayWidth.of(scalar: "\u{9B}") == 0)
  }

  @Test func stringWidthSumsItsGraphemes() {
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("DECK 1/3") == 8)
    #expect(DisplayWidth.of("格納庫 A") == 8)
    #expect(DisplayWidth.of("cafe\u{0301}🚀") == 6)
  }
}
