import Testing

@testable import BulkheadCore

@Suite("Untrusted text on a terminal")
struct UntrustedTextTests {
  @Test(
    "escape sequences are removed whole",
    arguments: [
      ("\u{1B}[2Jclear", "clear"),
      ("\u{1B}[38;5;196mred\u{1B}[0m", "red"),
      ("\u{1B}]0;title\u{07}after", "after"),
      ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
      ("\u{9B}31mc1", "c1"),
      ("\u{1B}Pdcs-string\u{1B}\\ok", "ok"),
      ("\u{1B}7saved", "saved"),
    ])
  func escapes(_ input: String, _ expected: String) {
    #expect(UntrustedText.sanitize(input) == expected)
  }

  @Test("control characters and bidirectional overrides are dropped; line breaks and tabs become spaces")
  func controls() {
    #expect(UntrustedText.sanitize("a\u{0}b\u{7}c\u{7F}d\u{85}e") == "abcde")
    #expect(UntrustedText.sanitize("left\u{202E}thgir") == "leftthgir")
    #expect(UntrustedText.sanitize("one\ntwo\tthree") == "one two three")
    #expect(UntrustedText.sanitize("one\ntwo", lineBreak: "\\n") == "one\\ntwo")
    #expect(UntrustedText.sanitize("CR\rhidden") == "CRhidden")
  }

  @Test("ordinary text, wide characters and emoji pass unchanged")
  func unchanged() {
    for text in ["HULL BREACH — DECK 2", "Dr. Lucía Vance", "格納庫", "☠️ 👁", "é"] {
      #expect(UntrustedText.sanitize(text) == text)
    }
  }

  @Test("the JSON writer escapes C1 control characters")
  func jsonEscapesC1() {
    let bytes = JSONWriter.encode(.string("a\u{9B}b\u{A0}c"))
    #expect(String(decoding: bytes, as: UTF8.self) == "\"a\\u009bb\u{A0}c\"")
  }
}
