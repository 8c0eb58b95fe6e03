import BulkheadCanvas
import BulkheadCore

/// The BRIDGE view: the star map seen from above, with the current system marked and described.
///
/// **Layout.** A header `BRIDGE · <location name>` with `STAR MAP` on the right, a rule, then the map. When the
/// current system is known, its info box takes a column on the right (areas at least ``sidePanelMinimumWidth``
/// wide) or a band along the bottom: the system's name on the frame, its description, its other `info` entries and
/// its routes with their travel times, as many lines as fit. Without a star map a framed note
/// `no star map for this campaign` is drawn instead of the map.
///
/// **Map.** Systems are placed by their x/y coordinates (z is ignored; y grows upwards), scaled to fill the map with
/// the largest scale that keeps the aspect (a cell is about twice as tall as wide), and centred. Routes are dotted
/// lines (`·` / `.`, ``ColorRole/frame``, dim). Glyphs by type: star `✦` / `*` (bold when its size is at least 2),
/// planet `●` / `o`, station `▣` / `#`, nebula `≈` / `~`, anything else `•` / `+`; the current system is `◉` / `@`
/// (``ColorRole/accent``, bold). Systems with `label: false` are drawn dim and unnamed. Names are set right of their
/// glyph, else left, above or below, else shortened, else left out, so that no two labels or glyphs touch; the
/// current system is labelled first, then those that are locations, then the biggest. A legend of the glyphs in use
/// runs along the bottom of the map when it has at least ``legendMinimumHeight`` rows.
///
/// Every campaign string is passed through ``UntrustedText/sanitize(_:lineBreak:)`` (and limited to printable ASCII
/// for the ASCII set). Nothing is drawn outside the area.
public struct BridgeView: Widget {
  /// The star map, or `nil` when the campaign has none (the server answered 404).
  public var starMap: StarMap?
  /// The slug of the star-map system the party is in, when known.
  public var currentSystemSlug: String?
  /// The current location's name, for the header.
  public var locationName: String?
  /// UTF-8 or ASCII glyphs.
  public var glyphs: GlyphSet

  /// The narrowest area that gets the info box as a column on the right rather than a band along the bottom.
  public static let sidePanelMinimumWidth = 96
  /// The fewest map rows that get a legend.
  public static let legendMinimumHeight = 12

  /// Creates a bridge view.
  public init(
    starMap: StarMap?, currentSystemSlug: String? = nil, locationName: String? = nil, glyphs: GlyphSet = .unicode
  ) {
    self.starMap = starMap
    self.currentSystemSlug = currentSystemSlug
    self.locationName = locationName
    self.glyphs = glyphs
  }

  /// Draws the bridge into `area` of `canvas` (clipped to the canvas); cells it does not use are left untouched.
  public func draw(into canvas: inout Canvas, area: Rect) {
    let area = area.intersection(canvas.bounds)
    guard !area.isEmpty else { return }
    let location = clean(locationName ?? "")
    ShipDashboardView.drawHeaderLine(
      left: location.isEmpty ? "BRIDGE" : "BRIDGE" + glyphs.pick(" · ", " - ") + location,
      leftStyle: CellStyle(role: .title, bold: true), right: "STAR MAP",
      rightStyle: CellStyle(role: .accent, bold: true),
      y: area.y, in: area, glyphs: glyphs, on: &canvas)
    ShipDashboardView.drawRule(title: nil, y: area.y + 1, in: area, glyphs: glyphs, on: &canvas)
    let content = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
    guard !content.isEmpty else { return }
    guard let starMap else {
      PlayerFrame.drawNote("no star map for this campaign", in: content, glyphs: glyphs, on: &canvas)
      return
    }
    guard !starMap.systems.isEmpty else {
      PlayerFrame.drawNote("the star map has no systems", in: content, glyphs: glyphs, on: &canvas)
      return
    }
    let current = currentSystemSlug.flatMap(starMap.systemIndex(slug:))
    var map = content
    if let current {
      let panel: Rect
      let lines: [(text: String, style: CellStyle)]
      if content.width >= Self.sidePanelMinimumWidth {
        let width = min(40, content.width / 3)
        lines = infoLines(starMap, system: current, width: width - 4)
        panel = Rect(
          x: content.maxX - width, y: content.y, width: width, height: min(content.height, max(3, lines.count + 2)))
        map.width -= width + 1
      } else {
        lines = infoLines(starMap, system: current, width: content.width - 4)
        let height = min(max(3, content.height / 3), max(3, lines.count + 2))
        panel = Rect(x: content.x, y: content.maxY - height, width: content.width, height: height)
        map.height -= height
      }
      drawInfo(starMap.systems[current], lines: lines, in: panel, on: &canvas)
    }
    drawMap(starMap, current: current, in: map, on: &canvas)
  }

