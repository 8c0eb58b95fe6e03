/// A decoded image: 8-bit sRGB red, green, blue and straight (not premultiplied) alpha, row by row.
public struct RGBAImage: Sendable, Equatable {
  /// The width in pixels.
  public let width: Int
  /// The height in pixels.
  public let height: Int
  /// `width × height × 4` bytes: R, G, B, A for each pixel, rows top to bottom.
  public let pixels: [UInt8]

  /// An image of `width` × `height` pixels; `pixels` must hold `width × height × 4` bytes.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    precondition(width >= 0 && height >= 0 && pixels.count == width * height * 4, "pixels do not match the size")
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The pixel at column `x`, row `y`.
  public subscript(x x: Int, y y: Int) -> RGBA {
    let offset = (y * width + x) * 4
    return RGBA(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2], alpha: pixels[offset + 3])
  }
}

/// One pixel: 8-bit sRGB components and straight alpha (0 transparent, 255 opaque).
public struct RGBA: Sendable, Hashable {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8
  public var alpha: UInt8

  /// A pixel; opaque unless `alpha` says otherwise.
  public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Whether the pixel is mostly transparent, so the background shows instead.
  public var isTransparent: Bool { alpha < 128 }

  /// The perceived brightness, 0 (black) to 1 (white) (Rec. 601 weights).
  public var luminance: Double {
    (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255
  }
}
