import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Images drawn as text: half blocks checked cell by cell, the ASCII ramp as golden text.
@Suite struct PortraitPainterTests {
  static let red = RGBA(red: 255, green: 0, blue: 0)
  static let blue = RGBA(red: 0, green: 0, blue: 255)
  static let white = RGBA(red: 255, green: 255, blue: 255)
  static let clear = RGBA(red: 0, green: 0, blue: 0, alpha: 0)

  /// A 4 × 4 image: rows red, blue, white, transparent except its first pixel (red).
  static let quadrants = ImageScalingTests.image([
    [red, red, red, red],
    [blue, blue, blue, blue],
    [white, white, white, white],
    [red, clear, clear, clear],
  ])

  @Test func halfBlocksCarryTheTopPixelInFrontAndTheBottomPixelBehind() {
    var canvas = Canvas(width: 4, height: 2)
    PortraitPainter(mode: .halfBlocks(.full)).draw(Self.quadrants, into: &canvas, area: canvas.bounds)
    for column in 0..<4 {
      let top = canvas[x: column, y: 0]
      #expect(top.grapheme == "▀")
      #expect(top.style.foreground == 196 && top.style.background == 21, "red over blue at column \(column)")
    }
    let first = canvas[x: 0, y: 1]
    #expect(first.grapheme == "▀" && first.style.foreground == 231 && first.style.background == 196)
    for column in 1..<4 {
      let cell = canvas[x: column, y: 1]
      #expect(cell.grapheme == "▀", "white over transparent at column \(column)")
      #expect(cell.style.foreground == 231 && cell.style.background == nil, "the theme's background shows")
    }
  }

  @Test func aTransparentTopPixelUsesTheLowerHalfBlock() {
    var canvas = Canvas(width: 1, height: 1)
    let image = ImageScalingTests.image([[Self.clear], [Self.blue]])
    PortraitPainter(mode: .halfBlocks(.full)).draw(image, into: &canvas, area: canvas.bounds)
    #expect(canvas[x: 0, y: 0].grapheme == "▄")
    #expect(canvas[x: 0, y: 0].style.foreground == 21 && canvas[x: 0, y: 0].style.background == nil)
    var empty = Canvas(width: 1, height: 1)
    PortraitPainter(mode: .halfBlocks(.full)).draw(
      ImageScalingTests.image([[Self.clear], [Self.clear]]), into: &empty, area: empty.bounds)
    #expect(empty[x: 0, y: 0] == .blank, "a fully transparent cell is left alone")
  }

  @Test func eightAndSixteenColoursUseTheBasicPalette() {
    for (depth, red, blue) in [(ColorDepth.eight, 1, 4), (.sixteen, 9, 4)] {
      var canvas = Canvas(width: 4, height: 2)
      PortraitPainter(mode: .halfBlocks(depth)).draw(Self.quadrants, into: &canvas, area: canvas.bounds)
      #expect(canvas[x: 2, y: 0].style.foreground == UInt8(red), "\(depth)")
      #expect(canvas[x: 2, y: 0].style.background == UInt8(blue), "\(depth)")
    }
  }

  @Test func theImageKeepsItsProportionsAndIsCentred() {
    // A square image in a 10 × 3 area: 6 × 6 pixels = 6 columns × 3 rows, 2 columns free on each side.
    let square = RGBAImage(width: 6, height: 6, pixels: [UInt8](repeating: 255, count: 6 * 6 * 4))
    var canvas = Canvas(width: 10, height: 3)
    PortraitPainter(mode: .halfBlocks(.full)).draw(square, into: &canvas, area: canvas.bounds)
    for row in 0..<3 {
      let drawn = (0..<10).filter { canvas[x: $0, y: row].grapheme == "▀" }
      #expect(drawn == Array(2..<8), "row \(row)")
    }
    var ramp = Canvas(width: 10, height: 3)
    PortraitPainter(mode: .ramp(.none)).draw(square, into: &ramp, area: ramp.bounds)
    #expect(TextScreen.plain(ramp) == "  @@@@@@\n  @@@@@@\n  @@@@@@")
  }

  @Test func theRampIsDitheredLuminanceAsGoldenText() {
    // A horizontal grey gradient 24 pixels wide, 12 tall, and a transparent hole in the middle.
    var pixels: [UInt8] = []
    for y in 0..<12 {
      for x in 0..<24 {
        let grey = UInt8(x * 255 / 23)
        let hole = (10..<14).contains(x) && (4..<8).contains(y)
        pixels += [grey, grey, grey, hole ? 0 : 255]
      }
    }
    var canvas = Canvas(width: 24, height: 6)
    PortraitPainter(mode: .ramp(.none)).draw(
      RGBAImage(width: 24, height: 12, pixels: pixels), into: &canvas, area: canvas.bounds)
    let expected = [
      "   ..::--====++**##%#%%@",
      "  ..::----==++**#*##%%@@",
      " . ..::--=    +**##%%%%@",
      "  ..::--=-    **####%%@@",
      "   ..::--====++**##%#%%@",
      "  ..::----==++**#*##%%@@",
    ]
    let lines = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines == expected, "\(lines.map { "[\($0)]" }.joined(separator: ","))")
    #expect(canvas[x: 23, y: 0].style.foreground == nil, "no colour without colours")
  }

  @Test func aColourTerminalColoursTheRamp() {
    var canvas = Canvas(width: 4, height: 2)
    PortraitPainter(mode: .ramp(.full)).draw(Self.quadrants, into: &canvas, area: canvas.bounds)
    #expect(canvas[x: 0, y: 0].style.foreground == XtermPalette.index256(RGBA(red: 128, green: 0, blue: 128)))
  }

  @Test func modeFollowsTheTerminal() {
    #expect(PortraitMode.choose(depth: .full, glyphs: .unicode) == .halfBlocks(.full))
    #expect(PortraitMode.choose(depth: .eight, glyphs: .unicode) == .halfBlocks(.eight))
    #expect(PortraitMode.choose(depth: .none, glyphs: .unicode) == .ramp(.none))
    #expect(PortraitMode.choose(depth: .full, glyphs: .ascii) == .ramp(.full))
  }
}
