import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Area-averaging resize of decoded images.
@Suite struct ImageScalingTests {
  /// An image from rows of pixels.
  static func image(_ rows: [[RGBA]]) -> RGBAImage {
    RGBAImage(
      width: rows[0].count, height: rows.count,
      pixels: rows.flatMap { $0.flatMap { [$0.red, $0.green, $0.blue, $0.alpha] } })
  }

  static let red = RGBA(red: 255, green: 0, blue: 0)
  static let blue = RGBA(red: 0, green: 0, blue: 255)
  static let clear = RGBA(red: 0, green: 0, blue: 0, alpha: 0)

  @Test func eachNewPixelIsTheMeanOfTheAreaItCovers() {
    let image = Self.image([[Self.red, Self.blue, Self.red, Self.red], [Self.red, Self.blue, Self.red, Self.red]])
    let scaled = image.scaled(width: 2, height: 1)
    #expect(scaled[x: 0, y: 0] == RGBA(red: 128, green: 0, blue: 128))
    #expect(scaled[x: 1, y: 0] == Self.red)
  }

  @Test func transparentPixelsDoNotDarkenColours() {
    let scaled = Self.image([[Self.red, Self.clear]]).scaled(width: 1, height: 1)
    #expect(scaled[x: 0, y: 0] == RGBA(red: 255, green: 0, blue: 0, alpha: 128))
    #expect(Self.image([[Self.clear, Self.clear]]).scaled(width: 1, height: 1)[x: 0, y: 0].alpha == 0)
  }

  @Test func enlargingRepeatsPixels() {
    let scaled = Self.image([[Self.red, Self.blue]]).scaled(width: 4, height: 2)
    #expect((0..<2).allSatisfy { scaled[x: 0, y: $0] == Self.red && scaled[x: 1, y: $0] == Self.red })
    #expect((0..<2).allSatisfy { scaled[x: 2, y: $0] == Self.blue && scaled[x: 3, y: $0] == Self.blue })
  }

  @Test func fittedShrinksTheLongerSideAndKeepsProportions() {
    let wide = RGBAImage(width: 512, height: 256, pixels: [UInt8](repeating: 200, count: 512 * 256 * 4))
    let fitted = wide.fitted(within: 256)
    #expect(fitted.width == 256 && fitted.height == 128)
    #expect(fitted[x: 10, y: 10] == RGBA(red: 200, green: 200, blue: 200, alpha: 200))
    let small = RGBAImage(width: 64, height: 64, pixels: [UInt8](repeating: 1, count: 64 * 64 * 4))
    #expect(small.fitted(within: 256) == small, "never enlarged")
  }
}
