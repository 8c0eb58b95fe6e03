import BulkheadCanvas
import Foundation
import Synchronization

/// Frames as text on standard output, for pipes, logs, tests and terminals that cannot be addressed.
///
/// Each frame that differs from the one before is printed after a line `--- frame N <reason> <UTC time> ---`,
/// as plain text or with ANSI colour sequences. After `frameLimit` frames it asks for no more.
public final class HeadlessOutput: FrameOutput {
  public let size: (width: Int, height: Int)
  public let glyphs: GlyphSet
  /// ``ColorDepth/full`` with a palette (frames carry 256-colour sequences), else ``ColorDepth/none``.
  public var colorDepth: ColorDepth { palette == nil ? .none : .full }
  public var events: AsyncStream<TerminalEvent>? { nil }
  private let palette: Palette?
  private let frameLimit: Int?
  private let write: @Sendable (String) -> Bool
  private let state = Mutex(State())

  private struct State {
    var frames = 0
    var last: String?
  }

  /// An output of `width` × `height` cells in `glyphs`; with a `palette` the frames carry ANSI colours.
  ///
  /// - Parameters:
  ///   - frameLimit: the number of frames after which ``show(_:reason:)`` returns `false`; `nil` for no limit.
  ///   - write: where the text goes, `false` when it can take no more (e.g. the reader of a pipe left); standard
  ///     output by default.
  public init(
    width: Int, height: Int, glyphs: GlyphSet, palette: Palette? = nil, frameLimit: Int? = nil,
    write: @escaping @Sendable (String) -> Bool = HeadlessOutput.writeToStandardOutput
  ) {
    size = (width, height)
    self.glyphs = glyphs
    self.palette = palette
    self.frameLimit = frameLimit
    self.write = write
  }

  public func show(_ canvas: Canvas, reason: String) -> Bool {
    let text: String
    if let palette {
      text = TextScreen.ansi(canvas) { palette[$0].foreground }
    } else {
      text = TextScreen.plain(canvas)
    }
    let number: Int? = state.withLock { state in
      guard state.last != text else { return nil }
      state.last = text
      state.frames += 1
      return state.frames
    }
    if let number, !write("--- frame \(number) \(reason) \(Self.timestamp(Date())) ---\n\(text)\n") {
      return false
    }
    guard let frameLimit else { return true }
    return state.withLock { $0.frames } < frameLimit
  }

  public func repaint() {
    state.withLock { $0.last = nil }
  }

  /// Writes `text` to standard output; `false` when it is closed (a pipe whose reader left).
  @Sendable public static func writeToStandardOutput(_ text: String) -> Bool {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
      return true
    } catch {
      return false
    }
  }

  /// `date` in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
  static func timestamp(_ date: Date) -> String {
    ISO8601DateFormatter().string(from: date)
  }
}
