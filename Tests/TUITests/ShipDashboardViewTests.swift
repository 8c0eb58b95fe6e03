import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Whether `../shared/fixtures/mothership-data` lies next to the project; the fixture test is skipped otherwise.
let shipFixtureAvailable = FileManager.default.fileExists(
  atPath: ShipDashboardViewTests.fixtureRoot.appendingPathComponent("campaign/ship.yaml").path)

/// The SHIP_DASHBOARD view and the ship-status model it draws.
struct ShipDashboardViewTests {
  // MARK: - Fixtures

  /// The original tool's campaign data, next to the project (`../shared/fixtures/mothership-data`).
  static var fixtureRoot: URL {
    DeckMapViewTests.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/mothership-data")
  }

  /// The demo campaign's ship, as `GET /api/ship-status/` serves it without overrides.
  static func demoShip() throws -> ShipStatus {
    let campaign = try Campaign.load(from: DeckMapViewTests.projectRoot.appendingPathComponent("campaigns/demo"))
    return try ShipStatus(json: campaign.ship)
  }

  static func render(_ status: ShipStatus, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> String {
    TextScreen.plain(TUITests.render(ShipDashboardView(status: status, glyphs: glyphs), width: width, height: height))
  }

  // MARK: - Golden frames

  @Test func goldenDemo80x24() throws {
    let expected = [
      " MSV KESTREL DAWN                                                   SHIP STATUS",
      " Cormorant-Class Salvage Tug                                          CREW 8/10",
      "────────────────────────────────────────────────────────────────────────────────",
      "",
      " HULL    █████████████████████████████████████████░░░░░░░░░░░░░░░░░░░  38/55",
      " ARMOUR  ████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   4/10",
      "",
      "── SYSTEMS ─────────────────────────────────────────────────────────────────────",
      " ┌─ COMMS ─────────────── ✕ CRITICAL ─┐ ┌─ ENGINES ────────────── ◆ DAMAGED ─┐",
      " │ █████░░░░░░░░░░░░░░░░░░░░░░░░  18% │ │ ███████████████░░░░░░░░░░░░░░  52% │",
      " │ Array fused. Short-range only      │ │ Coolant loop breach, Deck 2        │",
      " └────────────────────────────────────┘ └────────────────────────────────────┘",
      " ┌─ LIFE SUPPORT ──────── ▲ STRESSED ─┐ ┌─ WEAPONS ────────────── ○ OFFLINE ─┐",
      " │ ███████████████████████░░░░░░  81% │ │ ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   0% │",
      " │ Scrubber filters clogging          │ │ Debris cannon unpowered            │",
      " └────────────────────────────────────┘ └────────────────────────────────────┘",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]
    #expect(Self.render(try Self.demoShip(), width: 80, height: 24) == expected.joined(separator: "\n"))
  }

  @Test func goldenDemo100x30() throws {
    let expected = [
      " MSV KESTREL DAWN                                                                       SHIP STATUS",
      " Cormorant-Class Salvage Tug                                                              CREW 8/10",
      "────────────────────────────────────────────────────────────────────────────────────────────────────",
      "",
      " HULL    █████████████████████████████████████████░░░░░░░░░░░░░░░░░░░  38/55",
      " ARMOUR  ████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   4/10",
      "",
      "── SYSTEMS ─────────────────────────────────────────────────────────────────────────────────────────",
      " ┌─ COMMS ───────────────────────── ✕ CRITICAL ─┐ ┌─ ENGINES ──────────────────────── ◆ DAMAGED ─┐",
      " │ ███████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  18% │ │ ████████████████████░░░░░░░░░░░░░░░░░░░  52% │",
      " │ Array fused. Short-range only                │ │ Coolant loop breach, Deck 2                  │",
      " └──────────────────────────────────────────────┘ └──────────────────────────────────────────────┘",
      " ┌─ LIFE SUPPORT ────────────────── ▲ STRESSED ─┐ ┌─ WEAPONS ──────────────────────── ○ OFFLINE ─┐",
      " │ ████████████████████████████████░░░░░░░  81% │ │ ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   0% │",
      " │ Scrubber filters clogging                    │ │ Debris cannon unpowered                      │",
      " └──────────────────────────────────────────────┘ └──────────────────────────────────────────────┘",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]
    #expect(Self.render(try Self.demoShip(), width: 100, height: 30) == expected.joined(separator: "\n"))
  }

  /// At 60x17 the cards do not all fit, so the systems are drawn as two-line rows.
  @Test func goldenDemoASCIIRows60x17() throws {
    let expected = [
      " MSV KESTREL DAWN                               SHIP STATUS",
      " Cormorant-Class Salvage Tug                      CREW 8/10",
      "------------------------------------------------------------",
      " HULL    ##############################.............  38/55",
      " ARMOUR  #################..........................   4/10",
      "-- SYSTEMS -------------------------------------------------",
      "  X COMMS            CRITICAL ####...................  18%",
      "    Array fused. Short-range only",
      "  # ENGINES          DAMAGED  ############...........  52%",
      "    Coolant loop breach, Deck 2",
      "  ! LIFE SUPPORT     STRESSED ###################....  81%",
      "    Scrubber filters clogging",
      "  o WEAPONS          OFFLINE  .......................   0%",
      "    Debris cannon unpowered",
      "",
      "",
      "",
    ]
    #expect(
      Self.render(try Self.demoShip(), width: 60, height: 17, glyphs: .ascii) == expected.joined(separator: "\n"))
  }

