import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The comm-terminal overlay: header, inbox list, selection, opened message.
struct CommTerminalOverlayTests {
  /// A terminal with `count` read messages `Message 1` … from `Sender 1` ….
  static func longInbox(count: Int) -> TerminalInbox {
    TerminalInbox(
      slug: "lab", owner: "Lab", terminalID: "LAB-1", accessLevel: "PUBLIC",
      inbox: (1...count).map { TerminalMessage(subject: "Message \($0)", from: "Sender \($0)") })
  }

  // MARK: - Golden frames

  @Test func goldenInbox80x24() throws {
    let overlay = CommTerminalOverlay(inbox: try TerminalInboxTests.keeper(), selection: 2)
    let text = TextScreen.plain(render(overlay, width: 80, height: 24))
    let expected = [
      "",
      "  ┌─ COMM TERMINAL ─────────────────────────────────────────────── 2 UNREAD ─┐",
      "  │ Keeper Ansel Mott · CLX-KEEP-01 · RESTRICTED                             │",
      "  │ Calyx Relay · Relay keeper's log terminal                                │",
      "  ├──────────────────────────────────────────────────────────────────────────┤",
      "  │   FROM                  SUBJECT                         RECEIVED         │",
      "  │   CHARON                UNCATALOGUED SIGNAL             2186-01-28 02:14 │",
      "  │   Signals Tech Wren H…  It is repeating                 2186-01-30 19:06 │",
      "  │ ▸●Signals Tech Wren H…  I answered                      2186-02-03 03:33 │",
      "  │  ●Hollis-Varga Logist…  Supply drop rescheduled                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  │                                                                          │",
      "  ├──────────────────────────────────────────────────────────────────────────┤",
      "  │                  ↑↓/j k select · Enter open · Esc close                  │",
      "  └──────────────────────────────────────────────────────────────────────────┘",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenOpenedMessage100x30() throws {
    let overlay = CommTerminalOverlay(inbox: try TerminalInboxTests.keeper(), selection: 2, openedMessage: 2)
    let text = TextScreen.plain(render(overlay, width: 100, height: 30))
    let expected = [
      "",
      "  ┌─ COMM TERMINAL ─────────────────────────────────────────────────────────────────── 2 UNREAD ─┐",
      "  │ Keeper Ansel Mott · CLX-KEEP-01 · RESTRICTED                                                 │",
      "  │ Calyx Relay · Relay keeper's log terminal                                                    │",
      "  ├──────────────────────────────────────────────────────────────────────────────────────────────┤",
      "  │   FROM                          SUBJECT                                     RECEIVED         │",
      "  │   CHARON                        UNCATALOGUED SIGNAL                         2186-01-28 02:14 │",
      "  │   Signals Tech Wren Halloran    It is repeating                             2186-01-30 19:06 │",
      "  │ ▸●Signals Tech Wren Halloran    I answered                                  2186-02-03 03:33 │",
      "  │  ●Hollis-Varga Logistics        Supply drop rescheduled                                      │",
      "  ├──────────────────────────────────────────────────────────────────────────────────────────────┤",
      "  │ From Signals Tech Wren Halloran · 2186-02-03 03:33:00                                        │",
      "  │ Subject I answered [CRITICAL]                                                                │",
      "  │                                                                                              │",
      "  │ I answered.                                                                                  │",
      "  │                                                                                              │",
      "  │ It stopped asking. The feed horn is warm.                                                    │",
      "  │ There is something in the antenna housing and it is not ice.                                 │",
      "  │                                                                                              │",
      "  │ I am going up to look. Do not weld the hatch.                                                │",
      "  │                                                                                              │",
      "  │ - W                                                                                          │",
      "  │                                                                                              │",
      "  │                                                                                              │",
      "  │                                                                                              │",
      "  │                                                                                              │",
      "  ├──────────────────────────────────────────────────────────────────────────────────────────────┤",
      "  │                            ↑↓/j k select · Enter open · Esc close                            │",
      "  └──────────────────────────────────────────────────────────────────────────────────────────────┘",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenOpenedMessageASCII80x24() throws {
    let overlay = CommTerminalOverlay(
      inbox: try TerminalInboxTests.keeper(), selection: 1, openedMessage: 1, glyphs: .ascii)
    let text = TextScreen.plain(render(overlay, width: 80, height: 24))
    let expected = [
      "",
      "  +- COMM TERMINAL ----------------------------------------------- 2 UNREAD -+",
      "  | Keeper Ansel Mott - CLX-KEEP-01 - RESTRICTED                             |",
      "  | Calyx Relay - Relay keeper's log terminal                                |",
      "  +--------------------------------------------------------------------------+",
      "  |   FROM                  SUBJECT                         RECEIVED         |",
      "  |   CHARON                UNCATALOGUED SIGNAL             2186-01-28 02:14 |",
      "  | > Signals Tech Wren H~  It is repeating                 2186-01-30 19:06 |",
      "  |  *Signals Tech Wren H~  I answered                      2186-02-03 03:33 |",
      "  |  *Hollis-Varga Logist~  Supply drop rescheduled                          |",
      "  +--------------------------------------------------------------------------+",
      "  | From Signals Tech Wren Halloran - 2186-01-30 19:06:00                    |",
      "  | Subject It is repeating                                                  |",
      "  |                                                                          |",
      "  | Ansel,                                                                   |",
      "  |                                                                          |",
      "  | The 41 second signal is not noise. It is a question.                     |",
      "  | Same structure every time. It is waiting for a reply.                    |",
      "  |                                                                          |",
      "  | ~                                                                        |",
      "  +--------------------------------------------------------------------------+",
      "  |                  ^v/j k select - Enter open - Esc close                  |",
      "  +--------------------------------------------------------------------------+",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  // MARK: - Behaviour

  @Test func selectedRowIsReverseVideoAcrossThePanel() throws {
    let canvas = render(
      CommTerminalOverlay(inbox: try TerminalInboxTests.keeper(), selection: 1), width: 80, height: 24)
    let row = 7
    let lines = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[row].contains("It is repeating"))
    for x in 3...76 { #expect(canvas[x: x, y: row].style.reverse) }
    #expect(!canvas[x: 2, y: row].style.reverse && !canvas[x: 77, y: row].style.reverse)
    #expect(!canvas[x: 10, y: row - 1].style.reverse && !canvas[x: 10, y: row + 1].style.reverse)
  }

  @Test func unreadRowsAreBoldAndPrioritiesColoured() throws {
    let canvas = render(
      CommTerminalOverlay(inbox: try TerminalInboxTests.keeper(), selection: 0), width: 80, height: 24)
    // Row 8: "I answered" (CRITICAL, unread); row 9: "Supply drop rescheduled" (HIGH, unread); row 7: read.
    #expect(canvas[x: 5, y: 8].style.bold && canvas[x: 28, y: 8].style.role == .critical)
    #expect(canvas[x: 28, y: 9].style.role == .alert)
    #expect(!canvas[x: 5, y: 7].style.bold && canvas[x: 28, y: 7].style.role == .text)
  }

  @Test func firstVisibleRowKeepsTheSelectionInTheMiddle() {
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 0, count: 30, rows: 10) == 0)
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 4, count: 30, rows: 10) == 0)
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 5, count: 30, rows: 10) == 1)
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 15, count: 30, rows: 10) == 11)
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 29, count: 30, rows: 10) == 20)
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 99, count: 30, rows: 10) == 20)
    #expect(CommTerminalOverlay.firstVisibleRow(selection: 7, count: 8, rows: 10) == 0)
  }

  @Test func listScrollsToKeepTheSelectionVisible() {
    // 80x24: 14 list rows under the labels, rows 6…19.
    for selection in [0, 13, 14, 25, 39] {
      let canvas = render(
        CommTerminalOverlay(inbox: Self.longInbox(count: 40), selection: selection), width: 80, height: 24)
      let lines = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
      let selected = lines.firstIndex { $0.contains("▸") }
      #expect(selected.map { lines[$0].contains("Message \(selection + 1) ") } == true)
      let first = CommTerminalOverlay.firstVisibleRow(selection: selection, count: 40, rows: 14)
      #expect(lines[6].contains("Sender \(first + 1) "))
      #expect(lines[6].hasSuffix(first > 0 ? "↑" : "│"))
      #expect(lines[19].hasSuffix(first + 14 < 40 ? "↓" : "│"))
    }
  }

  @Test func selectionAndOpenedMessageOutOfRangeAreSafe() throws {
    let inbox = try TerminalInboxTests.keeper()
    let text = TextScreen.plain(
      render(CommTerminalOverlay(inbox: inbox, selection: 99, openedMessage: 42), width: 80, height: 24))
    #expect(text.contains("│ ▸●Hollis-Varga Logist…  Supply drop rescheduled "))
    #expect(!text.contains("Subject "))
    let negative = TextScreen.plain(
      render(CommTerminalOverlay(inbox: inbox, selection: -3), width: 80, height: 24))
    #expect(negative.contains("│ ▸ CHARON                UNCATALOGUED SIGNAL "))
  }

  @Test func smallAreaGivesTheOpenedMessageTheWholeBody() throws {
    let overlay = CommTerminalOverlay(inbox: try TerminalInboxTests.keeper(), selection: 1, openedMessage: 1)
    let lines = TextScreen.plain(render(overlay, width: 60, height: 17))
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[5].contains("From Signals Tech Wren Halloran"))
    #expect(lines[8].contains("Ansel,"))
    #expect(!lines.contains { $0.contains("RECEIVED") })
  }

  @Test func connectingAndEmptyStates() {
    let connecting = TextScreen.plain(render(CommTerminalOverlay(inbox: nil), width: 80, height: 24))
    #expect(connecting.contains("connecting to terminal…"))
    #expect(connecting.contains("Esc close"))
    let ascii = TextScreen.plain(render(CommTerminalOverlay(inbox: nil, glyphs: .ascii), width: 80, height: 24))
    #expect(ascii.contains("connecting to terminal..."))
    let empty = TextScreen.plain(
      render(CommTerminalOverlay(inbox: TerminalInbox(owner: "Nobody")), width: 80, height: 24))
    #expect(empty.contains("no messages") && empty.contains("Nobody"))
  }

  @Test func hostileStringsAreSanitised() {
    let hostile = "\u{1B}[2J\u{9B}31mEVIL\u{85}\nLINE\u{1B}]0;pwned\u{07}"
    let inbox = TerminalInbox(
      owner: hostile, terminalID: hostile, accessLevel: hostile, description: hostile, locationName: hostile,
      inbox: [
        TerminalMessage(
          subject: hostile, from: hostile, content: hostile + "\n" + hostile, timestamp: hostile, priority: hostile)
      ])
    for glyphs in GlyphSet.allCases {
      let canvas = render(
        CommTerminalOverlay(inbox: inbox, selection: 0, openedMessage: 0, glyphs: glyphs), width: 100, height: 30)
      let text = TextScreen.plain(canvas)
      #expect(text.contains("EVIL LINE"))
      #expect(!text.contains("[2J") && !text.contains("31m") && !text.contains("pwned") && !text.contains("?"))
    }
  }

  @Test func drawsOnlyInsideThePanelAndItsMargin() throws {
    var canvas = Canvas(width: 80, height: 24)
    canvas.fill(canvas.bounds, with: Cell(grapheme: "."))
    CommTerminalOverlay(inbox: try TerminalInboxTests.keeper()).draw(into: &canvas, area: canvas.bounds)
    let panel = CommTerminalOverlay.panel(in: canvas.bounds)
    #expect(panel == Rect(x: 2, y: 1, width: 76, height: 22))
    for y in 0..<24 {
      for x in 0..<80 {
        let expected = panel.contains(x: x, y: y) ? nil : panel.inset(by: -1).contains(x: x, y: y) ? " " : "."
        if let expected { #expect(canvas[x: x, y: y].grapheme == expected, "(\(x), \(y))") }
      }
    }
  }

  @Test func drawsWithinTheCanvasFromSmallestToLargest() throws {
    let inbox = try TerminalInboxTests.keeper()
    let views = [
      CommTerminalOverlay(inbox: inbox, selection: 3, openedMessage: 2),
      CommTerminalOverlay(inbox: Self.longInbox(count: 60), selection: 30, glyphs: .ascii),
    ]
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
