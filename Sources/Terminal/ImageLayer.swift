import BulkheadCanvas

/// The pictures of a canvas drawn on a terminal beside curses: which ``Canvas/images`` to send after a frame, which
/// to take away, and the bytes that do it in sixel or the kitty graphics protocol.
///
/// Curses knows nothing of pictures, so after each frame the layer compares it with the last one:
/// - a placement that is new, moved, shows another image, or whose cells changed (curses wrote over them, which
///   erases a sixel picture) is sent again;
/// - a placement that went is deleted (kitty) or its rows are handed back to curses to repaint (sixel, whose
///   pixels only text written over them removes); a picture on those rows is then sent again;
/// - after a resize or a full repaint nothing is assumed to be on the screen: kitty pictures are deleted, and every
///   placement is sent again.
///
/// Each picture is sent as its placement's cells in pixels (``cellSize``), the image fitted and centred inside them,
/// with the cursor saved before and restored after, so curses' idea of it stays true.
public struct ImageLayer: Sendable {
  /// The protocol pictures are sent in.
  public let graphics: TerminalGraphics
  /// The size of a cell in pixels.
  public let cellSize: (width: Int, height: Int)

  /// A picture on the screen.
  struct Shown: Sendable {
    var placement: CanvasImage
    var id: UInt32
  }

  /// The pictures on the screen.
  private var shown: [Shown] = []
  /// The frame they were drawn with.
  private var lastCanvas: Canvas?
  /// The id the next new kitty picture gets.
  private var nextID: UInt32 = 1

  /// What to do after curses has drawn a frame.
  public struct Update: Sendable, Equatable {
    /// Rows curses must repaint in full (sixel pictures taken away), before ``bytes`` are written.
    public var repaintRows: [Int] = []
    /// The bytes to write: deletions, then the pictures.
    public var bytes: [UInt8] = []
  }

  /// A layer sending pictures in `graphics`, with cells of `cellSize` pixels (10 × 20 when the terminal did not
  /// say).
  public init(graphics: TerminalGraphics, cellSize: (width: Int, height: Int)? = nil) {
    self.graphics = graphics
    self.cellSize = cellSize ?? (width: 10, height: 20)
  }

  /// The update that brings the terminal's pictures to `canvas`'s placements, just drawn by curses.
  public mutating func update(to canvas: Canvas) -> Update {
    var update = Update()
    var kept: [Shown] = []
    var gone: [Shown] = []
    var pending: [CanvasImage] = canvas.images
    for old in shown {
      if let index = pending.firstIndex(of: old.placement),
        let last = lastCanvas, Self.sameCells(old.placement.area, canvas, last)
      {
        kept.append(old)
        pending.remove(at: index)
      } else {
        gone.append(old)
      }
    }
    var rows = Set<Int>()
    for old in gone {
      switch graphics {
      case .kitty: update.bytes += KittyEncoder.delete(id: old.id)
      case .sixel: rows.formUnion(old.placement.area.y..<old.placement.area.maxY)
      }
    }
    if !rows.isEmpty {
      update.repaintRows = rows.sorted()
      for old in kept where !rows.isDisjoint(with: old.placement.area.y..<old.placement.area.maxY) {
        pending.append(old.placement)
      }
      kept.removeAll { old in !rows.isDisjoint(with: old.placement.area.y..<old.placement.area.maxY) }
    }
    for placement in canvas.images where pending.contains(placement) {
      let id = nextID
      nextID = nextID == UInt32.max ? 1 : nextID + 1
      update.bytes += draw(placement, id: id)
      kept.append(Shown(placement: placement, id: id))
    }
    shown = kept
    lastCanvas = canvas
    return update
  }

  /// Forgets every picture after a resize or a full repaint (curses clears the screen); returns the bytes that
  /// delete kitty pictures (sixel pixels go with the clear).
  public mutating func reset() -> [UInt8] {
    let hadPictures = !shown.isEmpty
    shown = []
    lastCanvas = nil
    return graphics == .kitty && hadPictures ? KittyEncoder.deleteAll : []
  }

  /// Whether any picture is on the screen.
  public var isShowing: Bool { !shown.isEmpty }

  /// The bytes that send `placement` as picture `id` at its top-left cell.
  func draw(_ placement: CanvasImage, id: UInt32) -> [UInt8] {
    let area = placement.area
    let bitmap = placement.image.letterboxed(
      width: area.width * cellSize.width, height: area.height * cellSize.height)
    var out = Array("\u{1B}7\u{1B}[\(area.y + 1);\(area.x + 1)H".utf8)
    switch graphics {
    case .sixel: out += SixelEncoder.encode(bitmap)
    case .kitty: out += KittyEncoder.place(bitmap, id: id, columns: area.width, rows: area.height)
    }
    out += Array("\u{1B}8".utf8)
    return out
  }

  /// Whether the cells of `area` are the same in both canvases (sizes differing count as changed).
  static func sameCells(_ area: Rect, _ canvas: Canvas, _ other: Canvas) -> Bool {
    guard canvas.width == other.width, canvas.height == other.height else { return false }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX where canvas[x: x, y: y] != other[x: x, y: y] { return false }
    }
    return true
  }
}
