import BulkheadCanvas

/// Draws an ``RGBAImage`` into an area of a canvas as text art, keeping the image's proportions (a cell is about
/// twice as tall as it is wide) and centring it; transparent pixels leave the theme's background.
public struct PortraitPainter: Sendable {
  /// How pixels become cells.
  public var mode: PortraitMode

  /// The characters of the luminance ramp, darkest first.
  static let ramp = Array(" .:-=+*#%@").map(String.init)
  /// The 4 × 4 Bayer matrix of the ordered dithering.
  static let bayer: [[Int]] = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]]

  /// A painter drawing in `mode`.
  public init(mode: PortraitMode) {
    self.mode = mode
  }

  /// Draws `image` into `area` of `canvas`.
  public func draw(_ image: RGBAImage, into canvas: inout Canvas, area: Rect) {
    guard area.width > 0, area.height > 0, image.width > 0, image.height > 0 else { return }
    // Fit in square pixels: the area is `width` pixels wide and `2 × height` tall.
    let scale = min(Double(area.width) / Double(image.width), Double(area.height * 2) / Double(image.height))
    let pixelWidth = max(1, min(area.width, Int((Double(image.width) * scale).rounded())))
    let pixelHeight = max(1, min(area.height * 2, Int((Double(image.height) * scale).rounded())))
    switch mode {
    case .halfBlocks(let depth):
      let scaled = image.scaled(width: pixelWidth, height: pixelHeight)
      drawHalfBlocks(scaled, depth: depth, into: &canvas, area: area)
    case .ramp(let depth):
      let scaled = image.scaled(width: pixelWidth, height: max(1, (pixelHeight + 1) / 2))
      drawRamp(scaled, depth: depth, into: &canvas, area: area)
    }
  }

  /// Two pixels per cell: `▀` with the top pixel as foreground and the bottom one as background (`▄` when only the
  /// bottom one is opaque).
  private func drawHalfBlocks(_ image: RGBAImage, depth: ColorDepth, into canvas: inout Canvas, area: Rect) {
    let left = area.x + (area.width - image.width) / 2
    let top = (area.height * 2 - image.height) / 2  // in half cells from the area's top
    for row in 0..<area.height {
      for column in 0..<image.width {
        let upper = pixel(image, x: column, y: row * 2 - top)
        let lower = pixel(image, x: column, y: row * 2 + 1 - top)
        let cell: (String, CellStyle)
        switch (upper, lower) {
        case (nil, nil):
          continue
        case (let upper?, nil):
          cell = ("▀", CellStyle(foreground: PortraitMode.index(upper, depth: depth)))
        case (nil, let lower?):
          cell = ("▄", CellStyle(foreground: PortraitMode.index(lower, depth: depth)))
        case (let upper?, let lower?):
          cell = (
            "▀",
            CellStyle(
              foreground: PortraitMode.index(upper, depth: depth), background: PortraitMode.index(lower, depth: depth))
          )
        }
        canvas.glyph(cell.0, x: left + column, y: area.y + row, style: cell.1)
      }
    }
  }

  /// One pixel per cell: a ramp character for its luminance, dithered with the Bayer matrix.
  private func drawRamp(_ image: RGBAImage, depth: ColorDepth, into canvas: inout Canvas, area: Rect) {
    let left = area.x + (area.width - image.width) / 2
    let top = area.y + (area.height - image.height) / 2
    let steps = Self.ramp.count - 1
    for row in 0..<image.height {
      for column in 0..<image.width {
        guard let colour = pixel(image, x: column, y: row) else { continue }
        let threshold = (Double(Self.bayer[row % 4][column % 4]) + 0.5) / 16 - 0.5
        let level = min(steps, max(0, Int((colour.luminance * Double(steps) + threshold).rounded())))
        let style = CellStyle(foreground: PortraitMode.index(colour, depth: depth))
        canvas.glyph(Self.ramp[level], x: left + column, y: top + row, style: style)
      }
    }
  }

  /// The opaque pixel at (`x`, `y`), or `nil` outside the image or where it is transparent.
  private func pixel(_ image: RGBAImage, x: Int, y: Int) -> RGBA? {
    guard x >= 0, x < image.width, y >= 0, y < image.height else { return nil }
    let colour = image[x: x, y: y]
    return colour.isTransparent ? nil : colour
  }
}
