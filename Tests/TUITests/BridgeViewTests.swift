import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The BRIDGE view and the star-map model it draws.
struct BridgeViewTests {
  // MARK: - Fixtures

  /// The demo campaign's star map.
  static func demoMap() throws -> StarMap {
    let campaign = try Campaign.load(from: DeckMapViewTests.projectRoot.appendingPathComponent("campaigns/demo"))
    return try StarMap(starMap: campaign.starMap)
  }

  static func render(
    _ map: StarMap?, current: String?, location: String? = "Kestrel Dawn", width: Int, height: Int,
    glyphs: GlyphSet = .unicode
  ) -> String {
    let view = BridgeView(starMap: map, currentSystemSlug: current, locationName: location, glyphs: glyphs)
    return TextScreen.plain(TUITests.render(view, width: width, height: height))
  }

  // MARK: - Golden frames

  /// Below 96 columns the current system's info box is a band along the bottom.
  @Test func goldenDemo80x24() throws {
    let expected = [
      " BRIDGE · Kestrel Dawn                                                 STAR MAP",
      "────────────────────────────────────────────────────────────────────────────────",
      "",
      "                                                       ✦",
      "",
      "",
      "                   ✦ Tessaly",
      "                     ···                                    ✦ Ossuary",
      "                        ··                                ··",
      "                          ···                            ·",
      "                             ···                        ·",
      "                                ··                    ··",
      "                                  ·✦ Marrow          ·",
      "                                      ····          ·",
      "                                          ·····   ··",
      "                                               ··◉ HALDEN'S REACH",
      "",
      "  ✦ star   ◉ you are here   ··· route",
      "┌─ ◉ HALDEN'S REACH ───────────────────────────────────────────────────────────┐",
      "│ Survey camp, transit buoy                                                    │",
      "│ Population: ~40                                                              │",
      "│ → Marrow · 21 d                                                              │",
      "│ → Ossuary · 16 d                                                             │",
      "└──────────────────────────────────────────────────────────────────────────────┘",
    ]
    #expect(
      Self.render(try Self.demoMap(), current: "haldens-reach", width: 80, height: 24)
        == expected.joined(separator: "\n"))
  }

  /// From 96 columns the info box is a column on the right.
  @Test func goldenDemo100x30() throws {
    let expected = [
      " BRIDGE · Kestrel Dawn                                                                     STAR MAP",
      "────────────────────────────────────────────────────────────────────────────────────────────────────",
      "                                                                   ┌─ ◉ HALDEN'S REACH ────────────┐",
      "                                                                   │ Survey camp, transit buoy     │",
      "                                                                   │ Population: ~40               │",
      "                                                                   │ → Marrow · 21 d               │",
      "                                                      ✦            │ → Ossuary · 16 d              │",
      "                                                                   └───────────────────────────────┘",
      "",
      "",
      "  ✦ Tessaly",
      "    ···",
      "       ··                                              Ossuary ✦",
      "         ···                                                 ··",
      "            ···                                             ·",
      "               ··                                          ·",
      "                 ···                                     ··",
      "                    ···                                 ·",
      "                       ··                             ··",
      "                         ·✦ Marrow                   ·",
      "                            ····                   ··",
      "                                ····              ·",
      "                                    ····         ·",
      "                                        ····   ··",
      "                                            ··◉ HALDEN'S REACH",
      "",
      "",
      "",
      "",
      "  ✦ star   ◉ you are here   ··· route",
    ]
    #expect(
      Self.render(try Self.demoMap(), current: "haldens-reach", width: 100, height: 30)
        == expected.joined(separator: "\n"))
  }

  @Test func goldenDemoASCII() throws {
    let expected = [
      " BRIDGE - Kestrel Dawn                                                 STAR MAP",
      "--------------------------------------------------------------------------------",
      "",
      "                                                       *",
      "",
      "",
      "                   * Tessaly",
      "                     ...                                    * Ossuary",
      "                        ..                                ..",
      "                          ...                            .",
      "                             ...                        .",
      "                                ..                    ..",
      "                                  .@ MARROW          .",
      "                                      ....          .",
      "                                          .....   ..",
      "                                               ..* Halden's Reach",
      "",
      "  * star   @ you are here   ... route",
      "+- @ MARROW -------------------------------------------------------------------+",
      "| Hollis-Varga home yards                                                      |",
      "| Population: ~310,000                                                         |",
      "| > Halden's Reach - 21 d                                                      |",
      "| > Tessaly - 64 d                                                             |",
      "+------------------------------------------------------------------------------+",
    ]
    #expect(
      Self.render(try Self.demoMap(), current: "marrow", width: 80, height: 24, glyphs: .ascii)
        == expected.joined(separator: "\n"))
  }

  @Test func goldenNoStarMap() {
    let expected = [
      " BRIDGE · Kestrel Dawn                             STAR MAP",
      "────────────────────────────────────────────────────────────",
      "",
      "",
      "",
      "",
      "",
      "",
      "             ┌───────────────────────────────┐",
      "             │ no star map for this campaign │",
      "             └───────────────────────────────┘",
      "",
      "",
      "",
      "",
      "",
      "",
    ]
    #expect(Self.render(nil, current: nil, width: 60, height: 17) == expected.joined(separator: "\n"))
  }

  // MARK: - Map

  /// Without a current system there is no info box and no `you are here` in the legend.
  @Test func unknownCurrentSystemDrawsTheWholeMap() throws {
    let text = Self.render(try Self.demoMap(), current: "nowhere", location: nil, width: 80, height: 24)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == " BRIDGE                                                                STAR MAP")
    #expect(lines[23] == "  ✦ star   ··· route")
    #expect(!text.contains("◉") && !text.contains("┌"))
    for name in ["Tessaly", "Ossuary", "Marrow", "Halden's Reach"] { #expect(text.contains(name)) }
  }

  /// Crowded labels are shortened to six columns or dropped so that no label touches a glyph or another label.
  @Test func goldenCrowdedLabelsAreShortenedOrDropped() {
    let systems = (0..<6).map { StarMap.System(name: "Station Number \($0)", x: Double($0), y: 0, type: "station") }
    let map = StarMap(systems: systems + [StarMap.System(name: "Far", x: 40, y: 0, type: "star")])
    let expected = [
      " BRIDGE · Kestrel Dawn                             STAR MAP",
      "────────────────────────────────────────────────────────────",
      "",
      "",
      "",
      "",
      "",
      "Stati…",
      "  ▣▣ ▣▣ ▣▣ Station Number 5                          Far ✦",
      "  Stati…",
      "",
      "",
      "",
      "",
      "",
      "",
      "  ▣ station   ✦ star",
    ]
    #expect(Self.render(map, current: nil, width: 60, height: 17) == expected.joined(separator: "\n"))
  }

  @Test func placementKeepsTheAspectAndCentres() {
    let systems = [StarMap.System(name: "A", x: 0, y: 0), StarMap.System(name: "B", x: 10, y: 10)]
    let points = BridgeView.place(systems, in: Rect(x: 0, y: 0, width: 41, height: 11))
    #expect(points.map(\.x) == [10, 30])
    #expect(points.map(\.y) == [10, 0])
    let single = BridgeView.place([StarMap.System(name: "A", x: 5, y: 5)], in: Rect(x: 0, y: 0, width: 41, height: 11))
    #expect(single.map(\.x) == [20] && single.map(\.y) == [5])
  }

  /// From 60x17 to 200x60, in both glyph sets, the view draws inside its area only and fills its first row.
  @Test(arguments: GlyphSet.allCases)
  func drawsOnlyInsideItsArea(glyphs: GlyphSet) throws {
    for (width, height) in [(60, 17), (80, 24), (100, 30), (160, 48), (200, 60), (61, 40), (133, 19)] {
      var canvas = Canvas(width: width + 4, height: height + 2)
      canvas.fill(canvas.bounds, with: Cell(grapheme: "X"))
      let area = Rect(x: 2, y: 1, width: width, height: height)
      canvas.fill(area, with: Cell())
      BridgeView(starMap: try Self.demoMap(), currentSystemSlug: "marrow", glyphs: glyphs)
        .draw(into: &canvas, area: area)
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
      {"star_map": {"systems": [
        {"name": "\u001b[5mBad\u0007 Star\u009b2J", "position": [0, 0, 0], "type": "star", "location_slug": "bad",
         "info": {"description": "line\none\u001b]8;;http://x\u001b\\ two", "owner\u0001": "\u001b[1mme"}},
        {"name": "Other", "position": [20, 10, 0]}]},
       "location_systems": {"dock": "bad"}}
      """#)
    let map = try StarMap(json: json)
    var canvas = Canvas(width: 80, height: 24)
    BridgeView(starMap: map, currentSystemSlug: map.locationSystems["dock"], locationName: "Dock\u{1B}[2J\u{0}!")
      .draw(into: &canvas, area: canvas.bounds)
    let text = TextScreen.plain(canvas)
    #expect(text.hasPrefix(" BRIDGE · Dock!  "))
    #expect(text.contains("┌─ ◉ BAD STAR ─"))
    #expect(text.contains("           ◉ BAD STAR\n"))
    #expect(text.contains("│ line one two "))
    #expect(text.contains("│ Owner: me "))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    #expect(!text.contains("http") && !text.contains("[5m"))
  }

  // MARK: - Parsing

  @Test func responseBodyIsRead() throws {
    let json = try JSONParser.parse(
      #"""
      {"star_map": {"camera": {"fov": 70}, "nebulae": [{"name": "Veil"}],
        "systems": [
          {"name": "Marrow", "position": [0, 1.5, -2], "type": "STAR", "size": 2.4, "location_slug": "marrow",
           "info": {"description": "Yards", "population": "~310,000", "moons": 3, "tags": ["x"]}},
          {"name": "Cinder", "position": [4, 5], "label": false},
          {"name": "Nowhere", "position": [1]},
          {"position": [1, 2, 3]},
          "junk"],
        "routes": [
          {"from": "Marrow", "to": "Cinder", "route_type": "salvage", "travel_time_days": 16},
          {"from_slug": "marrow", "to_slug": "ghost"},
          {"from": "Cinder", "to": "Cinder"}]},
       "location_systems": {"kestrel_dawn": "marrow", "broken": 4}}
      """#)
    let map = try StarMap(json: json)
    #expect(
      map.systems == [
        .init(
          name: "Marrow", x: 0, y: 1.5, z: -2, type: "star", size: 2.4, slug: "marrow", description: "Yards",
          details: ["population": "~310,000", "moons": "3"]),
        .init(name: "Cinder", x: 4, y: 5, type: "", showsLabel: false),
      ])
    #expect(map.routes == [.init(from: 0, to: 1, type: "salvage", travelDays: 16)])
    #expect(map.locationSystems == ["kestrel_dawn": "marrow"])
    #expect(map.systemIndex(location: "kestrel_dawn") == 0)
    #expect(map.systemIndex(location: "marrow") == 0)
    #expect(map.systemIndex(location: "cinder") == nil)
  }

  @Test func demoStarMapIsReadInFull() throws {
    let map = try Self.demoMap()
    #expect(map.systems.map(\.name) == ["Marrow", "Halden's Reach", "Ossuary", "Tessaly", "Cinder"])
    #expect(map.systems.map(\.slug) == ["marrow", "haldens-reach", "ossuary", "tessaly", nil])
    #expect(map.routes.map { [$0.from, $0.to] } == [[0, 1], [1, 2], [0, 3]])
    #expect(map.systems[1].description == "Survey camp, transit buoy")
  }

  @Test(arguments: [
    (#""map""#, "star map: expected an object with 'star_map', got a string"),
    (
      #"{"error": "the campaign has no star map"}"#,
      "star map: the server answered an error: the campaign has no star map"
    ),
    (#"{"location_systems": {}}"#, "star map: 'star_map' is missing"),
    (#"{"star_map": [1]}"#, "star map: 'star_map' must be an object, got a list"),
    (#"{"star_map": {"systems": {"a": 1}}}"#, "star map: 'star_map.systems' must be a list, got an object"),
  ])
  func wrongShapesAreRejected(body: String, message: String) throws {
    let json = try JSONParser.parse(body)
    let error = #expect(throws: StarMap.FormatError.self) { try StarMap(json: json) }
    #expect(error?.description == message)
  }
}
