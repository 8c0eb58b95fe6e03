import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Nearest colours in the xterm palettes.
@Suite struct XtermPaletteTests {
  @Test func cubeColoursMapToThemselves() {
    for (red, green, blue) in [(0, 0, 0), (255, 0, 0), (95, 135, 175), (255, 255, 255), (0, 215, 95)] {
      let levels = [red, green, blue].map { XtermPalette.cubeLevels.firstIndex(of: $0)! }
      let expected = UInt8(16 + 36 * levels[0] + 6 * levels[1] + levels[2])
      #expect(XtermPalette.index256(RGBA(red: UInt8(red), green: UInt8(green), blue: UInt8(blue))) == expected)
    }
  }

  @Test func greysUseTheGreyRamp() {
    #expect(XtermPalette.index256(RGBA(red: 128, green: 128, blue: 128)) == 244)
    #expect(XtermPalette.index256(RGBA(red: 8, green: 8, blue: 8)) == 232)
    #expect(XtermPalette.index256(RGBA(red: 238, green: 238, blue: 238)) == 255)
  }

  @Test func nearColoursRoundToTheNearestLevel() {
    #expect(XtermPalette.index256(RGBA(red: 250, green: 10, blue: 5)) == 196)
    #expect(XtermPalette.index256(RGBA(red: 100, green: 140, blue: 170)) == 67)
    #expect(XtermPalette.index256(RGBA(red: 40, green: 0, blue: 0)) == 233, "a dark grey is nearer than black")
  }

  @Test func basicColoursAtEightAndSixteen() {
    let brightRed = RGBA(red: 250, green: 10, blue: 10)
    #expect(XtermPalette.basicIndex(brightRed, count: 8) == 1)
    #expect(XtermPalette.basicIndex(brightRed, count: 16) == 9)
    #expect(XtermPalette.basicIndex(RGBA(red: 20, green: 20, blue: 20), count: 16) == 0)
    #expect(XtermPalette.basicIndex(RGBA(red: 120, green: 125, blue: 130), count: 16) == 8)
    #expect(XtermPalette.basicIndex(RGBA(red: 200, green: 205, blue: 210), count: 8) == 7)
    #expect(XtermPalette.basicIndex(RGBA(red: 0, green: 190, blue: 200), count: 8) == 6)
  }
}
