import BulkheadCanvas

/// Frames drawn on the terminal through a curses ``TerminalSession``.
public struct TerminalOutput: FrameOutput {
  /// The open session.
  public let session: TerminalSession
  public let glyphs: GlyphSet
  public let colorDepth: ColorDepth

  /// An output on `session` drawing with `glyphs`, pictures in `colorDepth`.
  public init(session: TerminalSession, glyphs: GlyphSet, colorDepth: ColorDepth) {
    self.session = session
    self.glyphs = glyphs
    self.colorDepth = colorDepth
  }

  public var size: (width: Int, height: Int) { session.size }

  public var events: AsyncStream<TerminalEvent>? { session.events }

  public func show(_ canvas: Canvas, reason: String) -> Bool {
    session.show(canvas)
    return true
  }

  public func repaint() {
    session.repaint()
  }
}