  /// When not even the rows all fit, the last line counts the systems left out.
  @Test func goldenCutWithMoreNote() throws {
    let expected = [
      " MSV KESTREL DAWN                               SHIP STATUS",
      " Cormorant-Class Salvage Tug                      CREW 8/10",
      "────────────────────────────────────────────────────────────",
      " HULL    ██████████████████████████████░░░░░░░░░░░░░  38/55",
      " ARMOUR  █████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░   4/10",
      "── SYSTEMS ─────────────────────────────────────────────────",
      "  ✕ COMMS            CRITICAL ████░░░░░░░░░░░░░░░░░░░  18%",
      "    Array fused. Short-range only",
      "  ◆ ENGINES          DAMAGED  ████████████░░░░░░░░░░░  52%",
      "    Coolant loop breach, Deck 2",
      "",
      "  +2 more",
    ]
    #expect(Self.render(try Self.demoShip(), width: 60, height: 12) == expected.joined(separator: "\n"))
  }

  // The fixture lives outside the repository: without it the test is skipped, with the reason in the report.
  @Test(.enabled(if: shipFixtureAvailable, "../shared/fixtures is absent: fixture ship test skipped"))
  func goldenFixtureShip80x24() throws {
    let campaign = try Campaign.load(from: Self.fixtureRoot)
    let expected = [
      " USCSS MORRIGAN                                                     SHIP STATUS",
      " Hargrave-Class Light Freighter                                       CREW 7/12",
      "────────────────────────────────────────────────────────────────────────────────",
      "",
      " HULL    █████████████████████████████████████████████░░░░░░░░░░░░░░░  45/60",
      " ARMOUR  ████████████████████████████████████████░░░░░░░░░░░░░░░░░░░░   8/12",
      "",
      "── SYSTEMS ─────────────────────────────────────────────────────────────────────",
      " ┌─ COMMS ──────────────── ◆ DAMAGED ─┐ ┌─ ENGINES ───────────── ▲ STRESSED ─┐",
      " │ █████████████░░░░░░░░░░░░░░░░  45% │ │ █████████████████████░░░░░░░░  72% │",
      " │ Long-range offline                 │ │ Coolant pressure low               │",
      " └────────────────────────────────────┘ └────────────────────────────────────┘",
      " ┌─ LIFE SUPPORT ────────── ● ONLINE ─┐ ┌─ WEAPONS ─────────────── ● ONLINE ─┐",
      " │ █████████████████████████████ 100% │ │ █████████████████████████████ 100% │",
      " │ O2 levels nominal                  │ │ Defense grid active                │",
      " └────────────────────────────────────┘ └────────────────────────────────────┘",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]
    #expect(
      Self.render(try ShipStatus(json: campaign.ship), width: 80, height: 24) == expected.joined(separator: "\n"))
  }

  // MARK: - Statuses

  @Test(arguments: GlyphSet.allCases)
  func everyStatusHasItsOwnGlyphTextAndRole(glyphs: GlyphSet) {
    let statuses: [ShipSystemStatus?] = ShipSystemStatus.allCases + [nil]
    let marks = statuses.map { ShipDashboardView.statusGlyph($0, glyphs: glyphs) }
    #expect(Set(marks).count == statuses.count)
    #expect(Set(statuses.map(ShipDashboardView.statusText)).count == statuses.count)
    let roles = ShipSystemStatus.allCases.map { ShipDashboardView.statusStyle($0).role }
    #expect(roles == [.ok, .warning, .alert, .critical, .dim])
    for mark in marks { #expect(DisplayWidth.of(Character(mark)) == 1) }
    if glyphs == .ascii { #expect(marks.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }) }
  }

  /// From 60x17 to 200x60, in both glyph sets, the view draws inside its area only and fills its first row.
  @Test(arguments: GlyphSet.allCases)
  func drawsOnlyInsideItsArea(glyphs: GlyphSet) throws {
    for (width, height) in [(60, 17), (80, 24), (100, 30), (160, 48), (200, 60), (61, 40), (133, 19)] {
      var canvas = Canvas(width: width + 4, height: height + 2)
      canvas.fill(canvas.bounds, with: Cell(grapheme: "X"))
      let area = Rect(x: 2, y: 1, width: width, height: height)
      canvas.fill(area, with: Cell())
      ShipDashboardView(status: try Self.demoShip(), glyphs: glyphs).draw(into: &canvas, area: area)
      for y in 0..<canvas.height {
        for x in 0..<canvas.width where !area.contains(x: x, y: y) {
          #expect(canvas[x: x, y: y].grapheme == "X", "\(width)x\(height): cell (\(x), \(y)) overwritten")
        }
      }
      #expect(canvas[x: 3, y: 1].grapheme != " ", "\(width)x\(height): no header")
      if glyphs == .ascii {
        #expect(TextScreen.plain(canvas).unicodeScalars.allSatisfy { $0.isASCII }, "\(width)x\(height)")
      }
    }
  }

  // MARK: - Sanitising

  @Test func hostileTextIsStrippedOfEscapesAndControls() throws {
    let json = try JSONParser.parse(
      #"""
      {"ship": {"name": "\u001b[2J\u001b]0;pwned\u0007Evil\u0000 Ship", "class": "Tug\u001b[31m\r\nX",
        "systems": {"reactor": {"status": "ONLINE", "condition": 90, "info": "ok\u009b31m\u001bPdcs\u001b\\ fine",
          "name": "Core\u0008\u007f\u202e"}}}}
      """#)
    let status = try ShipStatus(json: json)
    var canvas = Canvas(width: 80, height: 24)
    ShipDashboardView(status: status).draw(into: &canvas, area: canvas.bounds)
    let text = TextScreen.plain(canvas)
    #expect(
      text.split(separator: "\n").first
        == " EVIL SHIP                                                          SHIP STATUS")
    #expect(text.contains(" Tug X\n"))
    #expect(text.contains("┌─ CORE ─"))
    #expect(text.contains("│ ok fine "))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    #expect(!text.contains("pwned") && !text.contains("dcs") && !text.contains("\u{202E}"))
  }

  @Test func asciiGlyphsRestrictCampaignText() {
    let status = ShipStatus(
      name: "Ærø — Ship", systems: [.init(key: "x", name: "ÉCHO", status: .online, condition: 50, info: "naïve")])
    let text = Self.render(status, width: 60, height: 17, glyphs: .ascii)
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(text.contains(" ?R? ? SHIP "))
    #expect(text.contains("+- ?CHO -"))
    #expect(text.contains("| na?ve "))
  }

  // MARK: - Parsing

  @Test func demoShipIsReadInFull() throws {
    let status = try Self.demoShip()
    #expect(status.name == "MSV Kestrel Dawn")
    #expect(status.shipClass == "Cormorant-Class Salvage Tug")
    #expect(status.hull == .init(current: 38, maximum: 55))
    #expect(status.armour == .init(current: 4, maximum: 10))
    #expect(status.crew == .init(current: 8, maximum: 10))
    #expect(status.systems.map(\.key) == ["comms", "engines", "life_support", "weapons"])
    #expect(
      status.systems[2]
        == .init(
          key: "life_support", name: "LIFE SUPPORT", status: .stressed, condition: 81,
          info: "Scrubber filters clogging"))
  }

  @Test func overridesAndOddFieldsAreTolerated() throws {
    let json = try JSONParser.parse(
      #"""
      {"ship": {"hull": 12, "armour": {"current": "3", "max": 0}, "extra": [1, 2],
        "systems": {"engines": {"status": "damaged", "condition": 140.6},
          "sensors": "OFFLINE", "nav": {"status": "MELTED", "condition": -5, "info": 7}, "junk": 3}}}
      """#)
    let status = try ShipStatus(json: json)
    #expect(status.name == nil && status.shipClass == nil && status.crew == nil)
    #expect(status.hull == .init(current: 12, maximum: nil))
    #expect(status.armour == .init(current: 3, maximum: nil))
    #expect(
      status.systems == [
        .init(key: "engines", name: "ENGINES", status: .damaged, condition: 100, info: ""),
        .init(key: "nav", name: "NAV", status: nil, condition: 0, info: "7"),
        .init(key: "sensors", name: "SENSORS", status: .offline, condition: nil, info: ""),
      ])
    let text = Self.render(status, width: 80, height: 24)
    #expect(text.contains(" UNIDENTIFIED VESSEL "))
    #expect(text.contains("┌─ NAV ─") && text.contains(" ? UNKNOWN ─┐"))
    #expect(text.contains(" HULL    12\n"))
  }

  @Test func systemsMayBeAList() throws {
    let json = try JSONParser.parse(
      #"{"ship": {"systems": [{"name": "Shields", "status": "CRITICAL", "condition": 9}, {"status": "ONLINE"}]}}"#)
    #expect(
      try ShipStatus(json: json).systems == [
        .init(key: "Shields", name: "SHIELDS", status: .critical, condition: 9, info: "")
      ])
  }

  @Test(arguments: [
    (#"[1]"#, "ship status: expected an object with a 'ship' object, got a list"),
    (#"{"ship": null}"#, "ship status: 'ship' is missing or null: the campaign has no ship"),
    (#"{"name": "x"}"#, "ship status: 'ship' is missing or null: the campaign has no ship"),
    (#"{"ship": "Kestrel"}"#, "ship status: 'ship' must be an object, got a string"),
    (#"{"ship": {"systems": 4}}"#, "ship status: 'ship.systems' must be an object or a list, got a number"),
  ])
  func wrongShapesAreRejected(body: String, message: String) throws {
    let json = try JSONParser.parse(body)
    let error = #expect(throws: ShipStatus.FormatError.self) { try ShipStatus(json: json) }
    #expect(error?.description == message)
  }
}
