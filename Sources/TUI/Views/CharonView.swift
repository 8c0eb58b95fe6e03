import BulkheadCanvas
import BulkheadCore

/// The CHARON conversation of the active channel, either as the whole CHARON_TERMINAL view or as the dialog drawn
/// over any view while `charon_dialog_open` is set.
///
/// **Layouts.** ``Layout/full`` fills the area: a header (`CHARON`, and on the right the channel and the mode)
/// over a rule, then the conversation. ``Layout/dialog`` is a framed panel centred across the area (four columns
/// clear on each side, at most ``maximumDialogWidth`` wide), as tall as its content (between
/// ``minimumDialogHeight`` and ``maximumDialogHeight``, leaving at least three rows above) and resting one row above
/// the area's bottom, with `CHARON` and the channel and mode set into its top edge.
///
/// **Conversation.** Each line is labelled in a six-column gutter, `CHARON` (``ColorRole/accent``) or `YOU`
/// (``ColorRole/player``), followed by `▸` / `>`; its text is wrapped to the rest of the width with paragraphs
/// kept, and a blank row separates lines. The conversation is scrolled to the bottom: its newest row sits on the
/// body's last row (just above the input line in QUERY mode), and older rows are cut at the top.
///
/// **Approval.** A line with `pending_approval` is a draft the GM has not approved yet. CHARON's drafts are not
/// shown at all, so unapproved text never reaches the players. A player's own pending query is shown with its text
/// and a dim `awaiting approval` row under it.
///
/// **Input.** In QUERY ``mode`` the bottom row is the input line under a rule: `YOU ▸` then ``query`` and a cursor
/// mark `█` / `_` (the query's tail, after `…` / `~`, when it is too long); an empty query shows a dim
/// `type a query · Enter sends` after the cursor. In DISPLAY mode there is no input line.
///
/// Before the conversation arrives (``conversation`` nil) the body reads `connecting to CHARON…`; an empty one
/// reads `no transmissions on this channel`. Every server string, and the query, passes through
/// ``UntrustedText/sanitize(_:lineBreak:)``.
public struct CharonView: Widget {
  /// Where the conversation is drawn.
  public enum Layout: Sendable, Hashable, CaseIterable {
    /// The whole area: the CHARON_TERMINAL view.
    case full
    /// A framed panel over the view: the CHARON dialog.
    case dialog
  }

  /// The widest dialog drawn.
  public static let maximumDialogWidth = 96
  /// The tallest dialog drawn.
  public static let maximumDialogHeight = 30

  /// The active channel's conversation, or nil while it is being fetched.
  public var conversation: CharonConversation?
  /// `charon_mode` from the payload: QUERY shows the input line.
  public var mode: CharonMode
  /// The channel's name, e.g. `story`; `charon_active_channel` from the payload.
  public var channel: String
  /// The text typed so far in QUERY mode.
  public var query: String
  /// The full view or the dialog.
  public var layout: Layout
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// Creates a CHARON view.
  public init(
    conversation: CharonConversation?, mode: CharonMode, channel: String = "", query: String = "",
    layout: Layout = .full, glyphs: GlyphSet = .unicode
  ) {
    self.conversation = conversation
    self.mode = mode
    self.channel = channel
    self.query = query
    self.layout = layout
    self.glyphs = glyphs
  }

  /// The shortest dialog drawn.
  public static let minimumDialogHeight = 7

  /// The dialog's rectangle inside `area`: as wide as allowed, as tall as its content (within the minimum and
  /// maximum), centred across and resting one row above the bottom of the area so the top of the view stays in
  /// sight.
  func dialog(in area: Rect) -> Rect {
    let width = min(Self.maximumDialogWidth, area.width - 8)
    let chrome = 2 + (mode == .query ? 2 : 0)
    let content = max(1, rows(width: width - 4).count)
    let tallest = min(Self.maximumDialogHeight, area.height - 4)
    let height = max(min(Self.minimumDialogHeight, tallest), min(tallest, content + chrome))
    return Rect(
      x: area.x + (area.width - width) / 2, y: area.maxY - 1 - height, width: max(0, width), height: max(0, height))
  }