  // MARK: - Glyph tables

  /// The glyph of a system of `type` (see the table above); `isCurrent` gives the current-system mark.
  public static func systemGlyph(type: String, isCurrent: Bool, glyphs: GlyphSet) -> String {
    if isCurrent { return glyphs.pick("◉", "@") }
    switch type.lowercased() {
    case "star": return glyphs.pick("✦", "*")
    case "planet": return glyphs.pick("●", "o")
    case "station": return glyphs.pick("▣", "#")
    case "nebula": return glyphs.pick("≈", "~")
    default: return glyphs.pick("•", "+")
    }
  }

  /// The style of `system`'s glyph: see the table above.
  static func systemStyle(_ system: StarMap.System, isCurrent: Bool) -> CellStyle {
    if isCurrent { return CellStyle(role: .accent, bold: true) }
    guard system.showsLabel else { return CellStyle(role: .dim, dim: true) }
    let role: ColorRole = system.type == "star" || system.type.isEmpty ? .text : .object
    return CellStyle(role: role, bold: (system.size ?? 0) >= 2)
  }

  // MARK: - Map

  /// The systems, routes, labels and legend in `area`.
  private func drawMap(_ starMap: StarMap, current: Int?, in area: Rect, on canvas: inout Canvas) {
    var plot = area
    if area.height >= Self.legendMinimumHeight {
      plot.height -= 1
      drawLegend(starMap, current: current, y: area.maxY - 1, in: area, on: &canvas)
    }
    let inner = Rect(x: plot.x + 2, y: plot.y + 1, width: plot.width - 4, height: plot.height - 2)
    guard !inner.isEmpty else { return }
    let points = Self.place(starMap.systems, in: inner)
    var occupied = Occupancy(area: plot)
    for route in starMap.routes {
      for point in Self.line(from: points[route.from], to: points[route.to]).dropFirst().dropLast() {
        canvas.put(
          glyphs.pick("·", "."), x: point.x, y: point.y, style: CellStyle(role: .frame, dim: true), maxWidth: 1)
      }
    }
    let drawOrder = starMap.systems.indices.filter { $0 != current } + (current.map { [$0] } ?? [])
    for index in drawOrder {
      let system = starMap.systems[index]
      let glyph = Self.systemGlyph(type: system.type, isCurrent: index == current, glyphs: glyphs)
      canvas.put(
        glyph, x: points[index].x, y: points[index].y, style: Self.systemStyle(system, isCurrent: index == current),
        maxWidth: 1)
      occupied.mark(x: points[index].x, y: points[index].y, width: 1)
    }
    for index in labelOrder(starMap, current: current) {
      let isCurrent = index == current
      var name = clean(starMap.systems[index].name)
      if isCurrent { name = name.uppercased() }
      guard let label = occupied.placeLabel(name, at: points[index], glyphs: glyphs) else { continue }
      let width = DisplayWidth.of(label.text)
      for gap in [label.x - 1, label.x + width] where plot.contains(x: gap, y: label.y) {
        canvas.put(" ", x: gap, y: label.y, style: .plain, maxWidth: 1)
      }
      canvas.put(
        label.text, x: label.x, y: label.y,
        style: isCurrent ? CellStyle(role: .accent, bold: true) : CellStyle(role: .text), maxWidth: plot.maxX - label.x)
      occupied.mark(x: label.x, y: label.y, width: width)
    }
  }

