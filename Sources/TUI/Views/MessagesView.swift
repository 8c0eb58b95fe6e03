import BulkheadCanvas
import BulkheadCore

/// The MESSAGES and COMM_TERMINAL views: the broadcast list, newest first.
///
/// A header (``title`` and on the right `N MESSAGES`) over a rule, then each message as a row with its time
/// (`HH:MM` UTC, ``ColorRole/dim``), its sender (``ColorRole/accent``) and, right-aligned, its priority tag
/// (``priorityTag(_:glyphs:)``), followed by its text wrapped to the width under the sender (paragraphs kept) and
/// a blank row. HIGH and CRITICAL messages are told apart by the tag's text as well as its colour; LOW messages'
/// text is dim. When not all fit, only whole messages are shown (but at least the first, cut if it must be) and
/// the last row reads `+ N more`, counting the messages not shown whole. An empty list reads `no messages`.
///
/// Every server string passes through ``UntrustedText/sanitize(_:lineBreak:)``.
public struct MessagesView: Widget {
  /// The broadcasts, newest first, as `GET /api/messages/` lists them.
  public var messages: [BroadcastMessage]
  /// The header's title, e.g. `MESSAGES` or `COMM TERMINAL`.
  public var title: String
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// Creates a message list view.
  public init(messages: [BroadcastMessage], title: String = "MESSAGES", glyphs: GlyphSet = .unicode) {
    self.messages = messages
    self.title = title
    self.glyphs = glyphs
  }

  /// The tag that marks a message's priority, or nil for NORMAL: CRITICAL `■ CRITICAL` / `!! CRITICAL` in
  /// reverse bold ``ColorRole/critical``, HIGH `▲ HIGH` / `! HIGH` in bold ``ColorRole/alert``, LOW a dim `low`.
  public static func priorityTag(_ priority: MessagePriority, glyphs: GlyphSet) -> (text: String, style: CellStyle)? {
    switch priority {
    case .critical: (glyphs.pick("■ CRITICAL", "!! CRITICAL"), CellStyle(role: .critical, bold: true, reverse: true))
    case .high: (glyphs.pick("▲ HIGH", "! HIGH"), CellStyle(role: .alert, bold: true))
    case .low: ("low", CellStyle(role: .dim, dim: true))
    case .normal: nil
    }
  }

  /// The column where a message's sender and text start: after the time and two spaces.
  private static let textOffset = 7

  /// Draws the view into `area` (clipped to the canvas), clearing it first.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let area = area.intersection(canvas.bounds)
    guard area.width >= 20, area.height >= 3 else { return }
    canvas.fill(area, with: Cell())
    let count = "\(messages.count) " + (messages.count == 1 ? "MESSAGE" : "MESSAGES")
    let countWidth = DisplayWidth.of(count)
    canvas.put(count, x: area.maxX - 1 - countWidth, y: area.y, style: CellStyle(role: .dim, dim: true))
    ConsolePanel.write(
      PlayerFrame.clean(title, glyphs), x: area.x + 1, y: area.y, width: area.width - countWidth - 3,
      style: CellStyle(role: .title, bold: true), glyphs: glyphs, on: &canvas)
    canvas.put(
      String(repeating: glyphs.box.horizontal, count: area.width), x: area.x, y: area.y + 1,
      style: CellStyle(role: .frame))
    let list = Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2)
    guard !messages.isEmpty else {
      PlayerFrame.centre(
        "no messages", in: Rect(x: list.x, y: list.y + (list.height - 1) / 2, width: list.width, height: 1),
        style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
      return
    }
    let wrapped = messages.map { TextWrap.untrusted($0.content, width: list.width - Self.textOffset, glyphs: glyphs) }
    let total = wrapped.reduce(0) { $0 + 1 + $1.count } + wrapped.count - 1
    let limit = total <= list.height ? list.maxY : list.maxY - 1
    var y = list.y
    var whole = 0
    for (message, lines) in zip(messages, wrapped) {
      if y + 1 + lines.count <= limit {
        drawMessage(message, lines: lines, y: y, limit: limit, x: list.x, width: list.width, on: &canvas)
        whole += 1
        y += lines.count + 2
        continue
      }
      if whole == 0 {
        drawMessage(message, lines: lines, y: y, limit: limit, x: list.x, width: list.width, on: &canvas)
      }
      break
    }
    if whole < messages.count {
      ConsolePanel.write(
        "+ \(messages.count - whole) more", x: list.x, y: list.maxY - 1, width: list.width,
        style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
    }
  }

  /// One message from row `y` in the columns from `x`, `width` wide: the time, sender and tag row, then its text
  /// `lines` on the rows above `limit`.
  private func drawMessage(
    _ message: BroadcastMessage, lines: [String], y: Int, limit: Int, x: Int, width: Int, on canvas: inout Canvas
  ) {
    guard y < limit else { return }
    canvas.put(glyphs.restrict(message.time), x: x, y: y, style: CellStyle(role: .dim), maxWidth: 5)
    var tagWidth = 0
    if let tag = Self.priorityTag(message.priority, glyphs: glyphs) {
      tagWidth = DisplayWidth.of(tag.text)
      canvas.put(tag.text, x: x + width - tagWidth, y: y, style: tag.style)
    }
    ConsolePanel.write(
      PlayerFrame.clean(message.sender, glyphs), x: x + Self.textOffset, y: y,
      width: width - Self.textOffset - tagWidth - 1, style: CellStyle(role: .accent, bold: true),
      glyphs: glyphs, on: &canvas)
    let style = message.priority == .low ? CellStyle(role: .dim, dim: true) : CellStyle(role: .text)
    for (row, line) in lines.enumerated() where y + 1 + row < limit {
      canvas.put(
        line, x: x + Self.textOffset, y: y + 1 + row, style: style, maxWidth: width - Self.textOffset)
    }
  }
}