  /// Draws the view into `area` (clipped to the canvas): the whole area for ``Layout/full``, the centred dialog
  /// for ``Layout/dialog``.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let area = area.intersection(canvas.bounds)
    let status = statusText
    let frame = CellStyle(role: .frame)
    var body: Rect
    let ruleSpan: Rect
    switch layout {
    case .full:
      guard area.width >= 20, area.height >= 5 else { return }
      canvas.fill(area, with: Cell())
      let statusWidth = DisplayWidth.of(status)
      canvas.put(status, x: area.maxX - 1 - statusWidth, y: area.y, style: CellStyle(role: .accent))
      ConsolePanel.write(
        "CHARON", x: area.x + 1, y: area.y, width: area.width - statusWidth - 3,
        style: CellStyle(role: .title, bold: true), glyphs: glyphs, on: &canvas)
      let rule = String(repeating: glyphs.box.horizontal, count: area.width)
      canvas.put(rule, x: area.x, y: area.y + 1, style: frame)
      body = Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2)
      ruleSpan = area
    case .dialog:
      let panel = dialog(in: area)
      guard panel.width >= 20, panel.height >= 5 else { return }
      ConsolePanel.draw(
        panel, within: area, title: "CHARON", trailing: status, frame: frame,
        titleStyle: CellStyle(role: .title, bold: true),
        trailingStyle: CellStyle(role: .accent), glyphs: glyphs, on: &canvas)
      body = Rect(x: panel.x + 2, y: panel.y + 1, width: panel.width - 4, height: panel.height - 2)
      ruleSpan = panel
    }
    if mode == .query {
      drawInput(x: body.x, y: body.maxY - 1, width: body.width, on: &canvas)
      if layout == .dialog {
        ConsolePanel.divider(y: body.maxY - 2, in: ruleSpan, style: frame, glyphs: glyphs, on: &canvas)
      } else {
        let rule = String(repeating: glyphs.box.horizontal, count: ruleSpan.width)
        canvas.put(rule, x: ruleSpan.x, y: body.maxY - 2, style: frame)
      }
      body.height -= 2
    }
    drawConversation(in: body, on: &canvas)
  }

  // MARK: - Pieces

  /// The channel and the mode, as the header shows them: `story · QUERY`.
  private var statusText: String {
    let name = PlayerFrame.clean(channel.isEmpty ? conversation?.channel ?? "" : channel, glyphs)
    let separator = glyphs.pick(" · ", " - ")
    return (name.isEmpty ? "" : name + separator) + mode.rawValue
  }

  /// The columns of the label gutter: `CHARON`, right-aligned `YOU`.
  private static let gutterWidth = 6

  /// The conversation rows, oldest first: each with its label (on a line's first row) and style.
  private func rows(width: Int) -> [(label: String, text: String, style: CellStyle)] {
    guard let conversation else { return [] }
    let textWidth = width - Self.gutterWidth - 3
    var rows: [(label: String, text: String, style: CellStyle)] = []
    for line in conversation.messages where !(line.pendingApproval && line.isFromCharon) {
      if !rows.isEmpty { rows.append(("", "", .plain)) }
      let label = line.isFromCharon ? "CHARON" : "YOU"
      let style = line.isFromCharon ? CellStyle(role: .text) : CellStyle(role: .player)
      let lines = TextWrap.untrusted(line.content, width: textWidth, glyphs: glyphs)
      for (index, text) in (lines.isEmpty ? [""] : lines).enumerated() {
        rows.append((index == 0 ? label : "", text, style))
      }
      if line.pendingApproval { rows.append(("", "awaiting approval", CellStyle(role: .dim, dim: true))) }
    }
    return rows
  }

  /// The newest conversation rows that fit in `body`.
  private func drawConversation(in body: Rect, on canvas: inout Canvas) {
    guard body.height > 0 else { return }
    guard conversation != nil else {
      note("connecting to CHARON" + glyphs.pick("…", "..."), in: body, on: &canvas)
      return
    }
    let all = rows(width: body.width)
    guard !all.isEmpty else {
      note("no transmissions on this channel", in: body, on: &canvas)
      return
    }
    let marker = glyphs.pick("▸", ">")
    let shown = all.suffix(body.height)
    for (offset, row) in shown.enumerated() {
      let y = body.maxY - shown.count + offset
      if !row.label.isEmpty {
        let isCharon = row.label == "CHARON"
        let label = String(repeating: " ", count: Self.gutterWidth - row.label.count) + row.label + " " + marker
        canvas.put(label, x: body.x, y: y, style: CellStyle(role: isCharon ? .accent : .player, bold: true))
      }
      canvas.put(
        row.text, x: body.x + Self.gutterWidth + 3, y: y, style: row.style,
        maxWidth: body.width - Self.gutterWidth - 3)
    }
  }

  /// The input line: the `YOU ▸` label, the query's visible tail and the cursor mark.
  private func drawInput(x: Int, y: Int, width: Int, on canvas: inout Canvas) {
    let label = String(repeating: " ", count: Self.gutterWidth - 3) + "YOU " + glyphs.pick("▸", ">") + " "
    canvas.put(label, x: x, y: y, style: CellStyle(role: .player, bold: true))
    let start = x + DisplayWidth.of(label)
    let room = width - DisplayWidth.of(label) - 1
    guard room > 1 else { return }
    let text = PlayerFrame.clean(query, glyphs)
    let visible = Self.tail(text, columns: room, glyphs: glyphs)
    let used = canvas.put(visible, x: start, y: y, style: .plain, maxWidth: room)
    canvas.put(glyphs.pick("█", "_"), x: start + used, y: y, style: CellStyle(role: .accent))
    if text.isEmpty {
      ConsolePanel.write(
        "type a query" + glyphs.pick(" · ", " - ") + "Enter sends", x: start + 2, y: y, width: room - 2,
        style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
    }
  }

  /// The end of `text` that fits in `columns`, after `…` / `~` when the start had to go.
  static func tail(_ text: String, columns: Int, glyphs: GlyphSet) -> String {
    guard DisplayWidth.of(text) > columns else { return text }
    var kept: [Character] = []
    var used = 0
    for character in text.reversed() {
      let width = DisplayWidth.of(character)
      if used + width > columns - 1 { break }
      kept.append(character)
      used += width
    }
    return glyphs.pick("…", "~") + String(kept.reversed())
  }

  /// A dim line centred in `body`.
  private func note(_ text: String, in body: Rect, on canvas: inout Canvas) {
    PlayerFrame.centre(
      text, in: Rect(x: body.x, y: body.y + (body.height - 1) / 2, width: body.width, height: 1),
      style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
  }
}
