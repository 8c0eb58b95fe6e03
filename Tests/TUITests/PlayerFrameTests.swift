import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The player display's frame: minimum size, connection banner, STANDBY and ENCOUNTER.
struct PlayerFrameTests {
  // MARK: - Fixtures

  static func loadCampaign() throws -> Campaign {
    try Campaign.load(from: DeckMapViewTests.projectRoot.appendingPathComponent("campaigns/demo"))
  }

  /// The demo campaign's initial (STANDBY) payload.
  static func standbyPayload() throws -> ActiveViewPayload {
    let campaign = try loadCampaign()
    let bytes = PayloadBuilder(campaign: campaign).encode(ActiveViewState(), version: 1, epoch: "e1")
    return try ActiveViewPayload.decode(bytes)
  }

  /// The demo ship's first deck with its upper rooms revealed, a player token and two portraits.
  struct Encounter {
    var payload: ActiveViewPayload
    var deck: Deck
    var revealed: [Room]
    var fogged: [Room]
  }

  static func encounter() throws -> Encounter {
    let campaign = try loadCampaign()
    var state = ActiveViewState()
    func apply(_ command: Command) throws {
      state = try Reducer.apply(command, to: state, campaign: campaign).state
    }
    try apply(.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""))
    let deck = try #require(campaign.locations["kestrel_dawn"]?.map?.deck("deck_1"))
    let upper = deck.rooms.filter { $0.y + $0.height <= deck.height / 2 }
    let revealed = Array(upper.prefix(3))
    #expect(revealed.count == 3)
    for room in revealed { try apply(.toggleRoom(roomID: room.id, visible: true)) }
    let first = try #require(revealed.first)
    try apply(
      .placeToken(
        Token(type: .player, name: "Vex", x: first.x + first.width / 2, y: first.y + first.height / 2, roomID: first.id)
      ))
    try apply(.togglePortrait(npcID: "imre_sallow"))
    try apply(.togglePortrait(npcID: "oona_reyes"))
    let bytes = PayloadBuilder(campaign: campaign).encode(state, version: 7, epoch: "e1")
    let payload = try ActiveViewPayload.decode(bytes)
    let fogged = deck.rooms.filter { room in !revealed.contains { $0.id == room.id } }
    return Encounter(payload: payload, deck: deck, revealed: revealed, fogged: fogged)
  }

  static func cells(_ canvas: Canvas) -> [(x: Int, y: Int, cell: Cell)] {
    (0..<canvas.height).flatMap { row in (0..<canvas.width).map { ($0, row, canvas[x: $0, y: row]) } }
  }

  /// Checks the invariants every frame keeps: its size, its rows' widths and no control characters.
  static func checkSane(_ canvas: Canvas, width: Int, height: Int) {
    #expect(canvas.width == width && canvas.height == height)
    let lines = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == height)
    for line in lines { #expect(DisplayWidth.of(String(line)) <= width) }
    for (_, _, cell) in cells(canvas) {
      #expect(!cell.grapheme.unicodeScalars.contains(where: Canvas.isControl))
    }
  }

  // MARK: - Golden frames

  @Test func goldenStandby() throws {
    let model = PlayerModel(payload: try Self.standbyPayload(), clock: PlayerModel.clock(hour: 21, minute: 7))
    let text = TextScreen.plain(PlayerFrame.render(model, width: 60, height: 18, glyphs: .unicode))
    let expected = [
      "",
      "",
      "",
      "",
      "          ┌──────────────────────────────────────┐",
      "          │                                      │",
      "          │               BULKHEAD               │",
      "          │                                      │",
      "          │                21:07                 │",
      "          │                                      │",
      "          │               STANDBY                │",
      "          │                                      │",
      "          └──────────────────────────────────────┘",
      "",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenTooSmall() {
    let unicode = TextScreen.plain(PlayerFrame.render(PlayerModel(), width: 40, height: 10, glyphs: .unicode))
    let expected = [
      "",
      "",
      "",
      "",
      "",
      "    terminal too small — need 60×18",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(unicode == expected)
    let ascii = TextScreen.plain(PlayerFrame.render(PlayerModel(), width: 40, height: 10, glyphs: .ascii))
    #expect(ascii.contains("terminal too small -- need 60x18"))
    #expect(PlayerFrame.render(PlayerModel(), width: 59, height: 30, glyphs: .unicode).height == 30)
    #expect(TextScreen.plain(PlayerFrame.render(PlayerModel(), width: 80, height: 17, glyphs: .ascii)).contains("need"))
  }

  @Test func goldenEncounter() throws {
    let model = PlayerModel(payload: try Self.encounter().payload, clock: "21:07")
    let text = TextScreen.plain(PlayerFrame.render(model, width: 100, height: 30, glyphs: .unicode))
    let expected = [
      " MSV Kestrel Dawn · Command Deck                                                           DECK 1/2",
      "────────────────────────────────────────────────────────────────────────────────────────────────────",
      "",
      "  ┌BRIDGE─────────────┐         ┌COMMS ARRAY──────!┐         ┌MEDBAY────────────☢┐",
      "  │                   │         │                  │         │                   │",
      "  │       ▣        ▣  │····▯····│                  │····▩····│     ▣             │",
      "  │                   │         │                  │         │                   │",
      "  │          @◆       │         │                  │         │               ⚠   │",
      "  └───────────────────┘         └──────────────────┘         └───────────────────┘",
      "            ·                                                        ·",
      "            ▯                                                        ▤",
      "            ·                                                        ·",
      "",
      "",
      "",
      "",
      "                          ┌─────────────────────┐ ┌─────────────────────┐",
      "                          │                     │ │                     │",
      "                          │                     │ │                     │",
      "                          │                     │ │                     │",
      "                          │       ┌────┐        │ │       ┌────┐        │",
      "                          │       │ IS │        │ │       │ OR │        │",
      "                          │       └────┘        │ │       └────┘        │",
      "                          │                     │ │                     │",
      "                          │                     │ │                     │",
      "                          │                     │ │                     │",
      "                          │ Captain Imre Sallow │ │   Dr. Oona Reyes    │",
      "                          │    Ship Captain     │ │     Ship Medic      │",
      "                          └─────────────────────┘ └─────────────────────┘",
      " @ Vex",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  // MARK: - Connection banner

  @Test func bannerOnlyWhileConnectionLost() throws {
    let payload = try Self.standbyPayload()
    for glyphs in GlyphSet.allCases {
      let healthy = PlayerFrame.render(PlayerModel(payload: payload), width: 80, height: 24, glyphs: glyphs)
      #expect(!TextScreen.plain(healthy).contains("CONNECTION LOST"))
      #expect(Self.cells(healthy).allSatisfy { !$0.cell.style.reverse })
      let model = PlayerModel(payload: payload, connectionLost: true, attempt: 3, secondsToRetry: 7)
      let lost = PlayerFrame.render(model, width: 80, height: 24, glyphs: glyphs)
      let top = try #require(TextScreen.plain(lost).split(separator: "\n").first)
      let expected =
        glyphs == .unicode
        ? "CONNECTION LOST — RETRYING… (attempt 3, next in 7 s)"
        : "CONNECTION LOST -- RETRYING... (attempt 3, next in 7 s)"
      #expect(top.contains(expected))
      for column in 0..<80 {
        let style = lost[x: column, y: 0].style
        #expect(style.reverse && style.role == .banner)
      }
      #expect((0..<80).allSatisfy { !lost[x: $0, y: 1].style.reverse })
      #expect(TextScreen.plain(lost).contains("STANDBY"))
      Self.checkSane(lost, width: 80, height: 24)
    }
  }

  // MARK: - Standby-like panels

  @Test func absurdTokenCoordinatesFromTheWireClipInsteadOfCrashing() throws {
    var payload = try Self.encounter().payload
    payload.encounterTokens["far"] = Token(type: .creature, name: "Far", x: Int.max, y: Int.min)
    payload.encounterTokens["near"] = Token(type: .npc, name: "Near", x: Int.min, y: Int.max, status: ["wounded"])
    for glyphs in GlyphSet.allCases {
      for role in PlayerModel.Role.allCases {
        let frame = PlayerFrame.render(
          PlayerModel(payload: payload, role: role), width: 160, height: 48, glyphs: glyphs)
        Self.checkSane(frame, width: 160, height: 48)
        if role == .gm { #expect(TextScreen.plain(frame).contains("Far"), "the GM's legend lists it") }
      }
    }
  }

  @Test func aThemesPanelGlyphsFrameTheStandbyPanelButNeverReplaceASCII() throws {
    let model = PlayerModel(payload: try Self.standbyPayload())
    let heavy = TextScreen.plain(PlayerFrame.render(model, width: 80, height: 24, glyphs: .unicode, panels: .heavy))
    #expect(heavy.contains("┏") && heavy.contains("┛") && !heavy.contains("┌"))
    let ascii = TextScreen.plain(PlayerFrame.render(model, width: 80, height: 24, glyphs: .ascii, panels: .heavy))
    #expect(ascii.contains("+--") && !ascii.contains("┏"))
  }

  @Test func connectingLoadingAndLoadedViews() throws {
    let connecting = TextScreen.plain(PlayerFrame.render(PlayerModel(), width: 60, height: 18, glyphs: .unicode))
    #expect(connecting.contains("CONNECTING…"))
    var payload = try Self.standbyPayload()
    payload.viewType = .bridge
    payload.locationSlug = "kestrel_dawn"
    payload.locationName = "Kestrel\u{1B}[31m Dawn\u{7}"
    var model = PlayerModel(payload: payload)
    let loading = TextScreen.plain(PlayerFrame.render(model, width: 60, height: 18, glyphs: .ascii))
    #expect(loading.contains("| reading star map... |"))
    let campaign = try Self.loadCampaign()
    model.starMap = try StarMap(starMap: campaign.starMap, locationSystems: campaign.locationSystems)
    let bridge = PlayerFrame.render(model, width: 60, height: 18, glyphs: .ascii)
    let text = TextScreen.plain(bridge)
    #expect(text.contains("BRIDGE"))
    #expect(text.contains("Kestrel Dawn"))
    #expect(text.contains("@ HALDEN'S REACH"), "the current system is marked")
    Self.checkSane(bridge, width: 60, height: 18)
    model.starMap = nil
    model.starMapMissing = true
    let missing = TextScreen.plain(PlayerFrame.render(model, width: 60, height: 18, glyphs: .ascii))
    #expect(missing.contains("no star map for this campaign"))
    for (width, height) in [(60, 18), (61, 19), (200, 60), (97, 23)] {
      let frame = PlayerFrame.render(
        PlayerModel(payload: try Self.standbyPayload()), width: width, height: height,
        glyphs: .unicode)
      #expect(TextScreen.plain(frame).contains("STANDBY"))
      Self.checkSane(frame, width: width, height: height)
    }
  }

  // MARK: - Encounter

  @Test func encounterOnTheDemoShip() throws {
    let fixture = try Self.encounter()
    let names = ["Captain Imre Sallow", "Dr. Oona Reyes"]
    for (width, height) in [(80, 24), (100, 30), (160, 48)] {
      for glyphs in GlyphSet.allCases {
        for role in PlayerModel.Role.allCases {
          let model = PlayerModel(payload: fixture.payload, role: role)
          let canvas = PlayerFrame.render(model, width: width, height: height, glyphs: glyphs)
          Self.checkSane(canvas, width: width, height: height)
          let text = TextScreen.plain(canvas)
          let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
          let place = "\(width)x\(height) \(glyphs) \(role)"
          #expect(lines[0].contains("DECK 1/2"), "\(place)")
          #expect(lines[0].contains(fixture.deck.name), "\(place)")
          #expect(lines[0].contains("Kestrel Dawn"), "\(place)")
          let map = PlayerFrame.mapArea(in: canvas.bounds)
          let layout = try #require(
            MapLayout(gridWidth: fixture.deck.width, gridHeight: fixture.deck.height, area: map))
          for room in fixture.revealed {
            let rect = layout.rect(of: room)
            let status = (room.status ?? "").uppercased()
            let available = rect.width - 2 - (status == "WARNING" || status == "HAZARD" ? 1 : 0)
            let name = glyphs.shorten(glyphs.restrict(room.name), to: available)
            #expect(text.contains(name), "\(room.id) at \(place)")
          }
          for room in fixture.fogged where room.name.count > 4 {
            #expect(!text.contains(room.name), "\(room.id) at \(place)")
          }
          let fogCells = Self.cells(canvas).filter { $0.cell.style.role == .fog && $0.y >= 2 }
          if role == .gm {
            #expect(!fogCells.isEmpty, "\(place)")
            #expect(fogCells.allSatisfy { $0.cell.style.dim })
          } else {
            #expect(fogCells.isEmpty, "\(place)")
          }
          #expect(text.contains("@"), "\(place)")
          if width >= 100 {
            for name in names { #expect(text.contains(name), "\(name) at \(place)") }
          }
          let npcRows = Self.cells(canvas).filter { $0.cell.style.role == .npc && $0.cell.style.bold }.map(\.y)
          let keyRows = width < EncounterLegend.minimumViewWidth ? 1 : 0
          #expect(
            npcRows.max() == height - 3 - keyRows,
            "names sit above the roles on the bottom rows (above the token key below 120 columns), \(place)")
          if keyRows > 0 {
            #expect(lines[height - 1].hasPrefix(" @ "), "the token key names the player under the map, \(place)")
          }
          #expect(npcRows.allSatisfy { $0 > height / 2 }, "cards take at most half the map, \(place)")
        }
      }
    }
  }

  @Test func portraitsShrinkAndDropButNeverCoverTheHeader() throws {
    var payload = try Self.encounter().payload
    var portraits: [String] = []
    for index in 0..<12 {
      let id = "npc\(index)"
      payload.encounterNPCData[id] = NPCCard(id: id, name: "Crew Member \(index)", portrait: "")
      portraits.append(id)
    }
    payload.encounterActivePortraits = ["missing"] + portraits
    for glyphs in GlyphSet.allCases {
      let canvas = PlayerFrame.render(PlayerModel(payload: payload), width: 60, height: 18, glyphs: glyphs)
      Self.checkSane(canvas, width: 60, height: 18)
      let lines = TextScreen.plain(canvas).split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines[0].contains("DECK 1/2"))
      #expect(lines[17].hasPrefix(" @ "), "the token key in the bottom row")
      #expect(lines[14].contains("Crew"), "the names sit above the (empty) roles, the bottom frame and the key")
      #expect(lines[14].split(separator: glyphs == .unicode ? "│" : "|").count(where: { $0.contains("Crew") }) == 5)
      #expect(!TextScreen.plain(canvas).contains("Crew Member 11"), "the cards that do not fit are dropped")
    }
  }

  @Test func garbageMapDrawsANote() throws {
    var payload = try Self.encounter().payload
    for data: JSONValue? in [.object(["map": .object(["current_deck": .string("garbage")])]), .int(3), nil] {
      payload.locationData = data
      for glyphs in GlyphSet.allCases {
        let canvas = PlayerFrame.render(PlayerModel(payload: payload), width: 80, height: 24, glyphs: glyphs)
        let text = TextScreen.plain(canvas)
        #expect(text.contains("map unavailable"))
        #expect(text.contains("DECK 1/2"))
        Self.checkSane(canvas, width: 80, height: 24)
      }
    }
  }
}
