import BulkheadCanvas
import Synchronization

/// A frame output that also records every frame it shows into an asciicast file, as the full-screen repaint a
/// terminal of the output's size would need to show it (with the palette's colours), timed as it was shown.
public final class RecordingOutput: FrameOutput {
  private let inner: any FrameOutput
  private let recorder: CastRecorder
  private let palette: Palette?
  private let recorded = Mutex(Recorded())

  /// What was recorded last: a frame equal to it is not recorded again.
  private struct Recorded {
    var size: (width: Int, height: Int)?
    var frame: String?
  }

  /// Shows frames on `inner` and records them with `recorder`, in `palette`'s colours (nil: without colour).
  public init(_ inner: any FrameOutput, recorder: CastRecorder, palette: Palette?) {
    self.inner = inner
    self.recorder = recorder
    self.palette = palette
  }

  public var size: (width: Int, height: Int) { inner.size }
  public var glyphs: GlyphSet { inner.glyphs }
  public var colorDepth: ColorDepth { inner.colorDepth }
  public var events: AsyncStream<TerminalEvent>? { inner.events }

  public func show(_ canvas: Canvas, reason: String) -> Bool {
    let wants = inner.show(canvas, reason: reason)
    let size = (width: canvas.width, height: canvas.height)
    let frame = Self.repaint(canvas, palette: palette)
    let (resized, changed) = recorded.withLock { recorded in
      defer { recorded = Recorded(size: size, frame: frame) }
      let resized = recorded.size.map { $0 != size } ?? false
      return (resized, resized || recorded.frame != frame)
    }
    if resized { recorder.resize(width: size.width, height: size.height) }
    if changed { recorder.output(frame) }
    return wants
  }

  public func repaint() {
    recorded.withLock { $0.frame = nil }
    inner.repaint()
  }

  /// The bytes that draw `canvas` over a whole screen: cursor hidden and home, each row then erase to its end, and
  /// erase below the last row.
  static func repaint(_ canvas: Canvas, palette: Palette?) -> String {
    let text =
      palette.map { palette in TextScreen.ansi(canvas) { palette[$0].foreground } } ?? TextScreen.plain(canvas)
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
    return "\u{1B}[?25l\u{1B}[H" + rows.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n") + "\u{1B}[J"
      + TextScreen.reset
  }
}
