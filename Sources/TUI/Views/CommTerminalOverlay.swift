import BulkheadCanvas
import BulkheadCore

/// The comm-terminal overlay shown while `overlay_terminal_slug` is set: a framed panel centred over the view.
///
/// **Layout.** The panel takes most of the area (two columns and one row clear on each side, at most
/// ``maximumWidth`` × ``maximumHeight``). Its top edge reads `COMM TERMINAL`, and `N UNREAD` on the right while
/// messages are unread; below it a header line `owner · terminal id · access level` and a dim line
/// `location · description`, a divider, the body, a divider and the key hint
/// `↑↓/j k select · Enter open · Esc close` (ASCII `^v/j k select - Enter open - Esc close`).
///
/// **Inbox list.** Column labels, then one row per inbox message in the server's order (oldest first): a `▸` / `>`
/// on the selected row, `●` / `*` when unread, the sender, the subject and the timestamp (`YYYY-MM-DD HH:MM`).
/// The selected row is reverse video; unread rows are bold; HIGH subjects use ``ColorRole/alert`` and CRITICAL
/// ones ``ColorRole/critical``. When the list is longer than its rows it scrolls to keep the selection in the
/// middle where it can, and `↑` / `↓` (ASCII `^` / `v`) in the right edge show there is more above or below.
///
/// **Opened message.** When ``openedMessage`` names an inbox message, the list shrinks to a third of the body
/// (at least three rows) and the message follows under a divider; in a body under ``minimumSplitHeight`` rows the
/// message takes the whole body. It reads `From sender · timestamp`, `Subject subject [PRIORITY]`, then its text
/// wrapped to the width (paragraphs kept); a text too long for the space ends in a dim `…` / `~` line.
///
/// Before the terminal's data arrives (``inbox`` nil) the body reads `connecting to terminal…`; an empty inbox
/// reads `no messages`. Every terminal string passes through ``UntrustedText/sanitize(_:lineBreak:)``.
public struct CommTerminalOverlay: Widget {
  /// The widest panel drawn.
  public static let maximumWidth = 120
  /// The tallest panel drawn.
  public static let maximumHeight = 44

  /// The terminal's data, or nil while it is being fetched.
  public var inbox: TerminalInbox?
  /// The index of the selected inbox message; clamped to the list.
  public var selection: Int
  /// The index of the inbox message being read, or nil when none is open; ignored when out of range.
  public var openedMessage: Int?
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// Creates an overlay.
  public init(inbox: TerminalInbox?, selection: Int = 0, openedMessage: Int? = nil, glyphs: GlyphSet = .unicode) {
    self.inbox = inbox
    self.selection = selection
    self.openedMessage = openedMessage
    self.glyphs = glyphs
  }

  /// The panel's rectangle inside `area`.
  public static func panel(in area: Rect) -> Rect {
    ConsolePanel.centred(
      width: min(maximumWidth, area.width - 4), height: min(maximumHeight, area.height - 2), in: area)
  }

  /// The first inbox row shown when `rows` rows show a list of `count` with `selection` selected: the selection
  /// kept in the middle, the list never scrolled past its ends.
  public static func firstVisibleRow(selection: Int, count: Int, rows: Int) -> Int {
    guard rows > 0, count > rows else { return 0 }
    return min(max(0, selection - (rows - 1) / 2), count - rows)
  }

