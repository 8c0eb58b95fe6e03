import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The MESSAGES / COMM_TERMINAL broadcast list.
struct MessagesViewTests {
  // MARK: - Golden frames

  @Test func golden80x24() throws {
    let text = TextScreen.plain(
      render(MessagesView(messages: try BroadcastMessageTests.list()), width: 80, height: 24))
    let expected = [
      " MESSAGES                                                            5 MESSAGES",
      "────────────────────────────────────────────────────────────────────────────────",
      " 21:14  CHARON                                                       ■ CRITICAL",
      "        HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.",
      "",
      " 21:12  Bridge                                                           ▲ HIGH",
      "        Unknown contact bearing 041. Battle stations.",
      "",
      " 20:51  Quartermaster Oona Reyes",
      "        Ration count is off by six.",
      "        Someone is eating in the cold store.",
      "",
      " 20:30  Galley                                                              low",
      "        Coffee is back on deck 1.",
      "",
      " 19:00  CHARON",
      "        DEPARTURE CLEARED. CALYX RELAY, 3 DAYS.",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func golden100x30() throws {
    let view = MessagesView(messages: try BroadcastMessageTests.list(), title: "COMM TERMINAL")
    let text = TextScreen.plain(render(view, width: 100, height: 30))
    let expected = [
      " COMM TERMINAL                                                                           5 MESSAGES",
      "────────────────────────────────────────────────────────────────────────────────────────────────────",
      " 21:14  CHARON                                                                           ■ CRITICAL",
      "        HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.",
      "",
      " 21:12  Bridge                                                                               ▲ HIGH",
      "        Unknown contact bearing 041. Battle stations.",
      "",
      " 20:51  Quartermaster Oona Reyes",
      "        Ration count is off by six.",
      "        Someone is eating in the cold store.",
      "",
      " 20:30  Galley                                                                                  low",
      "        Coffee is back on deck 1.",
      "",
      " 19:00  CHARON",
      "        DEPARTURE CLEARED. CALYX RELAY, 3 DAYS.",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenASCII80x24() throws {
    let view = MessagesView(messages: try BroadcastMessageTests.list(), glyphs: .ascii)
    let text = TextScreen.plain(render(view, width: 80, height: 24))
    let expected = [
      " MESSAGES                                                            5 MESSAGES",
      "--------------------------------------------------------------------------------",
      " 21:14  CHARON                                                      !! CRITICAL",
      "        HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.",
      "",
      " 21:12  Bridge                                                           ! HIGH",
      "        Unknown contact bearing 041. Battle stations.",
      "",
      " 20:51  Quartermaster Oona Reyes",
      "        Ration count is off by six.",
      "        Someone is eating in the cold store.",
      "",
      " 20:30  Galley                                                              low",
      "        Coffee is back on deck 1.",
      "",
      " 19:00  CHARON",
      "        DEPARTURE CLEARED. CALYX RELAY, 3 DAYS.",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  // MARK: - Behaviour

  @Test func highAndCriticalDifferByTextAndColour() throws {
    let canvas = render(MessagesView(messages: try BroadcastMessageTests.list()), width: 80, height: 24)
    #expect(
      canvas[x: 69, y: 2].grapheme == "■"
        && canvas[x: 69, y: 2].style == CellStyle(role: .critical, bold: true, reverse: true))
    #expect(canvas[x: 73, y: 5].grapheme == "▲" && canvas[x: 73, y: 5].style == CellStyle(role: .alert, bold: true))
    #expect(canvas[x: 8, y: 13].style.dim)
    #expect(MessagesView.priorityTag(.normal, glyphs: .unicode) == nil)
    #expect(MessagesView.priorityTag(.critical, glyphs: .ascii)?.text == "!! CRITICAL")
    #expect(MessagesView.priorityTag(.high, glyphs: .ascii)?.text == "! HIGH")
  }

  @Test func messagesThatDoNotFitAreCountedAtTheBottom() throws {
    let rows = TextScreen.plain(
      render(MessagesView(messages: try BroadcastMessageTests.list()), width: 60, height: 12)
    ).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[5].hasPrefix(" 21:12  Bridge"))
    #expect(rows[8].hasPrefix(" 20:51  Quartermaster Oona Reyes"))
    #expect(rows[10] == "        Someone is eating in the cold store.")
    #expect(rows[11] == " + 2 more")
  }

  @Test func aMessageTallerThanTheViewIsCut() {
    let long = BroadcastMessage(id: 1, sender: "CHARON", content: String(repeating: "WARNING ", count: 200))
    let rows = TextScreen.plain(render(MessagesView(messages: [long]), width: 60, height: 10))
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[2].hasPrefix("        CHARON"))
    #expect(rows[8].hasPrefix("        WARNING"))
    #expect(rows[9] == " + 1 more")
  }

  @Test func emptyList() {
    let text = TextScreen.plain(render(MessagesView(messages: []), width: 80, height: 24))
    #expect(text.contains("no messages") && text.contains("0 MESSAGES"))
  }

  @Test func wrapsWideCharacters() {
    let message = BroadcastMessage(id: 1, sender: "艦橋", content: "全乗組員へ。第二甲板の隔壁を直ちに封鎖せよ。")
    let rows = TextScreen.plain(render(MessagesView(messages: [message]), width: 30, height: 8))
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[2] == "        艦橋")
    #expect(rows[3] == "        全乗組員へ。第二甲板")
    #expect(rows[4] == "        の隔壁を直ちに封鎖せ")
    #expect(rows[5] == "        よ。")
  }

  @Test func hostileStringsAreSanitised() {
    let hostile = "\u{1B}[2J\u{9B}31mEVIL\u{85}\nLINE\u{1B}]0;pwned\u{07}"
    let message = BroadcastMessage(
      id: 1, sender: hostile, content: hostile, priority: .critical, createdAt: "2186-02-09 \u{1B}[2J:00")
    for glyphs in GlyphSet.allCases {
      let view = MessagesView(messages: [message], title: hostile, glyphs: glyphs)
      let text = TextScreen.plain(render(view, width: 80, height: 24))
      #expect(text.contains("EVIL LINE") && text.contains("EVIL\n"))
      #expect(!text.contains("[2J") && !text.contains("31m") && !text.contains("pwned") && !text.contains("?"))
    }
  }

  @Test func drawsWithinTheCanvasFromSmallestToLargest() throws {
    let views = [MessagesView(messages: try BroadcastMessageTests.list())]
    for size in [(60, 17), (80, 24), (100, 30), (160, 48), (200, 60)] {
      for view in views {
        let canvas = render(view, width: size.0, height: size.1)
        let rows = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == size.1)
        #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= size.0 })
        #expect(rows.contains { !$0.isEmpty })
      }
    }
  }
}
