import BulkheadCanvas
import BulkheadCore

/// The bottom line of the display: the latest broadcast, `▸ 21:07 · CHARON · text`, shortened to fit.
///
/// The row is cleared first; with no message nothing else is drawn. The leading mark (`▸` / `>`) is
/// ``ColorRole/accent``, the time dim, the sender bold ``ColorRole/accent``. A HIGH or CRITICAL message adds its
/// priority tag (``MessagesView/priorityTag(_:glyphs:)``) before the text, and its text takes the tag's colour
/// role. The text is put on one line (line breaks become spaces) and ends in `…` / `~` when cut.
/// Every server string passes through ``UntrustedText/sanitize(_:lineBreak:)``.
public struct MessageTicker: Widget {
  /// The latest message, or nil when there is none.
  public var message: BroadcastMessage?
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// Creates a ticker.
  public init(message: BroadcastMessage?, glyphs: GlyphSet = .unicode) {
    self.message = message
    self.glyphs = glyphs
  }

  /// Draws the ticker in the first row of `area` (clipped to the canvas).
  public func draw(into canvas: inout Canvas, area: Rect) {
    let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.bounds)
    guard !row.isEmpty else { return }
    canvas.fill(row, with: Cell())
    guard let message else { return }
    let separator = glyphs.pick(" · ", " - ")
    let tag = message.isUrgent ? MessagesView.priorityTag(message.priority, glyphs: glyphs) : nil
    var textStyle = CellStyle(role: .text)
    if let tag { textStyle = CellStyle(role: tag.style.role, bold: true) }
    var parts: [(String, CellStyle)] = [(glyphs.pick("▸", ">") + " ", CellStyle(role: .accent, bold: true))]
    let time = glyphs.restrict(message.time)
    if !time.isEmpty { parts += [(time, CellStyle(role: .dim)), (separator, CellStyle(role: .dim))] }
    let sender = PlayerFrame.clean(message.sender, glyphs)
    if !sender.isEmpty {
      parts += [(sender, CellStyle(role: .accent, bold: true)), (separator, CellStyle(role: .dim))]
    }
    if let tag { parts += [(tag.text, tag.style), (" ", .plain)] }
    parts.append((PlayerFrame.clean(message.content, glyphs), textStyle))
    var x = row.x + 1
    for (text, style) in parts where x < row.maxX - 1 {
      x += ConsolePanel.write(text, x: x, y: row.y, width: row.maxX - 1 - x, style: style, glyphs: glyphs, on: &canvas)
    }
  }
}