  /// Draws the overlay centred in `area` (clipped to the canvas); nothing outside the panel and its one-cell
  /// cleared margin changes.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let panel = Self.panel(in: area.intersection(canvas.bounds))
    guard panel.width >= 20, panel.height >= 9 else { return }
    let frame = CellStyle(role: .frame)
    let unread = inbox?.inbox.filter { !$0.read }.count ?? 0
    ConsolePanel.draw(
      panel, within: area, title: "COMM TERMINAL", trailing: unread > 0 ? "\(unread) UNREAD" : "", frame: frame,
      titleStyle: CellStyle(role: .title, bold: true), trailingStyle: CellStyle(role: .accent, bold: true),
      glyphs: glyphs, on: &canvas)
    let content = Rect(x: panel.x + 2, y: panel.y + 1, width: panel.width - 4, height: panel.height - 2)
    drawHeader(in: content, on: &canvas)
    ConsolePanel.divider(y: panel.y + 3, in: panel, style: frame, glyphs: glyphs, on: &canvas)
    ConsolePanel.divider(y: panel.maxY - 3, in: panel, style: frame, glyphs: glyphs, on: &canvas)
    let hint = glyphs.pick("↑↓/j k select · Enter open · Esc close", "^v/j k select - Enter open - Esc close")
    PlayerFrame.centre(
      hint, in: Rect(x: content.x, y: panel.maxY - 2, width: content.width, height: 1),
      style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
    let body = Rect(x: content.x, y: panel.y + 4, width: content.width, height: panel.height - 7)
    guard let inbox else {
      note("connecting to terminal" + glyphs.pick("…", "..."), in: body, on: &canvas)
      return
    }
    guard !inbox.inbox.isEmpty else {
      note("no messages", in: body, on: &canvas)
      return
    }
    let opened = openedMessage.flatMap { inbox.inbox.indices.contains($0) ? $0 : nil }
    guard let opened else {
      drawList(inbox.inbox, in: body, panel: panel, on: &canvas)
      return
    }
    guard body.height >= Self.minimumSplitHeight else {
      drawMessage(inbox.inbox[opened], in: body, on: &canvas)
      return
    }
    let listRows = min(inbox.inbox.count, max(3, (body.height - 1) / 3))
    drawList(
      inbox.inbox, in: Rect(x: body.x, y: body.y, width: body.width, height: listRows + 1), panel: panel, on: &canvas)
    let dividerRow = body.y + listRows + 1
    ConsolePanel.divider(y: dividerRow, in: panel, style: frame, glyphs: glyphs, on: &canvas)
    let reader = Rect(x: body.x, y: dividerRow + 1, width: body.width, height: body.maxY - dividerRow - 1)
    drawMessage(inbox.inbox[opened], in: reader, on: &canvas)
  }

  /// The fewest body rows that show the list above an opened message; below it the message takes the whole body.
  static let minimumSplitHeight = 12

  // MARK: - Pieces

  /// Terminal text made safe and drawable on one line.
  private func clean(_ text: String) -> String { PlayerFrame.clean(text, glyphs) }

  /// The owner, terminal id and access level, and under them the location and description.
  private func drawHeader(in content: Rect, on canvas: inout Canvas) {
    guard let inbox else { return }
    let separator = glyphs.pick(" · ", " - ")
    var x = content.x
    let parts: [(String, CellStyle)] = [
      (clean(inbox.owner), CellStyle(role: .title, bold: true)),
      (clean(inbox.terminalID), CellStyle(role: .accent)),
      (clean(inbox.accessLevel), CellStyle(role: .warning, bold: true)),
    ].filter { !$0.0.isEmpty }
    for (index, (text, style)) in parts.enumerated() {
      if index > 0 {
        x += ConsolePanel.write(
          separator, x: x, y: content.y, width: content.maxX - x, style: CellStyle(role: .dim), glyphs: glyphs,
          on: &canvas)
      }
      x += ConsolePanel.write(
        text, x: x, y: content.y, width: content.maxX - x, style: style, glyphs: glyphs, on: &canvas)
    }
    let about = [clean(inbox.locationName), clean(inbox.description)].filter { !$0.isEmpty }.joined(
      separator: separator)
    ConsolePanel.write(
      about, x: content.x, y: content.y + 1, width: content.width, style: CellStyle(role: .dim, dim: true),
      glyphs: glyphs, on: &canvas)
  }

  /// A dim line centred in `body`.
  private func note(_ text: String, in body: Rect, on canvas: inout Canvas) {
    PlayerFrame.centre(
      text, in: Rect(x: body.x, y: body.y + (body.height - 1) / 2, width: body.width, height: 1),
      style: CellStyle(role: .dim, dim: true), glyphs: glyphs, on: &canvas)
  }

  /// The widths of the sender and subject columns for a list `width` columns wide.
  private static func columns(width: Int) -> (sender: Int, subject: Int) {
    let available = max(0, width - 2 - 2 - timeWidth - 2)
    let sender = min(28, available * 2 / 5)
    return (sender, available - sender)
  }

  /// The columns the timestamp takes: `YYYY-MM-DD HH:MM`.
  private static let timeWidth = 16

