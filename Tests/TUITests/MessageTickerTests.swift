import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The bottom line with the latest broadcast.
struct MessageTickerTests {
  static func line(_ ticker: MessageTicker, width: Int) -> (text: String, canvas: Canvas) {
    var canvas = Canvas(width: width, height: 3)
    canvas.fill(canvas.bounds, with: Cell(grapheme: "."))
    ticker.draw(into: &canvas, area: Rect(x: 0, y: 2, width: width, height: 1))
    let rows = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows[1] == Substring(String(repeating: ".", count: width)))
    return (String(rows[2]), canvas)
  }

  @Test func goldenLines() throws {
    let list = try BroadcastMessageTests.list()
    #expect(
      Self.line(MessageTicker(message: list[2]), width: 80).text
        == " ▸ 20:51 · Quartermaster Oona Reyes · Ration count is off by six. Someone is e…")
    #expect(
      Self.line(MessageTicker(message: list[0]), width: 100).text
        == " ▸ 21:14 · CHARON · ■ CRITICAL HULL BREACH DECK 2. SEAL BULKHEAD 2-C NOW.")
    #expect(
      Self.line(MessageTicker(message: list[1], glyphs: .ascii), width: 80).text
        == " > 21:12 - Bridge - ! HIGH Unknown contact bearing 041. Battle stations.")
    #expect(
      Self.line(MessageTicker(message: list[2], glyphs: .ascii), width: 60).text
        == " > 20:51 - Quartermaster Oona Reyes - Ration count is off ~")
  }

  @Test func urgentTextTakesThePriorityColour() throws {
    let list = try BroadcastMessageTests.list()
    let critical = Self.line(MessageTicker(message: list[0]), width: 100).canvas
    #expect(critical[x: 20, y: 2].style == CellStyle(role: .critical, bold: true, reverse: true))
    #expect(critical[x: 31, y: 2].style == CellStyle(role: .critical, bold: true))
    let normal = Self.line(MessageTicker(message: list[2]), width: 100).canvas
    #expect(normal[x: 40, y: 2].style == CellStyle(role: .text))
  }

  @Test func noMessageLeavesABlankLine() {
    #expect(Self.line(MessageTicker(message: nil), width: 60).text == "")
  }

  @Test func missingTimeAndSenderAreLeftOut() {
    let message = BroadcastMessage(id: 1, sender: "", content: "All quiet.")
    #expect(Self.line(MessageTicker(message: message), width: 60).text == " ▸ All quiet.")
  }

  @Test func hostileStringsAreSanitised() {
    let hostile = "\u{1B}[2J\u{9B}31mEVIL\u{85}\nLINE\u{1B}]0;pwned\u{07}"
    let message = BroadcastMessage(id: 1, sender: hostile, content: hostile, createdAt: hostile)
    for glyphs in GlyphSet.allCases {
      let text = Self.line(MessageTicker(message: message, glyphs: glyphs), width: 80).text
      #expect(text == (glyphs == .unicode ? " ▸ EVIL LINE · EVIL LINE" : " > EVIL LINE - EVIL LINE"))
    }
  }
}
