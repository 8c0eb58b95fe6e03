import BulkheadCanvas

/// Something that draws itself into an area of a ``Canvas`` and does nothing else: no I/O, no state of its own.
///
/// Every view and panel of the display is one; frames are composed by drawing widgets in order, later ones over
/// earlier ones.
public protocol Widget: Sendable {
  /// Draws into `area` of `canvas` (clipped to the canvas).
  func draw(into canvas: inout Canvas, area: Rect)
}
