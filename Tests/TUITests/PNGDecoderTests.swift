import BulkheadTUI
import Foundation
import Testing

@testable import BulkheadCanvas

/// The PNG decoder on generated files of every colour type and bit depth, and on the campaigns' portraits.
@Suite struct PNGDecoderTests {
  /// A deterministic sample for pixel (`x`, `y`), `channel`, below `2^depth`.
  static func sample(_ x: Int, _ y: Int, _ channel: Int, depth: Int) -> UInt16 {
    let seed = x * 7 + y * 3 + channel * 5
    return depth == 16 ? UInt16((seed * 2731) % 65_536) : UInt16(seed % (1 << depth))
  }

  /// A sample of `depth` bits as libpng's 8-bit output gives it.
  static func eightBit(_ value: UInt16, depth: Int) -> Int {
    switch depth {
    case 16: Int((Double(value) / 257).rounded())
    case 8: Int(value)
    default: Int(value) * 255 / ((1 << depth) - 1)
    }
  }

  /// A generated image of `type` at `depth` with samples from ``sample(_:_:_:depth:)``.
  static func generated(_ type: TestPNG.ColorType, depth: Int, interlaced: Bool = false) -> TestPNG {
    let (width, height) = (13, 11)
    var samples: [UInt16] = []
    for y in 0..<height {
      for x in 0..<width {
        for channel in 0..<type.channels {
          var value = sample(x, y, channel, depth: depth)
          let isAlpha = (type == .greyAlpha && channel == 1) || (type == .rgba && channel == 3)
          if isAlpha { value = depth == 16 ? value | 0x8000 : value | 0x80 }
          samples.append(value)
        }
      }
    }
    return TestPNG(
      width: width, height: height, colorType: type, bitDepth: depth, samples: samples, interlaced: interlaced)
  }

  /// Checks every pixel of `image` against the samples of `png`, within `tolerance` per component.
  static func expectMatches(_ image: RGBAImage, _ png: TestPNG, tolerance: Int = 0) {
    #expect(image.width == png.width && image.height == png.height)
    var mismatches = 0
    for y in 0..<png.height {
      for x in 0..<png.width {
        let channels = png.colorType.channels
        let raw = (0..<channels).map { eightBit(png.samples[(y * png.width + x) * channels + $0], depth: png.bitDepth) }
        let expected: [Int]
        switch png.colorType {
        case .grey: expected = [raw[0], raw[0], raw[0], 255]
        case .greyAlpha: expected = [raw[0], raw[0], raw[0], raw[1]]
        case .rgb: expected = raw + [255]
        case .rgba: expected = raw
        case .palette: expected = []
        }
        let pixel = image[x: x, y: y]
        let actual = [Int(pixel.red), Int(pixel.green), Int(pixel.blue), Int(pixel.alpha)]
        if zip(expected, actual).contains(where: { abs($0 - $1) > tolerance }) { mismatches += 1 }
      }
    }
    #expect(mismatches == 0, "\(mismatches) pixels differ for \(png.colorType) at \(png.bitDepth) bits")
  }

  @Test(arguments: [1, 2, 4, 8, 16]) func greyAtEveryDepth(depth: Int) throws {
    let png = Self.generated(.grey, depth: depth)
    Self.expectMatches(try PNGDecoder.decode(png.bytes), png, tolerance: depth == 16 ? 1 : 0)
  }

  @Test(arguments: [8, 16]) func rgbGreyAlphaAndRGBA(depth: Int) throws {
    for type in [TestPNG.ColorType.rgb, .greyAlpha, .rgba] {
      let png = Self.generated(type, depth: depth)
      Self.expectMatches(try PNGDecoder.decode(png.bytes), png, tolerance: depth == 16 ? 1 : 0)
    }
  }

  @Test(arguments: [1, 2, 4, 8]) func paletteWithTransparency(depth: Int) throws {
    let entries = 1 << depth
    let palette = (0..<entries).map { (UInt8($0 * 255 / (entries - 1)), UInt8(200 - $0 % 7 * 10), UInt8($0 % 3 * 100)) }
    var png = Self.generated(.grey, depth: depth)
    png.colorType = .palette
    png.palette = palette
    png.transparency = [0]  // index 0 is transparent, every other index opaque
    let image = try PNGDecoder.decode(png.bytes)
    #expect(image.width == png.width && image.height == png.height)
    var mismatches = 0
    for y in 0..<png.height {
      for x in 0..<png.width {
        let index = Int(png.samples[y * png.width + x])
        let pixel = image[x: x, y: y]
        let (red, green, blue) = palette[index]
        let expected = RGBA(red: red, green: green, blue: blue, alpha: index == 0 ? 0 : 255)
        if index == 0 ? pixel.alpha != 0 : pixel != expected { mismatches += 1 }
      }
    }
    #expect(mismatches == 0)
  }