  /// The systems to label, in the order they claim space: the current one, the locations, then by size.
  private func labelOrder(_ starMap: StarMap, current: Int?) -> [Int] {
    let labelled = starMap.systems.indices.filter { $0 == current || starMap.systems[$0].showsLabel }
    return labelled.sorted { lhs, rhs in
      func rank(_ index: Int) -> (Int, Int, Double) {
        let system = starMap.systems[index]
        return (index == current ? 0 : 1, system.slug == nil ? 1 : 0, -(system.size ?? 0))
      }
      let (left, right) = (rank(lhs), rank(rhs))
      if left.0 != right.0 { return left.0 < right.0 }
      if left.1 != right.1 { return left.1 < right.1 }
      if left.2 != right.2 { return left.2 < right.2 }
      return lhs < rhs
    }
  }

  /// One glyph and word per system type in use (in file order), and the current-system mark.
  private func drawLegend(_ starMap: StarMap, current: Int?, y: Int, in area: Rect, on canvas: inout Canvas) {
    var types: [String] = []
    for system in starMap.systems where !types.contains(system.type) { types.append(system.type) }
    var entries = types.map { type in
      Self.systemGlyph(type: type, isCurrent: false, glyphs: glyphs) + " " + (type.isEmpty ? "other" : clean(type))
    }
    if current != nil { entries.append(Self.systemGlyph(type: "", isCurrent: true, glyphs: glyphs) + " you are here") }
    if !starMap.routes.isEmpty { entries.append(glyphs.pick("···", "...") + " route") }
    var x = area.x + 2
    for entry in entries {
      let width = DisplayWidth.of(entry)
      guard x + width <= area.maxX - 1 else { break }
      canvas.put(entry, x: x, y: y, style: CellStyle(role: .dim, dim: true))
      x += width + 3
    }
  }

  /// The canvas cell of every system: x/y scaled into `inner` with the largest aspect-keeping scale, centred.
  static func place(_ systems: [StarMap.System], in inner: Rect) -> [(x: Int, y: Int)] {
    let xs = systems.map(\.x)
    let ys = systems.map(\.y)
    let minX = xs.min() ?? 0
    let maxY = ys.max() ?? 0
    let spanX = (xs.max() ?? 0) - minX
    let spanY = maxY - (ys.min() ?? 0)
    var scale = Double.infinity
    if spanX > 0 { scale = min(scale, Double(inner.width - 1) / (2 * spanX)) }
    if spanY > 0 { scale = min(scale, Double(inner.height - 1) / spanY) }
    if !scale.isFinite { scale = 0 }
    let originX = inner.x + (inner.width - 1 - Int((2 * spanX * scale).rounded())) / 2
    let originY = inner.y + (inner.height - 1 - Int((spanY * scale).rounded())) / 2
    return systems.map { system in
      (originX + Int(((system.x - minX) * 2 * scale).rounded()), originY + Int(((maxY - system.y) * scale).rounded()))
    }
  }

