/// A picture a widget placed over a rectangle of cells, for outputs that can show images on the terminal (sixel,
/// the kitty graphics protocol); every output also has the cells under it, drawn as text, to fall back on.
///
/// A placement lasts only while nothing is drawn over its cells: ``Canvas`` drops it when a later write touches any
/// cell of ``area``, so an overlay never shows a picture through it.
public struct CanvasImage: Sendable, Equatable {
  /// The picture.
  public var image: RGBAImage
  /// The cells the picture covers, fitted inside them and centred.
  public var area: Rect

  /// A placement of `image` over `area`.
  public init(image: RGBAImage, area: Rect) {
    self.image = image
    self.area = area
  }
}
