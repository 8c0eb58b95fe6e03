import BulkheadCanvas
import BulkheadCore

/// The SHIP_DASHBOARD view: the ship's name and class, hull and armour gauges, and every system with its status,
/// condition bar and info line.
///
/// **Layout.** A header (the ship's name upper-cased and `SHIP STATUS`; the class and `CREW n/N`), a rule, the hull
/// and armour as bars with their numbers (each left out when absent), then a `SYSTEMS` rule over the systems. The
/// systems fill the rest of the area in as many columns as fit at ``minimumColumnWidth`` (at most one per system),
/// each at most ``maximumColumnWidth`` wide, the grid centred:
/// - as framed cards (name and status on the top edge, the condition bar, the info line) when all of them fit;
/// - else as two-line rows (glyph, name, status, bar; the info line below), and when even those do not all fit, the
///   last line says `+N more`.
///
/// **Status.** Distinct by glyph, text and colour role:
///
/// | status   | UTF-8 | ASCII | role                                  |
/// |----------|-------|-------|---------------------------------------|
/// | ONLINE   | `●`   | `+`   | ``ColorRole/ok``                      |
/// | STRESSED | `▲`   | `!`   | ``ColorRole/warning``                 |
/// | DAMAGED  | `◆`   | `#`   | ``ColorRole/alert``                   |
/// | CRITICAL | `✕`   | `X`   | ``ColorRole/critical``, bold          |
/// | OFFLINE  | `○`   | `o`   | ``ColorRole/dim``, dim                |
/// | unknown  | `?`   | `?`   | ``ColorRole/dim``, dim (`UNKNOWN`)    |
///
/// Bars are `█`/`░` (ASCII `#`/`.`); a non-zero value always fills at least one cell and a value short of the
/// maximum leaves at least one empty. Gauges are ``ColorRole/ok`` from 60 %, ``ColorRole/warning`` from 30 %,
/// else ``ColorRole/critical``. Every campaign string is passed through ``UntrustedText/sanitize(_:lineBreak:)``
/// (and limited to printable ASCII for the ASCII set). Nothing is drawn outside the area.
public struct ShipDashboardView: Widget {
  /// The ship to draw.
  public var status: ShipStatus
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// The narrowest column of systems.
  public static let minimumColumnWidth = 36
  /// The widest column of systems.
  public static let maximumColumnWidth = 60

  /// Creates a dashboard view.
  public init(status: ShipStatus, glyphs: GlyphSet = .unicode) {
    self.status = status
    self.glyphs = glyphs
  }

