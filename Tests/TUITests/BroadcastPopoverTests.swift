import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The pop-over for a new HIGH or CRITICAL broadcast.
struct BroadcastPopoverTests {
  // MARK: - Golden frames

  @Test func goldenCritical80x24() throws {
    let text = TextScreen.plain(
      render(BroadcastPopover(message: try BroadcastMessageTests.list()[0]), width: 80, height: 24))
    let expected = [
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "                ┌──────────────── ▲ CRITICAL ▲ ────────────────┐",
      "                │                                              │",
      "                │  CHARON · 21:14                              │",
      "                │                                              │",
      "                │  HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.  │",
      "                │                                              │",
      "                └──────────────────────────────────────────────┘",
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

  @Test func goldenHigh100x30() throws {
    let text = TextScreen.plain(
      render(BroadcastPopover(message: try BroadcastMessageTests.list()[1]), width: 100, height: 30))
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
      "                        ┌─────────────── ▲ HIGH PRIORITY ▲ ───────────────┐",
      "                        │                                                 │",
      "                        │  Bridge · 21:12                                 │",
      "                        │                                                 │",
      "                        │  Unknown contact bearing 041. Battle stations.  │",
      "                        │                                                 │",
      "                        └─────────────────────────────────────────────────┘",
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

  @Test func goldenCriticalASCII80x24() throws {
    let popover = BroadcastPopover(message: try BroadcastMessageTests.list()[0], glyphs: .ascii)
    let text = TextScreen.plain(render(popover, width: 80, height: 24))
    let expected = [
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "                +--------------- !! CRITICAL !! ---------------+",
      "                |                                              |",
      "                |  CHARON - 21:14                              |",
      "                |                                              |",
      "                |  HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.  |",
      "                |                                              |",
      "                +----------------------------------------------+",
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

  // MARK: - Behaviour

  @Test func criticalFillsThePanelInReverseCriticalHighHasAnAlertFrame() throws {
    let list = try BroadcastMessageTests.list()
    let critical = render(BroadcastPopover(message: list[0]), width: 80, height: 24)
    for y in 8...14 {
      for x in 16...63 {
        #expect(critical[x: x, y: y].style.reverse && critical[x: x, y: y].style.role == .critical)
      }
    }
    #expect(!critical[x: 15, y: 10].style.reverse && !critical[x: 64, y: 10].style.reverse)
    let high = render(BroadcastPopover(message: list[1]), width: 80, height: 24)
    #expect(high[x: 14, y: 8].style == CellStyle(role: .alert, bold: true))
    #expect(high[x: 14, y: 10].style == CellStyle(role: .alert, bold: true))
    #expect(!high[x: 20, y: 12].style.reverse)
    let title = try #require(TextScreen.plain(high).split(separator: "\n").first)
    let titleX = DisplayWidth.of(String(title.prefix { $0 != "▲" }))
    #expect(high[x: titleX, y: 8].style == CellStyle(role: .alert, bold: true, reverse: true))
    #expect(BroadcastPopover(message: list[2]).title == "INCOMING MESSAGE")
  }

  @Test func longTextIsCutToTheArea() {
    let message = BroadcastMessage(
      id: 9, sender: "CHARON", content: String(repeating: "REACTOR SCRAM IMMINENT. ", count: 40), priority: .critical,
      createdAt: "2186-02-09 21:14:03")
    let canvas = render(BroadcastPopover(message: message), width: 60, height: 17)
    let rows = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[0].isEmpty && rows[16].isEmpty)
    #expect(rows[1].contains("▲ CRITICAL ▲"))
    #expect(rows[13].contains("│  …"))
    #expect(rows[15].hasPrefix("   └"))
  }

  @Test func hostileStringsAreSanitised() {
    let hostile = "\u{1B}[2J\u{9B}31mEVIL\u{85}\nLINE\u{1B}]0;pwned\u{07}"
    for glyphs in GlyphSet.allCases {
      let popover = BroadcastPopover(
        message: BroadcastMessage(id: 1, sender: hostile, content: hostile, priority: .high), glyphs: glyphs)
      let text = TextScreen.plain(render(popover, width: 80, height: 24))
      #expect(text.contains("EVIL LINE"))
      #expect(!text.contains("[2J") && !text.contains("31m") && !text.contains("pwned") && !text.contains("?"))
    }
  }

  @Test func drawsWithinTheCanvasFromSmallestToLargest() throws {
    let views = try BroadcastMessageTests.list().map { BroadcastPopover(message: $0) }
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
