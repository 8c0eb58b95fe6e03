import BulkheadCanvas

/// How a portrait image becomes text cells, chosen from what the terminal can show.
public enum PortraitMode: Sendable, Hashable {
  /// Upper half blocks `▀`: the top pixel is the cell's foreground and the bottom pixel its background, each the
  /// nearest colour of the 256-colour palette or of the 8/16 basic colours; two square pixels per cell.
  case halfBlocks(ColorDepth)
  /// A luminance ramp of ASCII characters with ordered dithering, one pixel per cell; coloured with the nearest
  /// colour when the terminal has colours.
  case ramp(ColorDepth)

  /// Half blocks when the terminal has colours and Unicode, the ramp otherwise.
  public static func choose(depth: ColorDepth, glyphs: GlyphSet) -> PortraitMode {
    depth == .none || glyphs == .ascii ? .ramp(depth) : .halfBlocks(depth)
  }

  /// The colour index nearest to `colour` at `depth`, or `nil` without colours.
  static func index(_ colour: RGBA, depth: ColorDepth) -> UInt8? {
    switch depth {
    case .none: nil
    case .eight: XtermPalette.basicIndex(colour, count: 8)
    case .sixteen: XtermPalette.basicIndex(colour, count: 16)
    case .full: XtermPalette.index256(colour)
    }
  }
}