  /// The column labels and the visible rows of the list in `list` (its first row holds the labels).
  private func drawList(
    _ messages: [TerminalMessage], in list: Rect, panel: Rect, on canvas: inout Canvas
  ) {
    let (senderWidth, subjectWidth) = Self.columns(width: list.width)
    let senderX = list.x + 2
    let subjectX = senderX + senderWidth + 2
    let timeX = list.maxX - Self.timeWidth
    let labels = CellStyle(role: .dim, dim: true)
    ConsolePanel.write("FROM", x: senderX, y: list.y, width: senderWidth, style: labels, glyphs: glyphs, on: &canvas)
    ConsolePanel.write(
      "SUBJECT", x: subjectX, y: list.y, width: subjectWidth, style: labels, glyphs: glyphs, on: &canvas)
    ConsolePanel.write(
      "RECEIVED", x: timeX, y: list.y, width: Self.timeWidth, style: labels, glyphs: glyphs, on: &canvas)

    let rows = list.height - 1
    let selected = min(max(0, selection), messages.count - 1)
    let first = Self.firstVisibleRow(selection: selected, count: messages.count, rows: rows)
    for row in 0..<min(rows, messages.count - first) {
      let index = first + row
      let message = messages[index]
      let y = list.y + 1 + row
      let isSelected = index == selected
      let bold = !message.read
      func style(_ role: ColorRole) -> CellStyle { CellStyle(role: role, bold: bold, reverse: isSelected) }
      if isSelected {
        canvas.fill(Rect(x: panel.x + 1, y: y, width: panel.width - 2, height: 1), with: Cell(style: style(.text)))
        canvas.put(glyphs.pick("▸", ">"), x: list.x, y: y, style: style(.accent))
      }
      if !message.read { canvas.put(glyphs.pick("●", "*"), x: list.x + 1, y: y, style: style(.accent)) }
      ConsolePanel.write(
        clean(message.sender), x: senderX, y: y, width: senderWidth, style: style(.text), glyphs: glyphs, on: &canvas)
      let subjectRole: ColorRole =
        switch message.priority.uppercased() {
        case "CRITICAL": .critical
        case "HIGH": .alert
        default: .text
        }
      ConsolePanel.write(
        clean(message.subject), x: subjectX, y: y, width: subjectWidth, style: style(subjectRole), glyphs: glyphs,
        on: &canvas)
      ConsolePanel.write(
        String(clean(message.timestamp ?? "").prefix(Self.timeWidth)), x: timeX, y: y, width: Self.timeWidth,
        style: style(.dim), glyphs: glyphs,
        on: &canvas)
    }
    let marks = CellStyle(role: .accent, bold: true)
    if first > 0 { canvas.put(glyphs.pick("↑", "^"), x: panel.maxX - 1, y: list.y + 1, style: marks) }
    if first + rows < messages.count {
      canvas.put(glyphs.pick("↓", "v"), x: panel.maxX - 1, y: list.y + rows, style: marks)
    }
  }

  /// The opened message: sender and time, subject and priority, then the wrapped text.
  private func drawMessage(_ message: TerminalMessage, in reader: Rect, on canvas: inout Canvas) {
    guard reader.height > 0 else { return }
    let label = CellStyle(role: .dim, dim: true)
    let separator = glyphs.pick(" · ", " - ")
    var x = reader.x
    x += ConsolePanel.write(
      "From ", x: x, y: reader.y, width: reader.maxX - x, style: label, glyphs: glyphs, on: &canvas)
    let from = clean(message.sender) + (message.timestamp.map { separator + clean($0) } ?? "")
    ConsolePanel.write(
      from, x: x, y: reader.y, width: reader.maxX - x, style: CellStyle(role: .accent), glyphs: glyphs, on: &canvas)
    guard reader.height > 1 else { return }
    x = reader.x
    x += ConsolePanel.write(
      "Subject ", x: x, y: reader.y + 1, width: reader.maxX - x, style: label, glyphs: glyphs, on: &canvas)
    x += ConsolePanel.write(
      clean(message.subject), x: x, y: reader.y + 1, width: reader.maxX - x, style: CellStyle(role: .title, bold: true),
      glyphs: glyphs, on: &canvas)
    let priority = clean(message.priority).uppercased()
    if priority == "HIGH" || priority == "CRITICAL" {
      ConsolePanel.write(
        " [\(priority)]", x: x, y: reader.y + 1, width: reader.maxX - x,
        style: CellStyle(role: priority == "HIGH" ? .alert : .critical, bold: true), glyphs: glyphs, on: &canvas)
    }
    let textRows = reader.height - 3
    guard textRows > 0 else { return }
    let lines = TextWrap.untrusted(message.content, width: reader.width, glyphs: glyphs)
    let shown = lines.count > textRows ? Array(lines.prefix(textRows - 1)) : lines
    for (row, line) in shown.enumerated() {
      canvas.put(line, x: reader.x, y: reader.y + 3 + row, style: .plain, maxWidth: reader.width)
    }
    if shown.count < lines.count {
      canvas.put(glyphs.pick("…", "~"), x: reader.x, y: reader.maxY - 1, style: label)
    }
  }
}
