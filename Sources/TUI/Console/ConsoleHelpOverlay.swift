import BulkheadCanvas

/// The GM console's help (`?`): every key and what it does, framed and centred over the console.
struct ConsoleHelpOverlay: Widget {
  /// UTF-8 or ASCII glyphs.
  var glyphs: GlyphSet

  func draw(into canvas: inout Canvas, area: Rect) {
    let keys = GMConsoleKeys.all
    let keyWidth = keys.map { DisplayWidth.of($0.keys) }.max() ?? 0
    let widest = keys.map { keyWidth + 2 + DisplayWidth.of($0.action) }.max() ?? 0
    let box = ConsolePanel.centred(width: widest + 6, height: keys.count + 4, in: area)
    guard box.width >= 20, box.height >= 5 else { return }
    ConsolePanel.draw(
      box, within: area, title: "GM CONSOLE KEYS", trailing: "any key closes", frame: CellStyle(role: .accent),
      titleStyle: CellStyle(role: .title, bold: true), trailingStyle: CellStyle(role: .dim, dim: true),
      glyphs: glyphs, on: &canvas)
    let inner = box.inset(by: 1)
    for (index, key) in keys.prefix(inner.height - 2).enumerated() {
      let y = inner.y + 1 + index
      canvas.put(key.keys, x: inner.x + 2, y: y, style: CellStyle(role: .accent, bold: true))
      canvas.put(
        glyphs.shorten(key.action, to: inner.width - keyWidth - 5), x: inner.x + 4 + keyWidth,
        y: y, style: CellStyle(role: .text), maxWidth: inner.width - keyWidth - 5)
    }
  }
}
