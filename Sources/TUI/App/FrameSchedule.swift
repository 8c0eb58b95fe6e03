import BulkheadCanvas

/// When a display's loop draws: one frame once the inputs already queued are handled (a burst costs one frame and
/// the last state is drawn), and only when the model differs from the one on screen.
struct FrameSchedule<Model: Equatable & Sendable>: Sendable {
  /// Whether a render input is queued.
  private(set) var pending = true
  /// What the next frame shows that is new: the first reason noted since the last frame.
  private var reason: String? = "start"
  /// The model on screen; `nil` after a resize or a repaint, so the next frame is drawn whatever the model.
  private var shown: Model?

  /// Notes why the model may have changed; the first reason since the last frame is the one reported.
  mutating func note(_ why: @autoclosure () -> String) {
    if reason == nil { reason = why() }
  }

  /// Forgets what is on screen: the next check asks for a frame.
  mutating func invalidate() {
    shown = nil
  }

  /// Records that `model` is being drawn and returns the frame's reason.
  mutating func drawing(_ model: Model) -> String {
    pending = false
    shown = model
    defer { reason = nil }
    return reason ?? "update"
  }

  /// Whether a render input must be queued now that the inputs left `model`: the model differs from the one on
  /// screen and no render is queued yet.
  mutating func needsFrame(for model: Model) -> Bool {
    if model == shown {
      reason = nil
      return false
    }
    guard !pending else { return false }
    pending = true
    return true
  }
}
