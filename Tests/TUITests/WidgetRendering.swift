import BulkheadTUI

@testable import BulkheadCanvas

/// `widget` drawn over the whole of a new blank `width` × `height` canvas.
func render(_ widget: some Widget, width: Int, height: Int) -> Canvas {
  var canvas = Canvas(width: width, height: height)
  widget.draw(into: &canvas, area: canvas.bounds)
  return canvas
}
