import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The CHARON conversation, as the full view and as the dialog.
struct CharonViewTests {
  static func lines(_ canvas: Canvas) -> [Substring] {
    TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
  }

  // MARK: - Golden frames

  @Test func goldenFullQuery80x24() throws {
    let view = CharonView(
      conversation: try CharonConversationTests.story(), mode: .query, channel: "story",
      query: "what is in the housing", layout: .full)
    let text = TextScreen.plain(render(view, width: 80, height: 24))
    let expected = [
      " CHARON                                                           story · QUERY",
      "────────────────────────────────────────────────────────────────────────────────",
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
      " CHARON ▸ RELAY CALYX ONLINE. KEEPER ABSENT 41 DAYS.",
      "          SIGNAL PERIOD: 41 SECONDS. SOURCE INSIDE STAR.",
      "",
      "    YOU ▸ Where is Wren Halloran?",
      "",
      " CHARON ▸ LAST KNOWN POSITION: ANTENNA HOUSING, UPPER MAST. LIFE SIGNS:",
      "          INDETERMINATE.",
      "",
      "    YOU ▸ Open the mast hatch.",
      "          awaiting approval",
      "────────────────────────────────────────────────────────────────────────────────",
      "    YOU ▸ what is in the housing█",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenDialogDisplay100x30() throws {
    let view = CharonView(
      conversation: try CharonConversationTests.story(), mode: .display, channel: "story", layout: .dialog)
    let text = TextScreen.plain(render(view, width: 100, height: 30))
    let expected = [
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
      "",
      "",
      "",
      "",
      "",
      "    ┌─ CHARON ─────────────────────────────────────────────────────────────── story · DISPLAY ─┐",
      "    │ CHARON ▸ RELAY CALYX ONLINE. KEEPER ABSENT 41 DAYS.                                      │",
      "    │          SIGNAL PERIOD: 41 SECONDS. SOURCE INSIDE STAR.                                  │",
      "    │                                                                                          │",
      "    │    YOU ▸ Where is Wren Halloran?                                                         │",
      "    │                                                                                          │",
      "    │ CHARON ▸ LAST KNOWN POSITION: ANTENNA HOUSING, UPPER MAST. LIFE SIGNS: INDETERMINATE.    │",
      "    │                                                                                          │",
      "    │    YOU ▸ Open the mast hatch.                                                            │",
      "    │          awaiting approval                                                               │",
      "    └──────────────────────────────────────────────────────────────────────────────────────────┘",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenDialogQueryASCII80x24() throws {
    let view = CharonView(
      conversation: try CharonConversationTests.story(), mode: .query, channel: "story", layout: .dialog,
      glyphs: .ascii)
    let text = TextScreen.plain(render(view, width: 80, height: 24))
    let expected = [
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "    +- CHARON --------------------------------------------- story - QUERY -+",
      "    | CHARON > RELAY CALYX ONLINE. KEEPER ABSENT 41 DAYS.                  |",
      "    |          SIGNAL PERIOD: 41 SECONDS. SOURCE INSIDE STAR.              |",
      "    |                                                                      |",
      "    |    YOU > Where is Wren Halloran?                                     |",
      "    |                                                                      |",
      "    | CHARON > LAST KNOWN POSITION: ANTENNA HOUSING, UPPER MAST. LIFE      |",
      "    |          SIGNS: INDETERMINATE.                                       |",
      "    |                                                                      |",
      "    |    YOU > Open the mast hatch.                                        |",
      "    |          awaiting approval                                           |",
      "    +----------------------------------------------------------------------+",
      "    |    YOU > _ type a query - Enter sends                                |",
      "    +----------------------------------------------------------------------+",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  // MARK: - Behaviour

  @Test func charonDraftsAwaitingApprovalAreNeverShown() throws {
    let text = TextScreen.plain(
      render(
        CharonView(conversation: try CharonConversationTests.story(), mode: .display, layout: .full), width: 100,
        height: 30))
    #expect(!text.contains("DRAFT") && !text.contains("WELDED"))
    #expect(text.contains("Open the mast hatch.\n          awaiting approval"))
  }

  @Test func scrolledToTheBottom() {
    let lines = (1...40).map { CharonConversation.Line(role: $0 % 2 == 0 ? "user" : "charon", content: "line \($0)") }
    let view = CharonView(conversation: CharonConversation(messages: lines), mode: .query, query: "", layout: .full)
    let rows = Self.lines(render(view, width: 60, height: 17))
    #expect(rows[15] == String(repeating: "─", count: 60))
    #expect(rows[14] == "    YOU ▸ line 40")
    #expect(rows[12] == " CHARON ▸ line 39")
    #expect(rows[3] == "")
    #expect(rows[2] == "    YOU ▸ line 34")
    #expect(rows[16].hasPrefix("    YOU ▸ █ type a query · Enter sends"))
  }

  @Test func displayModeHasNoInputLine() throws {
    let view = CharonView(conversation: try CharonConversationTests.story(), mode: .display, layout: .full)
    let rows = Self.lines(render(view, width: 80, height: 24))
    #expect(rows[23] == "          awaiting approval")
    #expect(!rows.contains { $0.contains("█") })
    #expect(rows[0].hasSuffix("DISPLAY"))
  }

  @Test func longQueryShowsItsTailBeforeTheCursor() {
    let query = "open every hatch on deck two and then 開けて"
    let view = CharonView(conversation: CharonConversation(), mode: .query, query: query, layout: .full)
    let rows = Self.lines(render(view, width: 40, height: 10))
    #expect(rows[9] == "    YOU ▸ …on deck two and then 開けて█")
    #expect(DisplayWidth.of(String(rows[9])) <= 39)
    #expect(CharonView.tail("abcdef", columns: 4, glyphs: .ascii) == "~def")
    #expect(CharonView.tail("abc", columns: 4, glyphs: .ascii) == "abc")
  }

  @Test func wrapsWideCharactersWithinTheColumn() {
    let content = "通信途絶。第二甲板の隔壁を封鎖せよ。繰り返す、第二甲板の隔壁を封鎖せよ。"
    let view = CharonView(
      conversation: CharonConversation(messages: [CharonConversation.Line(role: "charon", content: content)]),
      mode: .display, layout: .full)
    let rows = Self.lines(render(view, width: 30, height: 8)).filter { !$0.isEmpty }.suffix(4)
    #expect(
      Array(rows) == [
        " CHARON ▸ 通信途絶。第二甲板",
        "          の隔壁を封鎖せよ。",
        "          繰り返す、第二甲板",
        "          の隔壁を封鎖せよ。",
      ])
  }

  @Test func connectingAndEmptyStates() {
    for layout in CharonView.Layout.allCases {
      let connecting = TextScreen.plain(
        render(CharonView(conversation: nil, mode: .display, layout: layout), width: 80, height: 24))
      #expect(connecting.contains("connecting to CHARON…"))
      let empty = TextScreen.plain(
        render(
          CharonView(conversation: CharonConversation(channel: "bridge"), mode: .display, layout: layout), width: 80,
          height: 24))
      #expect(empty.contains("no transmissions on this channel") && empty.contains("bridge · DISPLAY"))
    }
  }

  @Test func hostileStringsAreSanitised() {
    let hostile = "\u{1B}[2J\u{9B}31mEVIL\u{85}\nLINE\u{1B}]0;pwned\u{07}"
    let conversation = CharonConversation(
      channel: hostile,
      messages: [
        CharonConversation.Line(role: "charon", content: hostile),
        CharonConversation.Line(role: hostile, content: hostile),
      ])
    for glyphs in GlyphSet.allCases {
      for layout in CharonView.Layout.allCases {
        let view = CharonView(
          conversation: conversation, mode: .query, channel: hostile, query: hostile, layout: layout, glyphs: glyphs)
        let text = TextScreen.plain(render(view, width: 100, height: 30))
        #expect(text.contains("EVIL"))
        #expect(!text.contains("[2J") && !text.contains("31m") && !text.contains("pwned") && !text.contains("?"))
      }
    }
  }

  @Test func drawsWithinTheCanvasFromSmallestToLargest() throws {
    let conversation = try CharonConversationTests.story()
    let views = CharonView.Layout.allCases.map {
      CharonView(conversation: conversation, mode: .query, query: "status", layout: $0)
    }
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