  /// The cells of a straight line from `start` to `end`, both included.
  static func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) -> [(x: Int, y: Int)] {
    let steps = max(abs(end.x - start.x), abs(end.y - start.y))
    guard steps > 0 else { return [start] }
    return (0...steps).map { step in
      let t = Double(step) / Double(steps)
      return (
        start.x + Int((Double(end.x - start.x) * t).rounded()), start.y + Int((Double(end.y - start.y) * t).rounded())
      )
    }
  }

  // MARK: - Info box

  /// The lines of system `index`'s info box, `width` columns wide: its description, its other `info` entries and
  /// its routes.
  private func infoLines(_ starMap: StarMap, system index: Int, width: Int) -> [(text: String, style: CellStyle)] {
    let system = starMap.systems[index]
    var lines: [(text: String, style: CellStyle)] = []
    for line in Self.wrap(clean(system.description), width: width, glyphs: glyphs) {
      lines.append((line, CellStyle(role: .text)))
    }
    for (key, value) in system.details.sorted(by: { $0.key < $1.key }) {
      let label = String(clean(key).map { $0 == "_" ? " " : $0 }).capitalized
      lines.append((label + ": " + clean(value), CellStyle(role: .dim)))
    }
    for route in starMap.routes where route.from == index || route.to == index {
      let other = starMap.systems[route.from == index ? route.to : route.from]
      var text = glyphs.pick("→ ", "> ") + clean(other.name)
      if let days = route.travelDays { text += glyphs.pick(" · ", " - ") + "\(days) d" }
      lines.append((text, CellStyle(role: .frame)))
    }
    return lines
  }

  /// The framed info box of `system` in `box`: its name on the frame, then as many `lines` as fit.
  private func drawInfo(
    _ system: StarMap.System, lines: [(text: String, style: CellStyle)], in box: Rect, on canvas: inout Canvas
  ) {
    let inner = box.inset(by: 1)
    canvas.fill(inner, with: Cell())
    canvas.box(box, style: CellStyle(role: .frame), glyphs: glyphs.box)
    let title =
      Self.systemGlyph(type: system.type, isCurrent: true, glyphs: glyphs) + " " + clean(system.name).uppercased()
    canvas.put(
      " " + glyphs.shorten(title, to: box.width - 6) + " ", x: box.x + 2, y: box.y,
      style: CellStyle(role: .accent, bold: true), maxWidth: max(0, box.width - 4))
    for (offset, line) in lines.prefix(inner.height).enumerated() {
      canvas.put(
        glyphs.shorten(line.text, to: inner.width - 2), x: inner.x + 1, y: inner.y + offset,
        style: line.style, maxWidth: inner.width - 2)
    }
  }

  /// `text` broken at spaces into lines of at most `width` columns; a word longer than a line is shortened.
  static func wrap(_ text: String, width: Int, glyphs: GlyphSet) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ").map({ glyphs.shorten(String($0), to: width) }) {
      if line.isEmpty {
        line = word
      } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(word) <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// Campaign text made safe and drawable.
  private func clean(_ text: String) -> String { glyphs.restrict(UntrustedText.sanitize(text)) }
}

/// The cells of the map already taken by glyphs and labels, for placing labels without collisions.
private struct Occupancy {
  let area: Rect
  private var taken: [Bool]

  init(area: Rect) {
    self.area = area
    taken = Array(repeating: false, count: max(0, area.width) * max(0, area.height))
  }

  /// Marks `width` cells from (`x`, `y`) as taken; cells outside the area are ignored.
  mutating func mark(x: Int, y: Int, width: Int) {
    for column in x..<(x + max(0, width)) where area.contains(x: column, y: y) {
      taken[(y - area.y) * area.width + column - area.x] = true
    }
  }

  /// Whether `width` cells from (`x`, `y`), with one free cell each side, lie in the area and are all free.
  func isFree(x: Int, y: Int, width: Int) -> Bool {
    guard y >= area.y, y < area.maxY, x >= area.x, x + width <= area.maxX else { return false }
    return ((x - 1)...(x + width)).allSatisfy { column in
      !area.contains(x: column, y: y) || !taken[(y - area.y) * area.width + column - area.x]
    }
  }

  /// The first free spot for `name` next to `point` (right, left, above, below), shortening the name when no spot
  /// takes it whole; `nil` when none does even at six columns.
  func placeLabel(_ name: String, at point: (x: Int, y: Int), glyphs: GlyphSet) -> (text: String, x: Int, y: Int)? {
    let full = DisplayWidth.of(name)
    guard full > 0 else { return nil }
    for width in [full, min(full, 12), min(full, 6)] {
      let text = glyphs.shorten(name, to: width)
      let textWidth = DisplayWidth.of(text)
      let spots = [
        (point.x + 2, point.y), (point.x - 1 - textWidth, point.y),
        (point.x - textWidth / 2, point.y - 1), (point.x - textWidth / 2, point.y + 1),
      ]
      if let spot = spots.first(where: { isFree(x: $0.0, y: $0.1, width: textWidth) }) {
        return (text, spot.0, spot.1)
      }
    }
    return nil
  }
}