  @Test func greyColourKeyIsTransparent() throws {
    var png = Self.generated(.grey, depth: 8)
    png.transparency = [0, UInt8(png.samples[0])]
    let image = try PNGDecoder.decode(png.bytes)
    #expect(image[x: 0, y: 0].alpha == 0)
    #expect(image[x: 1, y: 0].alpha == 255, "another grey stays opaque")
  }

  @Test func rgbColourKeyIsTransparent() throws {
    var png = Self.generated(.rgb, depth: 8)
    png.transparency = png.samples.prefix(3).flatMap { [0, UInt8($0)] }
    let image = try PNGDecoder.decode(png.bytes)
    #expect(image[x: 0, y: 0].alpha == 0)
    #expect(image[x: 1, y: 0].alpha == 255)
  }

  @Test func interlacedImagesDecodeLikeTheirProgressiveTwins() throws {
    for (type, depth) in [(TestPNG.ColorType.rgb, 8), (.grey, 4), (.rgba, 16)] {
      let interlaced = Self.generated(type, depth: depth, interlaced: true)
      let progressive = Self.generated(type, depth: depth)
      #expect(interlaced.bytes != progressive.bytes)
      #expect(try PNGDecoder.decode(interlaced.bytes) == PNGDecoder.decode(progressive.bytes), "\(type) \(depth)")
      Self.expectMatches(try PNGDecoder.decode(interlaced.bytes), interlaced, tolerance: depth == 16 ? 1 : 0)
    }
  }

  @Test func anAbsurdHeaderIsRefusedBeforeItsPixelsAreAllocated() {
    var png = Self.generated(.rgba, depth: 8)
    png.claimedSize = (100_000, 100_000)
    // 100,000 × 100,000 RGBA would be 40 GB: decoding it would exhaust memory, not throw.
    #expect(throws: PortraitImageError.tooLarge(width: 100_000, height: 100_000)) {
      try PNGDecoder.decode(png.bytes)
    }
  }

  @Test func theLimitIsOnPixelsNotOnEachSide() throws {
    let png = Self.generated(.rgb, depth: 8)
    let pixels = png.width * png.height
    #expect(throws: PortraitImageError.tooLarge(width: png.width, height: png.height)) {
      try PNGDecoder.decode(png.bytes, maximumPixels: pixels - 1)
    }
    #expect(try PNGDecoder.decode(png.bytes, maximumPixels: pixels).width == png.width)
  }

  @Test func brokenFilesThrowAndNeverCrash() {
    let bytes = Self.generated(.rgb, depth: 8).bytes
    #expect(throws: PortraitImageError.notPNG) { try PNGDecoder.decode(Array("GIF89a not a png".utf8)) }
    #expect(throws: PortraitImageError.notPNG) { try PNGDecoder.decode([]) }
    for broken in [Array(bytes.prefix(40)), Array(bytes.prefix(bytes.count - 20)), Self.flippingCRC(of: bytes)] {
      #expect {
        try PNGDecoder.decode(broken)
      } throws: { error in
        guard case .corrupt(let message) = error as? PortraitImageError else { return false }
        return !message.isEmpty
      }
    }
  }

  /// `bytes` with the last byte of the IHDR chunk's CRC changed.
  static func flippingCRC(of bytes: [UInt8]) -> [UInt8] {
    var copy = bytes
    copy[8 + 8 + 13 + 3] ^= 0xFF
    return copy
  }

  @Test func theDemoPortraitsDecode() throws {
    let folder = DeckMapViewTests.projectRoot.appendingPathComponent("campaigns/demo/campaign/NPCs/images")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
    #expect(names.count >= 4)
    for name in names {
      let image = try PNGDecoder.decode(Array(Data(contentsOf: folder.appendingPathComponent(name))))
      #expect(image.width == 64 && image.height == 64, "\(name)")
      #expect(Set(image.pixels).count > 8, "\(name) has more than a few distinct values")
    }
  }

  @Test(.enabled(if: PNGDecoderTests.fixtureImages != nil, "../shared/fixtures is absent: fixture portraits skipped"))
  func theFixturePortraitsDecode() throws {
    let folder = try #require(Self.fixtureImages)
    for name in ["lucia_vance.png", "ewan_mcgregor.png"] {
      let image = try PNGDecoder.decode(Array(Data(contentsOf: folder.appendingPathComponent(name))))
      #expect(image.width == 512 && image.height == 512, "\(name)")
      #expect(image.pixels.enumerated().allSatisfy { $0.offset % 4 != 3 || $0.element == 255 }, "RGB is opaque")
      let corners = [image[x: 0, y: 0], image[x: 511, y: 0], image[x: 0, y: 511], image[x: 256, y: 256]]
      #expect(Set(corners).count > 1, "\(name) is not one flat colour")
    }
  }

  /// The fixture campaign's portrait folder, when `../shared/fixtures` is there.
  static let fixtureImages: URL? = {
    let folder = GoldenFrameTests.fixtureRoot.appendingPathComponent("campaign/NPCs/images")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
  }()
}
