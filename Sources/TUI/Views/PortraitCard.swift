import BulkheadCanvas
import BulkheadCore
import Foundation

/// One revealed NPC: a framed card with the portrait (image, hand-drawn text or initials) and, under it, the name
/// and the role. An image is drawn in `mode` and also placed over its cells (``Canvas/place(_:over:)``) for a
/// terminal that shows pictures.
public struct PortraitCard: Widget {
  /// The NPC's name (untrusted: sanitised here).
  public var name: String
  /// The NPC's role, `""` for none (untrusted: sanitised here).
  public var role: String
  /// The portrait; `nil` while it loads (the initials show meanwhile).
  public var art: PortraitArt?
  /// How an image becomes cells.
  public var mode: PortraitMode
  /// The glyphs the terminal can show.
  public var glyphs: GlyphSet
  /// The card's frame.
  public var box: BoxGlyphs

  /// The rows under the portrait: the name and the role.
  public static let captionRows = 2

  /// A card for `name` and `role` showing `art`.
  public init(
    name: String, role: String, art: PortraitArt?, mode: PortraitMode, glyphs: GlyphSet, box: BoxGlyphs? = nil
  ) {
    self.name = name
    self.role = role
    self.art = art
    self.mode = mode
    self.glyphs = glyphs
    self.box = box ?? glyphs.box
  }

  public func draw(into canvas: inout Canvas, area: Rect) {
    guard area.width >= 3, area.height >= 2 + Self.captionRows else { return }
    canvas.fill(area, with: Cell())
    canvas.box(area, style: CellStyle(role: .frame), glyphs: box)
    let inner = area.inset(by: 1)
    let picture = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - Self.captionRows)
    switch art {
    case .image(let image)?:
      PortraitPainter(mode: mode).draw(image, into: &canvas, area: picture)
      canvas.place(image, over: picture)
    case .text(let lines)?:
      drawText(lines, in: picture, on: &canvas)
    case .unavailable?, nil:
      drawInitials(in: picture, on: &canvas)
    }
    let caption = Rect(x: inner.x, y: picture.maxY, width: inner.width, height: 1)
    PlayerFrame.centre(
      clean(name), in: caption, style: CellStyle(role: .npc, bold: true), glyphs: glyphs, on: &canvas)
    PlayerFrame.centre(
      clean(role), in: Rect(x: caption.x, y: caption.y + 1, width: caption.width, height: 1),
      style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
  }

  /// Words before a name that are not part of it.
  static let titles: Set<String> = [
    "captain", "capt", "doctor", "dr", "commander", "cmdr", "lieutenant", "lt", "sergeant", "sgt", "chief",
    "professor", "prof", "mr", "mrs", "ms", "sir", "lady", "lord",
  ]

  /// The NPC's initials: the first letters of the first and last words, titles such as "Dr." or "Captain" left
  /// out (unless the name is nothing but titles).
  public static func initials(of name: String) -> String {
    let all = UntrustedText.sanitize(name).split(separator: " ")
    let named = all.filter { !titles.contains($0.lowercased().trimmingCharacters(in: ["."])) }
    let words = named.isEmpty ? all : named
    let picked = words.count > 1 ? [words[0], words[words.count - 1]] : words
    return String(picked.compactMap(\.first)).uppercased()
  }

  /// A hand-drawn portrait, centred and clipped to `area`.
  private func drawText(_ lines: [String], in area: Rect, on canvas: inout Canvas) {
    let shown = lines.prefix(area.height).map { glyphs.restrict($0) }
    let width = min(area.width, shown.map(DisplayWidth.of).max() ?? 0)
    let left = area.x + (area.width - width) / 2
    let top = area.y + (area.height - shown.count) / 2
    for (row, line) in shown.enumerated() {
      canvas.put(line, x: left, y: top + row, style: CellStyle(role: .text), maxWidth: width)
    }
  }

  /// The placeholder: the initials in a small frame, centred in `area`.
  private func drawInitials(in area: Rect, on canvas: inout Canvas) {
    let initials = glyphs.restrict(Self.initials(of: name))
    guard area.height >= 1, !initials.isEmpty else { return }
    let width = DisplayWidth.of(initials) + 4
    if area.height >= 3, area.width >= width {
      let frame = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - 3) / 2, width: width, height: 3)
      canvas.box(frame, style: CellStyle(role: .dim, dim: true), glyphs: glyphs.box)
      PlayerFrame.centre(
        initials, in: Rect(x: frame.x + 1, y: frame.y + 1, width: frame.width - 2, height: 1),
        style: CellStyle(role: .npc, bold: true), glyphs: glyphs, on: &canvas)
    } else {
      PlayerFrame.centre(
        initials, in: Rect(x: area.x, y: area.y + area.height / 2, width: area.width, height: 1),
        style: CellStyle(role: .npc, bold: true), glyphs: glyphs, on: &canvas)
    }
  }

  private func clean(_ text: String) -> String {
    PlayerFrame.clean(text, glyphs)
  }
}
