import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Word wrapping in display columns.
struct TextWrapTests {
  @Test func breaksAtSpacesAndCollapsesThem() {
    #expect(TextWrap.lines("The quick brown fox", width: 10) == ["The quick", "brown fox"])
    #expect(TextWrap.lines("  a   b  ", width: 10) == ["a b"])
    #expect(TextWrap.lines("exactly ten", width: 11) == ["exactly ten"])
  }

  @Test func keepsLineBreaksAndEmptyLines() {
    #expect(TextWrap.lines("one\n\ntwo three", width: 5) == ["one", "", "two", "three"])
    #expect(TextWrap.lines("", width: 5) == [""])
  }

  @Test func breaksAWordWiderThanTheLine() {
    #expect(TextWrap.lines("ab abcdefghij", width: 4) == ["ab", "abcd", "efgh", "ij"])
  }

  @Test func countsWideCharactersAsTwoColumns() {
    #expect(TextWrap.lines("漢字かな交じり文", width: 5) == ["漢字", "かな", "交じ", "り文"])
    #expect(TextWrap.lines("ab 漢字 かな", width: 5) == ["ab", "漢字", "かな"])
    for line in TextWrap.lines("통신 단말기 연결됨 — 메시지 세 통 수신", width: 7) {
      #expect(DisplayWidth.of(line) <= 7)
    }
  }

  @Test func neverBreaksInsideAGrapheme() {
    let family = "👩‍👩‍👧"
    let accented = "e\u{301}"
    #expect(TextWrap.lines(family + family + family, width: 5) == [family + family, family])
    #expect(
      TextWrap.lines(String(repeating: accented, count: 5), width: 2) == [
        accented + accented, accented + accented, accented,
      ])
    #expect(TextWrap.lines("漢a", width: 1) == ["a"])
    #expect(TextWrap.lines("anything", width: 0).isEmpty)
  }

  @Test func untrustedTextIsSanitisedKeepingLineBreaks() {
    let hostile = "\u{1B}[2Jhi\u{85} there\n\u{9B}31mworld\u{1B}]0;title\u{07}!\r"
    #expect(TextWrap.untrusted(hostile, width: 20, glyphs: .unicode) == ["hi there", "world!"])
    #expect(TextWrap.untrusted("héllo\n漢字", width: 20, glyphs: .ascii) == ["h?llo", "??"])
  }
}
