import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The compact key under the map: one line when it fits, two at most, `+N` for the rest, long names shortened,
/// ids for the GM, never past its area.
struct TokenKeyTests {
  static func tokens(_ names: [String], kind: Token.Kind = .player) -> [(id: String, token: Token)] {
    names.enumerated().map { index, name in
      (id: String(format: "%08d", index + 1), token: Token(type: kind, name: name, x: 1, y: 1))
    }
  }

  static func drawn(_ key: TokenKey, width: Int) -> [String] {
    var canvas = Canvas(width: width, height: 2)
    key.draw(into: &canvas, area: canvas.bounds)
    return TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func oneLineWhenEverythingFits() {
    let key = TokenKey(
      tokens: [
        (id: "a", token: Token(type: .player, name: "Ash", x: 1, y: 1)),
        (id: "b", token: Token(type: .player, name: "Kade", x: 1, y: 1, status: ["wounded"])),
        (id: "c", token: Token(type: .npc, name: "Dr. Reyes", x: 1, y: 1)),
      ], glyphs: .unicode)
    #expect(key.rows(forWidth: 80) == 1)
    #expect(Self.drawn(key, width: 80)[0] == " @ Ash  @! Kade  & Dr. Reyes")
  }

  @Test func wrapsToTwoLinesThenCountsTheRest() {
    let key = TokenKey(tokens: Self.tokens((1...30).map { "Crew \($0)" }), glyphs: .ascii)
    #expect(key.rows(forWidth: 60) == 2)
    let lines = Self.drawn(key, width: 60)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 59 }, "one column free at the right: \(lines)")
    let shown = lines.joined(separator: " ").components(separatedBy: "@ ").count - 1
    #expect(lines[1].hasSuffix("+\(30 - shown)"), "\(lines)")
  }

  @Test func longNamesAreShortenedAndTheGMSeesIDs() {
    let long = "Quartermaster Abelard Tenzing-Hollis of the Outer Relay"
    let player = Self.drawn(TokenKey(tokens: Self.tokens([long], kind: .npc), glyphs: .unicode), width: 80)[0]
    #expect(player == " & " + GlyphSet.unicode.shorten(long, to: TokenKey.maximumNameWidth))
    let gm = Self.drawn(TokenKey(tokens: Self.tokens(["Vex"]), showsIDs: true, glyphs: .unicode), width: 80)[0]
    #expect(gm == " @ 00000001 Vex")
    let narrow = Self.drawn(TokenKey(tokens: Self.tokens([long]), glyphs: .ascii), width: 12)[0]
    #expect(DisplayWidth.of(narrow) <= 11 && narrow.hasSuffix("~"), "\(narrow)")
  }

  @Test func noTokensNoRows() {
    #expect(TokenKey(tokens: [], glyphs: .unicode).rows(forWidth: 80) == 0)
  }
}
