/// Where the player display's frames go: a terminal, or text on standard output.
public protocol FrameOutput: Sendable {
  /// The size to render at, in cells.
  var size: (width: Int, height: Int) { get }
  /// The glyphs the output can show.
  var glyphs: GlyphSet { get }
  /// The colours pictures (portraits) may use: ``ColorDepth/none`` draws them as a luminance ramp.
  var colorDepth: ColorDepth { get }
  /// Key presses, resizes and the end of the terminal, for outputs that have a terminal; `nil` otherwise.
  var events: AsyncStream<TerminalEvent>? { get }
  /// Outputs one frame; `reason` says what changed. Returns `false` when the output wants no more frames.
  func show(_ canvas: Canvas, reason: String) -> Bool
  /// Clears the output and shows the next frame in full.
  func repaint()
}
