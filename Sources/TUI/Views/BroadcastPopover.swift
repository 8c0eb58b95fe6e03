import BulkheadCanvas
import BulkheadCore

/// A new broadcast popped over the view: a framed panel centred in the area, shown by the display for a few seconds
/// when a HIGH or CRITICAL message arrives.
///
/// The panel is as wide as the text needs (at least ``minimumWidth``, at most ``maximumWidth`` and four columns
/// short of the area) and as tall as its lines (at most two rows short of the area; a longer text ends in `…` /
/// `~`). Its top edge carries the title, centred: `▲ CRITICAL ▲` / `!! CRITICAL !!`, `▲ HIGH PRIORITY ▲` /
/// `! HIGH PRIORITY !`, or `INCOMING MESSAGE` for the other priorities. Inside, after a blank row, the sender and
/// time (`CHARON · 21:07`), a blank row and the text wrapped to the width (paragraphs kept).
///
/// A CRITICAL message fills the whole panel in reverse-video ``ColorRole/critical``; a HIGH one has a bold
/// ``ColorRole/alert`` frame and a reverse title; the others a plain ``ColorRole/frame`` frame. Every server string
/// passes through ``UntrustedText/sanitize(_:lineBreak:)``.
public struct BroadcastPopover: Widget {
  /// The narrowest panel drawn.
  public static let minimumWidth = 36
  /// The widest panel drawn.
  public static let maximumWidth = 72

  /// The message to show.
  public var message: BroadcastMessage
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// Creates a pop-over.
  public init(message: BroadcastMessage, glyphs: GlyphSet = .unicode) {
    self.message = message
    self.glyphs = glyphs
  }

  /// The title set into the panel's top edge.
  public var title: String {
    switch message.priority {
    case .critical: glyphs.pick("▲ CRITICAL ▲", "!! CRITICAL !!")
    case .high: glyphs.pick("▲ HIGH PRIORITY ▲", "! HIGH PRIORITY !")
    case .low, .normal: "INCOMING MESSAGE"
    }
  }

  /// Draws the pop-over centred in `area` (clipped to the canvas); nothing outside the panel and its one-cell
  /// cleared margin changes.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let area = area.intersection(canvas.bounds)
    let widest = min(Self.maximumWidth, area.width - 4)
    guard widest >= 16, area.height >= 7 else { return }
    let sender = PlayerFrame.clean(message.sender, glyphs)
    let time = glyphs.restrict(message.time)
    let byline = [sender, time].filter { !$0.isEmpty }.joined(separator: glyphs.pick(" · ", " - "))
    let natural = TextWrap.untrusted(message.content, width: widest - 6, glyphs: glyphs)
    let needed = ([byline, title].map { DisplayWidth.of($0) + 2 } + natural.map { DisplayWidth.of($0) }).max() ?? 0
    let width = min(widest, max(Self.minimumWidth, needed + 6))
    var lines = TextWrap.untrusted(message.content, width: width - 6, glyphs: glyphs)
    let maximumLines = area.height - 2 - 6
    if lines.count > maximumLines {
      lines = Array(lines.prefix(max(0, maximumLines - 1))) + [glyphs.pick("…", "~")]
    }
    let panel = ConsolePanel.centred(width: width, height: lines.count + 5 + (lines.isEmpty ? 0 : 1), in: area)

    let isCritical = message.priority == .critical
    let role: ColorRole = isCritical ? .critical : message.priority == .high ? .alert : .frame
    let fill = isCritical ? CellStyle(role: .critical, reverse: true) : CellStyle.plain
    let frame = CellStyle(role: role, bold: role != .frame, reverse: isCritical)
    let titleStyle = CellStyle(role: role == .frame ? .title : role, bold: true, reverse: role != .frame)
    canvas.fill(panel.inset(by: -1).intersection(area), with: Cell())
    canvas.fill(panel, with: Cell(style: fill))
    canvas.box(panel, style: frame, glyphs: glyphs.box)
    PlayerFrame.centre(
      " \(title) ", in: Rect(x: panel.x + 2, y: panel.y, width: panel.width - 4, height: 1), style: titleStyle,
      glyphs: glyphs, on: &canvas)
    let inner = Rect(x: panel.x + 3, y: panel.y + 2, width: panel.width - 6, height: panel.height - 4)
    var bylineStyle = CellStyle(role: isCritical ? .critical : .accent, bold: true)
    bylineStyle.reverse = isCritical
    ConsolePanel.write(
      byline, x: inner.x, y: inner.y, width: inner.width, style: bylineStyle, glyphs: glyphs, on: &canvas)
    var textStyle = CellStyle(role: isCritical ? .critical : .text)
    textStyle.reverse = isCritical
    for (row, line) in lines.enumerated() {
      canvas.put(line, x: inner.x, y: inner.y + 2 + row, style: textStyle, maxWidth: inner.width)
    }
  }
}
