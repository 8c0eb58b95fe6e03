import BulkheadCanvas
import BulkheadCore
import BulkheadTUI
import Testing

@testable import BulkheadTerminal

/// What the image layer sends after each frame: a picture once, again when curses wrote over its cells, deleted or
/// repainted away when its card goes, and nothing assumed after a reset.
struct ImageLayerTests {
  static let picture = RGBAImage(width: 2, height: 2, pixels: Array(repeating: 200, count: 16))

  /// A 40 × 12 frame, with a portrait card's picture over (4, 2)–(11, 5) when `card`, and `text` on row 8.
  static func frame(card: Bool, text: String = "", overlay: Bool = false) -> Canvas {
    var canvas = Canvas(width: 40, height: 12)
    canvas.put(text, x: 0, y: 8, style: .plain)
    if card {
      canvas.fill(Rect(x: 4, y: 2, width: 8, height: 4), with: Cell(grapheme: "▀", style: .plain))
      canvas.place(picture, over: Rect(x: 4, y: 2, width: 8, height: 4))
    }
    if overlay { canvas.put("URGENT", x: 6, y: 3, style: .plain) }
    return canvas
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test(arguments: TerminalGraphics.allCases)
  func aPictureIsSentOnceAndAgainOnlyWhenItsCellsChange(_ graphics: TerminalGraphics) {
    var layer = ImageLayer(graphics: graphics, cellSize: (width: 8, height: 16))
    let first = layer.update(to: Self.frame(card: true))
    let sent = Self.text(first.bytes)
    #expect(sent.hasPrefix("\u{1B}7\u{1B}[3;5H"), "saved cursor, then the card's top-left cell")
    #expect(sent.hasSuffix("\u{1B}8"))
    #expect(sent.contains(graphics == .sixel ? "\u{1B}P0;1;0q\"1;1;64;64" : "s=64,v=64"))
    #expect(layer.update(to: Self.frame(card: true, text: "elsewhere")).bytes.isEmpty)
    #expect(layer.update(to: Self.frame(card: true, text: "elsewhere")) == ImageLayer.Update())
  }

  @Test func sixelPicturesGoByRepaintingTheirRows() {
    var layer = ImageLayer(graphics: .sixel)
    _ = layer.update(to: Self.frame(card: true))
    let gone = layer.update(to: Self.frame(card: false))
    #expect(gone.repaintRows == [2, 3, 4, 5])
    #expect(gone.bytes.isEmpty)
    #expect(!layer.isShowing)
  }

  @Test func kittyPicturesAreDeletedByID() {
    var layer = ImageLayer(graphics: .kitty)
    let first = Self.text(layer.update(to: Self.frame(card: true)).bytes)
    #expect(first.contains("i=1,"))
    let gone = layer.update(to: Self.frame(card: false))
    #expect(Self.text(gone.bytes) == "\u{1B}_Ga=d,d=I,i=1,q=2\u{1B}\\")
    #expect(gone.repaintRows.isEmpty)
  }

  @Test func anOverlayOnTheCardTakesThePictureAwayAndItComesBackAfter() {
    var layer = ImageLayer(graphics: .sixel)
    _ = layer.update(to: Self.frame(card: true))
    let covered = Self.frame(card: true, overlay: true)
    #expect(covered.images.isEmpty, "a write over the picture's cells drops the placement")
    #expect(layer.update(to: covered).repaintRows == [2, 3, 4, 5])
    let back = layer.update(to: Self.frame(card: true))
    #expect(Self.text(back.bytes).contains("\u{1B}P"))
  }

  @Test func aResetForgetsEverything() {
    var sixel = ImageLayer(graphics: .sixel)
    _ = sixel.update(to: Self.frame(card: true))
    #expect(sixel.reset().isEmpty, "sixel pixels go with curses' clear")
    #expect(!sixel.update(to: Self.frame(card: true)).bytes.isEmpty, "sent again after the reset")
    var kitty = ImageLayer(graphics: .kitty)
    #expect(kitty.reset().isEmpty, "nothing to delete yet")
    _ = kitty.update(to: Self.frame(card: true))
    #expect(Self.text(kitty.reset()) == "\u{1B}_Ga=d,d=A,q=2\u{1B}\\")
  }

  @Test func theEncounterPlacesItsPortraitsOverTheirCards() throws {
    let model = try GoldenFrameTests.demoModel(.encounter)
    let canvas = PlayerFrame.render(model, width: 100, height: 30, glyphs: .unicode, portraitMode: .halfBlocks(.full))
    #expect(canvas.images.count == 2)
    for placement in canvas.images {
      let top = canvas[x: placement.area.x, y: placement.area.y - 1].grapheme
      #expect(top == "─" || top == "┌", "the picture sits inside its card's frame")
    }
    let popover = PlayerFrame.render(
      try GoldenFrameTests.demoModel(.encounterCriticalPopover), width: 100, height: 30, glyphs: .unicode,
      portraitMode: .halfBlocks(.full))
    #expect(popover.images.count < 2, "the urgent message over the cards takes away what it covers")
  }
}