  /// Draws the dashboard into `area` of `canvas` (clipped to the canvas); cells it does not use are left untouched.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let area = area.intersection(canvas.bounds)
    guard !area.isEmpty else { return }
    let name = clean(status.name ?? "").uppercased()
    var y = area.y
    Self.drawHeaderLine(
      left: name.isEmpty ? "UNIDENTIFIED VESSEL" : name, leftStyle: CellStyle(role: .title, bold: true),
      right: "SHIP STATUS", rightStyle: CellStyle(role: .accent, bold: true), y: y, in: area, glyphs: glyphs,
      on: &canvas)
    y += 1
    let crew = status.crew.map { "CREW \($0.current)" + ($0.maximum.map { "/\($0)" } ?? "") } ?? ""
    Self.drawHeaderLine(
      left: clean(status.shipClass ?? ""), leftStyle: CellStyle(role: .dim), right: crew,
      rightStyle: CellStyle(role: .dim), y: y, in: area, glyphs: glyphs, on: &canvas)
    y += 1
    Self.drawRule(title: nil, y: y, in: area, glyphs: glyphs, on: &canvas)
    let roomy = area.height >= 24
    y += roomy ? 2 : 1
    y = drawGauges(from: y, in: area, on: &canvas)
    if roomy { y += 1 }
    guard y < area.maxY else { return }
    Self.drawRule(title: "SYSTEMS", y: y, in: area, glyphs: glyphs, on: &canvas)
    drawSystems(in: Rect(x: area.x, y: y + 1, width: area.width, height: area.maxY - y - 1), on: &canvas)
  }

  // MARK: - Glyph tables

  /// The glyph of `status` in `glyphs` (see the table above); `nil` is an unknown status.
  public static func statusGlyph(_ status: ShipSystemStatus?, glyphs: GlyphSet) -> String {
    switch status {
    case .online: glyphs.pick("●", "+")
    case .stressed: glyphs.pick("▲", "!")
    case .damaged: glyphs.pick("◆", "#")
    case .critical: glyphs.pick("✕", "X")
    case .offline: glyphs.pick("○", "o")
    case nil: "?"
    }
  }

  /// The style of `status` (see the table above); `nil` is an unknown status.
  public static func statusStyle(_ status: ShipSystemStatus?) -> CellStyle {
    switch status {
    case .online: CellStyle(role: .ok)
    case .stressed: CellStyle(role: .warning)
    case .damaged: CellStyle(role: .alert)
    case .critical: CellStyle(role: .critical, bold: true)
    case .offline, nil: CellStyle(role: .dim, dim: true)
    }
  }

  /// The word shown for `status`: its raw value, or `UNKNOWN`.
  public static func statusText(_ status: ShipSystemStatus?) -> String {
    status?.rawValue ?? "UNKNOWN"
  }

  // MARK: - Shared pieces

  /// Writes `left` from the second column of `area` and `right` ending one column before its right edge, on row
  /// `y`; `left` is shortened so that the two keep a gap of at least two columns.
  static func drawHeaderLine(
    left: String, leftStyle: CellStyle, right: String, rightStyle: CellStyle, y: Int, in area: Rect,
    glyphs: GlyphSet, on canvas: inout Canvas
  ) {
    guard y >= area.y, y < area.maxY, area.width > 2 else { return }
    let rightText = glyphs.shorten(right, to: area.width - 2)
    let rightX = area.maxX - 1 - DisplayWidth.of(rightText)
    canvas.put(rightText, x: rightX, y: y, style: rightStyle, maxWidth: area.maxX - rightX)
    let room = rightText.isEmpty ? area.width - 2 : rightX - area.x - 3
    canvas.put(
      glyphs.shorten(left, to: room), x: area.x + 1, y: y, style: leftStyle,
      maxWidth: max(0, room))
  }

  /// A full-width rule on row `y` of `area`, with `title` set into it near the left when given.
  static func drawRule(title: String?, y: Int, in area: Rect, glyphs: GlyphSet, on canvas: inout Canvas) {
    guard y >= area.y, y < area.maxY else { return }
    let rule = String(repeating: glyphs.box.horizontal, count: area.width)
    canvas.put(rule, x: area.x, y: y, style: CellStyle(role: .frame), maxWidth: area.width)
    if let title, area.width > 6 {
      canvas.put(
        " " + glyphs.shorten(title, to: area.width - 6) + " ", x: area.x + 2, y: y,
        style: CellStyle(role: .title, bold: true), maxWidth: area.width - 4)
    }
  }

  /// A bar of `width` cells filled to `fraction` (0…1) in `style`, the rest as empty track.
  static func drawBar(
    fraction: Double?, width: Int, x: Int, y: Int, style: CellStyle, glyphs: GlyphSet, on canvas: inout Canvas
  ) {
    guard width > 0 else { return }
    var filled = 0
    if let fraction {
      filled = Int((Double(width) * fraction).rounded())
      if fraction > 0 { filled = max(1, filled) }
      if fraction < 1 { filled = min(width - 1, filled) }
    }
    canvas.put(String(repeating: glyphs.pick("█", "#"), count: filled), x: x, y: y, style: style, maxWidth: filled)
    canvas.put(
      String(repeating: glyphs.pick("░", "."), count: width - filled), x: x + filled, y: y,
      style: CellStyle(role: .dim, dim: true), maxWidth: width - filled)
  }

  // MARK: - Gauges

  /// The hull and armour rows from row `y`; returns the row after the last one drawn.
  private func drawGauges(from y: Int, in area: Rect, on canvas: inout Canvas) -> Int {
    let gauges = [("HULL", status.hull), ("ARMOUR", status.armour)].compactMap { label, gauge in
      gauge.map { (label: label, gauge: $0) }
    }
    let numbers = gauges.map { "\($0.gauge.current)" + ($0.gauge.maximum.map { "/\($0)" } ?? "") }
    let numbersWidth = numbers.map(DisplayWidth.of).max() ?? 0
    let labelWidth = 8
    let barWidth = min(Self.maximumColumnWidth, area.width - 2 - labelWidth - 2 - numbersWidth)
    var row = y
    for (gauge, number) in zip(gauges, numbers) where row < area.maxY {
      canvas.put(gauge.label, x: area.x + 1, y: row, style: CellStyle(role: .title), maxWidth: area.width - 2)
      let barX = area.x + 1 + labelWidth
      if barWidth >= 4, let fraction = gauge.gauge.fraction {
        let role: ColorRole =
          switch fraction {
          case 0.6...: .ok
          case 0.3..<0.6: .warning
          default: .critical
          }
        Self.drawBar(
          fraction: fraction, width: barWidth, x: barX, y: row, style: CellStyle(role: role), glyphs: glyphs,
          on: &canvas)
        let numberX = barX + barWidth + 2 + numbersWidth - DisplayWidth.of(number)
        canvas.put(number, x: numberX, y: row, style: CellStyle(role: role, bold: true))
      } else {
        canvas.put(number, x: barX, y: row, style: CellStyle(role: .text, bold: true), maxWidth: area.maxX - barX)
      }
      row += 1
    }
    return row
  }

  // MARK: - Systems

  /// The systems in `area`: cards when all fit, else two-line rows, with `+N more` when some are left out.
  private func drawSystems(in area: Rect, on canvas: inout Canvas) {
    let systems = status.systems
    guard !area.isEmpty, !systems.isEmpty else { return }
    let columns = max(1, min(systems.count, (area.width + 1) / (Self.minimumColumnWidth + 1)))
    let columnWidth = min(Self.maximumColumnWidth, (area.width - 2 - (columns - 1)) / columns)
    let gridWidth = columns * columnWidth + columns - 1
    let left = area.x + (area.width - gridWidth) / 2
    func column(_ index: Int) -> Int { left + index * (columnWidth + 1) }

    let cardRows = area.height / 4
    if cardRows * columns >= systems.count {
      for (index, system) in systems.enumerated() {
        let card = Rect(x: column(index % columns), y: area.y + index / columns * 4, width: columnWidth, height: 4)
        drawCard(system, in: card, on: &canvas)
      }
      return
    }
    let fitsAll = area.height / 2 * columns >= systems.count
    let shown = fitsAll ? systems.count : max(0, (area.height - 1) / 2 * columns)
    let rows = (shown + columns - 1) / columns
    for (index, system) in systems.prefix(shown).enumerated() {
      let slot = Rect(
        x: column(index / max(1, rows)), y: area.y + index % max(1, rows) * 2, width: columnWidth, height: 2)
      drawRow(system, in: slot, on: &canvas)
    }
    if shown < systems.count {
      canvas.put(
        "+\(systems.count - shown) more", x: left + 1, y: area.maxY - 1, style: CellStyle(role: .dim, dim: true),
        maxWidth: area.maxX - left - 1)
    }
  }

  /// A framed card: name and status on the top edge, the condition bar and percentage, the info line.
  private func drawCard(_ system: ShipStatus.System, in card: Rect, on canvas: inout Canvas) {
    let style = Self.statusStyle(system.status)
    let frame = CellStyle(role: system.status == .critical ? .critical : .frame)
    canvas.fill(card.inset(by: 1), with: Cell())
    canvas.box(card, style: frame, glyphs: glyphs.box)
    let label = " " + Self.statusGlyph(system.status, glyphs: glyphs) + " " + Self.statusText(system.status) + " "
    let labelX = card.maxX - 2 - DisplayWidth.of(label)
    canvas.put(label, x: labelX, y: card.y, style: style)
    let nameRoom = labelX - card.x - 3
    canvas.put(
      " " + glyphs.shorten(clean(system.name), to: nameRoom - 2) + " ", x: card.x + 2,
      y: card.y, style: CellStyle(role: .title, bold: true), maxWidth: max(0, nameRoom))
    let inner = card.width - 4
    drawCondition(system, x: card.x + 2, y: card.y + 1, width: inner, style: style, on: &canvas)
    canvas.put(
      glyphs.shorten(clean(system.info), to: inner), x: card.x + 2, y: card.y + 2,
      style: CellStyle(role: .text), maxWidth: inner)
  }

  /// Two lines: glyph, name, status word, condition bar; the info line indented below.
  private func drawRow(_ system: ShipStatus.System, in slot: Rect, on canvas: inout Canvas) {
    let style = Self.statusStyle(system.status)
    let x = slot.x + 1
    let width = slot.width - 2
    canvas.put(Self.statusGlyph(system.status, glyphs: glyphs), x: x, y: slot.y, style: style, maxWidth: 1)
    let nameWidth = min(16, max(6, width / 3))
    canvas.put(
      glyphs.shorten(clean(system.name), to: nameWidth), x: x + 2, y: slot.y,
      style: CellStyle(role: .title, bold: true), maxWidth: nameWidth)
    let statusX = x + 2 + nameWidth + 1
    canvas.put(Self.statusText(system.status), x: statusX, y: slot.y, style: style, maxWidth: 8)
    drawCondition(system, x: statusX + 9, y: slot.y, width: slot.maxX - 1 - (statusX + 9), style: style, on: &canvas)
    canvas.put(
      glyphs.shorten(clean(system.info), to: width - 2), x: x + 2, y: slot.y + 1,
      style: CellStyle(role: .dim), maxWidth: width - 2)
  }

  /// The condition bar and its percentage (`--%` when unknown), right-aligned, in `width` columns.
  private func drawCondition(
    _ system: ShipStatus.System, x: Int, y: Int, width: Int, style: CellStyle, on canvas: inout Canvas
  ) {
    let percent = system.condition.map { "\($0)%" } ?? "--%"
    let barWidth = width - 5
    if barWidth >= 3 {
      Self.drawBar(
        fraction: system.condition.map { Double($0) / 100 }, width: barWidth, x: x, y: y, style: style,
        glyphs: glyphs, on: &canvas)
    }
    let percentX = x + width - DisplayWidth.of(percent)
    canvas.put(percent, x: percentX, y: y, style: style, maxWidth: max(0, x + width - percentX))
  }

  /// Campaign text made safe and drawable.
  private func clean(_ text: String) -> String { glyphs.restrict(UntrustedText.sanitize(text)) }
}
