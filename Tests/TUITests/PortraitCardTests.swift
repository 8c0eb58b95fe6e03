import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The portrait card: picture, text portrait or initials, with the name and role under it.
@Suite struct PortraitCardTests {
  static func card(_ art: PortraitArt?, name: String = "Dr. Lucia Vance", role: String = "Station Director")
    -> PortraitCard
  {
    PortraitCard(name: name, role: role, art: art, mode: .ramp(.none), glyphs: .unicode)
  }

  @Test func initialsLeaveTitlesOut() {
    #expect(PortraitCard.initials(of: "Dr. Lucia Vance") == "LV")
    #expect(PortraitCard.initials(of: "Captain Imre Sallow") == "IS")
    #expect(PortraitCard.initials(of: "quill") == "Q")
    #expect(PortraitCard.initials(of: "Doctor") == "D", "a name of titles only keeps them")
    #expect(PortraitCard.initials(of: "\u{1B}[31mEvil Name") == "EN")
    #expect(PortraitCard.initials(of: "") == "")
  }

  @Test func anUnavailablePortraitShowsFramedInitials() {
    let text = TextScreen.plain(render(Self.card(.unavailable), width: 20, height: 9))
    let expected = [
      "┌──────────────────┐",
      "│                  │",
      "│      ┌────┐      │",
      "│      │ LV │      │",
      "│      └────┘      │",
      "│                  │",
      "│ Dr. Lucia Vance  │",
      "│ Station Director │",
      "└──────────────────┘",
    ].joined(separator: "\n")
    #expect(text == expected)
    #expect(TextScreen.plain(render(Self.card(nil), width: 20, height: 9)) == expected, "the same while loading")
  }

  @Test func aTextPortraitIsCentredClippedAndSanitised() {
    let file = Array(" /\\_/\\\r\n( o.o )\u{1B}]0;pwned\u{07}\n > ^ <   \n\n\n".utf8)
    let art = PortraitArt.text(fromFile: file)
    #expect(art == .text([" /\\_/\\", "( o.o )", " > ^ <"]))
    let text = TextScreen.plain(render(Self.card(art, role: ""), width: 13, height: 7))
    let expected = [
      "┌───────────┐",
      "│   /\\_/\\   │",
      "│  ( o.o )  │",
      "│   > ^ <   │",
      "│Dr. Lucia …│",
      "│           │",
      "└───────────┘",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func textPortraitsAreBounded() {
    let line = String(repeating: "#", count: 1000)
    let file = Array(Array(repeating: line, count: 500).joined(separator: "\n").utf8)
    guard case .text(let lines) = PortraitArt.text(fromFile: file) else {
      Issue.record("not a text portrait")
      return
    }
    #expect(lines.count == PortraitArt.maximumTextRows)
    #expect(lines.allSatisfy { $0.count == PortraitArt.maximumTextColumns })
  }

  @Test func aCardTooSmallForItsCaptionDrawsNothing() {
    #expect(render(Self.card(.unavailable), width: 20, height: 3) == Canvas(width: 20, height: 3))
  }
}
