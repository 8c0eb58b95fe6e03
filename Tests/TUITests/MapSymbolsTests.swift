import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The deck map's glyph and style tables: each mark tells its thing apart, in both glyph sets.
struct MapSymbolsTests {
  @Test func eachDoorStatusHasItsOwnGlyphAndStyle() {
    for glyphs in GlyphSet.allCases {
      let shown = DoorStatus.allCases.map { MapSymbols.doorGlyph($0, glyphs: glyphs) }
      #expect(Set(shown).count == DoorStatus.allCases.count)
      #expect(!shown.contains(MapSymbols.corridorGlyph(glyphs)))
      #expect(!shown.contains(MapSymbols.airlockGlyph))
    }
    #expect(DoorStatus.allCases.map { MapSymbols.doorGlyph($0, glyphs: .unicode) } == ["▯", "▮", "▤", "▩", "▚"])
    #expect(DoorStatus.allCases.map { MapSymbols.doorGlyph($0, glyphs: .ascii) } == ["'", "=", "L", "X", "%"])
    let styles = DoorStatus.allCases.map { MapSymbols.doorStyle($0, doorType: "standard") }
    #expect(styles.map(\.role) == [.ok, .door, .warning, .alert, .critical])
    #expect(styles.allSatisfy { !$0.bold && !$0.underline })
  }

  @Test func doorTypesShowInTheStyle() {
    #expect(MapSymbols.doorStyle(.closed, doorType: "blast_door").bold)
    #expect(MapSymbols.doorStyle(.closed, doorType: "BLAST_DOOR").bold)
    #expect(MapSymbols.doorStyle(.closed, doorType: "emergency").underline)
    #expect(MapSymbols.doorStyle(.closed, doorType: "airlock") == CellStyle(role: .door))
    #expect(MapSymbols.isAirlock("Airlock"))
    #expect(!MapSymbols.isAirlock("standard"))
  }

  @Test func roomStatusMarksWarnAndHazardOnly() {
    #expect(MapSymbols.roomStatusMark("warning", glyphs: .unicode)?.glyph == "!")
    #expect(MapSymbols.roomStatusMark("WARNING", glyphs: .ascii)?.style == CellStyle(role: .warning, bold: true))
    #expect(MapSymbols.roomStatusMark("HAZARD", glyphs: .unicode)?.glyph == "☢")
    #expect(MapSymbols.roomStatusMark("Hazard", glyphs: .ascii)?.glyph == "#")
    #expect(MapSymbols.roomStatusMark("HAZARD", glyphs: .ascii)?.style == CellStyle(role: .alert, bold: true))
    #expect(MapSymbols.roomStatusMark("NOMINAL", glyphs: .unicode) == nil)
    #expect(MapSymbols.roomStatusMark("", glyphs: .unicode) == nil)
  }

  @Test func roomContentsHaveDistinctGlyphs() {
    for glyphs in GlyphSet.allCases {
      let poi = ["objective", "hazard", "item", "anything"].map { MapSymbols.pointOfInterest($0, glyphs: glyphs) }
      #expect(Set(poi.map(\.glyph)).count == 4)
      #expect(poi.map(\.role) == [.accent, .alert, .object, .object])
      let contents = poi.map(\.glyph) + [MapSymbols.ladderGlyph(glyphs), MapSymbols.terminalGlyph(glyphs)]
      #expect(Set(contents).count == contents.count)
    }
    #expect(MapSymbols.pointOfInterest("OBJECTIVE", glyphs: .unicode).glyph == "◆")
    #expect(MapSymbols.pointOfInterest("hazard", glyphs: .ascii).glyph == "!")
  }

  @Test func tokenGlyphsAndStylesFollowTypeAndStatus() {
    for glyphs in GlyphSet.allCases {
      let shown = Token.Kind.allCases.map { MapSymbols.tokenGlyph($0, status: [], glyphs: glyphs) }
      #expect(Set(shown).count == Token.Kind.allCases.count)
      for kind in Token.Kind.allCases {
        let dead = MapSymbols.tokenGlyph(kind, status: ["DEAD"], glyphs: glyphs)
        #expect(dead == (glyphs == .unicode ? "✝" : "x"))
        #expect(!shown.contains(dead))
      }
    }
    let roles = Token.Kind.allCases.map { MapSymbols.tokenStyle($0, status: []).role }
    #expect(roles == [.player, .npc, .creature, .object])
    #expect(MapSymbols.tokenStyle(.player, status: ["wounded"]).bold)
    #expect(MapSymbols.tokenStyle(.npc, status: ["panicked"]).reverse)
    #expect(MapSymbols.tokenStyle(.creature, status: ["dead"]).dim)
    #expect(MapSymbols.tokenStyle(.object, status: []) == CellStyle(role: .object))
  }

  @Test func theStatusMarkIsTheMostSeriousStatusOfALivingToken() {
    #expect(MapSymbols.statusMark([])?.glyph == nil)
    #expect(MapSymbols.statusMark(["calm"])?.glyph == nil)
    #expect(MapSymbols.statusMark(["stressed", "Wounded"])?.glyph == "!")
    #expect(MapSymbols.statusMark(["stressed", "wounded"])?.role == .critical)
    #expect(MapSymbols.statusMark(["unconscious", "panicked"])?.glyph == "?")
    #expect(MapSymbols.statusMark(["infected"])?.glyph == "%")
    #expect(MapSymbols.statusMark(["stressed", "unconscious"])?.glyph == "z")
    #expect(MapSymbols.statusMark(["stressed"])?.role == .warning)
    #expect(MapSymbols.statusMark(["dead", "wounded"]) == nil)
  }
}
