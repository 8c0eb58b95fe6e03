import BulkheadCanvas
import BulkheadCore

/// The GM console's question box: a prompt being typed (a secret one shows `*` for each character) or a yes/no
/// confirmation, framed across the bottom of the area it is drawn in.
struct ConsolePromptBox: Widget {
  /// The prompt being answered, if any.
  var prompt: ConsolePrompt?
  /// The confirmation being asked, if any (drawn instead of the prompt).
  var confirmation: ConsoleConfirmation?
  /// UTF-8 or ASCII glyphs.
  var glyphs: GlyphSet

  func draw(into canvas: inout Canvas, area: Rect) {
    guard area.width >= 12, area.height >= 4, prompt != nil || confirmation != nil else { return }
    let box = Rect(x: area.x + 1, y: area.maxY - 4, width: area.width - 2, height: 4)
    canvas.fill(box, with: Cell())
    canvas.box(box, style: CellStyle(role: .accent, bold: true), glyphs: glyphs.box)
    let room = box.width - 4
    if let confirmation {
      canvas.put(
        glyphs.shorten(confirmation.question, to: room), x: box.x + 2, y: box.y + 1,
        style: CellStyle(role: .warning, bold: true), maxWidth: room)
      canvas.put("y confirms, n or Esc cancels", x: box.x + 2, y: box.y + 2, style: CellStyle(role: .dim, dim: true))
      return
    }
    guard let prompt else { return }
    canvas.put(
      glyphs.shorten(prompt.label, to: room), x: box.x + 2, y: box.y + 1,
      style: CellStyle(role: .title, bold: true), maxWidth: room)
    if prompt.isChoice {
      canvas.put("Esc cancels", x: box.x + 2, y: box.y + 2, style: CellStyle(role: .dim, dim: true))
      return
    }
    let typed =
      prompt.isSecret
      ? String(repeating: "*", count: prompt.text.count) : glyphs.restrict(UntrustedText.sanitize(prompt.text))
    let shown = Self.tail(typed, columns: room - 3)
    let used = canvas.put(glyphs.pick("› ", "> ") + shown, x: box.x + 2, y: box.y + 2, style: CellStyle(role: .text))
    canvas.put("_", x: box.x + 2 + used, y: box.y + 2, style: CellStyle(role: .accent, bold: true))
  }

  /// The end of `text` that fits in `columns`: what was typed last stays in sight.
  static func tail(_ text: String, columns: Int) -> String {
    guard columns > 0 else { return "" }
    var result = ""
    var used = 0
    for character in text.reversed() {
      let width = DisplayWidth.of(character)
      if used + width > columns { break }
      result.insert(character, at: result.startIndex)
      used += width
    }
    return result
  }
}
