import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The ENCOUNTER deck map: scaling, fog, rooms, doors, contents and tokens.
struct DeckMapViewTests {
  // MARK: - Fixtures

  static func room(
    _ id: String, _ name: String, x: Int, y: Int, width: Int, height: Int, status: String? = nil
  ) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": .string(id), "name": .string(name), "x": .int(x), "y": .int(y), "width": .int(width),
      "height": .int(height),
    ]
    if let status { members["status"] = .string(status) }
    return .object(members)
  }

  static func connection(_ id: String, _ from: String, _ to: String, type: String, status: String) -> JSONValue {
    .object([
      "id": .string(id), "from": .string(from), "to": .string(to), "door_type": .string(type),
      "door_status": .string(status),
    ])
  }

  /// Two rooms side by side on a 16 × 6 grid, joined by an open standard door.
  static func twoRooms(doorType: String = "standard", doorStatus: String = "OPEN") throws -> Deck {
    try Deck(
      data: .object([
        "deck_id": "d1", "name": "Test Deck",
        "grid": .object(["width": 16, "height": 6]),
        "rooms": .array([
          room("alpha", "Alpha Bay", x: 1, y: 1, width: 5, height: 4),
          room("beta", "Beta Lab", x: 10, y: 1, width: 5, height: 4, status: "WARNING"),
        ]),
        "connections": .array([connection("c1", "alpha", "beta", type: doorType, status: doorStatus)]),
        "terminals": .array([
          .object([
            "id": "t1", "room": "beta", "position": .object(["x": 12, "y": 3]), "name": "Console",
          ])
        ]),
        "poi": .array([
          .object([
            "id": "p1", "type": "objective", "room": "alpha", "position": .object(["x": .double(3.5), "y": 2]),
            "name": "Core",
          ])
        ]),
      ]), file: "test.yaml")
  }

  static func render(
    _ view: DeckMapView, width: Int = 40, height: Int = 12, area: Rect? = nil
  ) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    view.draw(into: &canvas, area: area ?? canvas.bounds)
    return canvas
  }

  /// Every cell whose grapheme is `glyph`, with its position.
  static func find(_ glyph: String, in canvas: Canvas) -> [(x: Int, y: Int, cell: Cell)] {
    var found: [(x: Int, y: Int, cell: Cell)] = []
    for row in 0..<canvas.height {
      for column in 0..<canvas.width where canvas[x: column, y: row].grapheme == glyph {
        found.append((column, row, canvas[x: column, y: row]))
      }
    }
    return found
  }

  static var projectRoot: URL {
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  // MARK: - Golden frames

  @Test func goldenTwoRoomsUnicode() throws {
    let view = DeckMapView(
      deck: try Self.twoRooms(), roomVisibility: ["alpha": true, "beta": true],
      tokens: ["p": Token(type: .player, name: "Ash", x: 2, y: 3, roomID: "alpha")])
    let text = TextScreen.plain(Self.render(view))
    let expected = [
      "",
      "",
      "",
      "  ┌Alpha Bay──┐          ┌Beta Lab─!┐",
      "  │           │          │          │",
      "  │       ◆   │·····▯····│          │",
      "  │   @       │          │     ▣    │",
      "  └───────────┘          └──────────┘",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  @Test func goldenTwoRoomsASCII() throws {
    let view = DeckMapView(
      deck: try Self.twoRooms(), roomVisibility: ["alpha": true, "beta": true],
      tokens: ["p": Token(type: .player, name: "Ash", x: 2, y: 3, roomID: "alpha")], glyphs: .ascii)
    let text = TextScreen.plain(Self.render(view))
    let expected = [
      "",
      "",
      "",
      "  +Alpha Bay--+          +Beta Lab-!+",
      "  |           |          |          |",
      "  |       *   |.....'....|          |",
      "  |   @       |          |     T    |",
      "  +-----------+          +----------+",
      "",
      "",
      "",
      "",
    ].joined(separator: "\n")
    #expect(text == expected)
  }

  // MARK: - Fog

  @Test func fogHidesRoomsAndTheirContentsFromPlayers() throws {
    let tokens = [
      "p": Token(type: .player, name: "Ash", x: 2, y: 3, roomID: "alpha"),
      "m": Token(type: .creature, name: "Thing", x: 12, y: 2, roomID: "beta"),
      "c": Token(type: .npc, name: "Drifter", x: 13, y: 3),
    ]
    let view = DeckMapView(deck: try Self.twoRooms(), roomVisibility: ["alpha": true], tokens: tokens)
    let canvas = Self.render(view)
    let text = TextScreen.plain(canvas)
    #expect(text.contains("Alpha Bay"))
    #expect(!text.contains("Beta"))
    #expect(!text.contains("beta"))
    #expect(!text.contains("M"))
    #expect(!text.contains("&"))
    #expect(!text.contains("▣"))
    #expect(!text.contains("!"))
    #expect(text.contains("@"))
    #expect(text.contains("◆"))
    // Only one box: two top-left corners would mean the fogged room was drawn.
    #expect(Self.find("┌", in: canvas).count == 1)
  }

  @Test func gmSeesFoggedRoomsDimWithTheirIDs() throws {
    let tokens = ["m": Token(type: .creature, name: "Thing", x: 12, y: 2, roomID: "beta")]
    let view = DeckMapView(
      deck: try Self.twoRooms(), roomVisibility: ["alpha": true], tokens: tokens, showFogged: true)
    let canvas = Self.render(view)
    let text = TextScreen.plain(canvas)
    #expect(text.contains("Alpha Bay"))
    #expect(text.contains("beta"))
    #expect(!text.contains("Beta Lab"))
    let corners = Self.find("┌", in: canvas)
    #expect(corners.count == 2)
    let foggedCorner = try #require(corners.max { $0.x < $1.x })
    #expect(foggedCorner.cell.style.dim && foggedCorner.cell.style.role == .fog)
    let revealedCorner = try #require(corners.min { $0.x < $1.x })
    #expect(!revealedCorner.cell.style.dim && revealedCorner.cell.style.role == .frame)
    let creature = try #require(Self.find("M", in: canvas).first)
    #expect(creature.cell.style.dim && creature.cell.style.role == .creature)
    let terminal = try #require(Self.find("▣", in: canvas).first)
    #expect(terminal.cell.style.dim)
  }

  @Test func corridorTokensFollowTheFogOfTheirCell() throws {
    let tokens = [
      "a": Token(type: .npc, name: "In the corridor", x: 8, y: 2),
      "b": Token(type: .creature, name: "Lurking", x: 12, y: 2),
    ]
    let view = DeckMapView(deck: try Self.twoRooms(), roomVisibility: ["alpha": true], tokens: tokens)
    let text = TextScreen.plain(Self.render(view))
    #expect(text.contains("&"))
    #expect(!text.contains("M"))
  }

  @Test func aDoorShowsWhenEitherRoomIsRevealed() throws {
    let deck = try Self.twoRooms()
    let open = MapSymbols.doorGlyph(.open, glyphs: .unicode)
    for visibility in [["alpha": true], ["beta": true], ["alpha": true, "beta": true]] {
      let canvas = Self.render(DeckMapView(deck: deck, roomVisibility: visibility))
      #expect(Self.find(open, in: canvas).count == 1, "\(visibility)")
      #expect(!Self.find("·", in: canvas).isEmpty)
    }
    let hidden = Self.render(DeckMapView(deck: deck, roomVisibility: ["alpha": false]))
    #expect(TextScreen.plain(hidden).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
  }

  // MARK: - Doors

  @Test func eachDoorStatusIsDrawnWithItsSymbol() throws {
    let deck = try Self.twoRooms()
    for status in DoorStatus.allCases {
      let view = DeckMapView(deck: deck, roomVisibility: ["alpha": true], doorStatus: ["c1": status])
      let canvas = Self.render(view)
      let door = try #require(Self.find(MapSymbols.doorGlyph(status, glyphs: .unicode), in: canvas).first)
      #expect(door.cell.style == MapSymbols.doorStyle(status, doorType: "standard"))
    }
  }

  @Test func liveStatusOverridesTheMapAndDoorTypesShow() throws {
    let sealed = try Self.twoRooms(doorType: "blast_door", doorStatus: "SEALED")
    let live = Self.render(DeckMapView(deck: sealed, roomVisibility: ["alpha": true], doorStatus: ["c1": .open]))
    let door = try #require(Self.find("▯", in: live).first)
    #expect(door.cell.style.bold && door.cell.style.role == .ok)
    #expect(Self.find("▩", in: live).isEmpty)
    let mapStatus = Self.render(DeckMapView(deck: sealed, roomVisibility: ["alpha": true], glyphs: .ascii))
    #expect(Self.find("X", in: mapStatus).count == 1)

    let airlock = try Self.twoRooms(doorType: "airlock", doorStatus: "CLOSED")
    let canvas = Self.render(DeckMapView(deck: airlock, roomVisibility: ["alpha": true]))
    let lock = try #require(Self.find("▮", in: canvas).first)
    #expect(canvas[x: lock.x - 1, y: lock.y].grapheme == ":")
    #expect(canvas[x: lock.x + 1, y: lock.y].grapheme == ":")
  }

  // MARK: - Rooms and contents

  @Test func revealedRoomsAreBoxedWithNamesAndStatusMarks() throws {
    let view = DeckMapView(deck: try Self.twoRooms(), roomVisibility: ["alpha": true, "beta": true])
    let canvas = Self.render(view)
    let text = TextScreen.plain(canvas)
    #expect(text.contains("┌Alpha Bay"))
    #expect(text.contains("┌Beta Lab"))
    #expect(Self.find("┌", in: canvas).count == 2)
    #expect(Self.find("┘", in: canvas).count == 2)
    let mark = try #require(Self.find("!", in: canvas).first)
    #expect(mark.cell.style.role == .warning)
    #expect(canvas[x: mark.x + 1, y: mark.y].grapheme == "┐")
    #expect(Self.find("▣", in: canvas).count == 1)
    #expect(Self.find("◆", in: canvas).count == 1)
  }

  @Test func namesAreSanitisedAndShortened() throws {
    let deck = try Deck(
      data: .object([
        "grid": .object(["width": 10, "height": 4]),
        "rooms": .array([
          Self.room("r", "\u{1B}[31mREACTOR CONTROL ROOM\u{7}", x: 1, y: 1, width: 4, height: 2, status: "HAZARD")
        ]),
      ]), file: "t.yaml")
    for glyphs in GlyphSet.allCases {
      let text = TextScreen.plain(Self.render(DeckMapView(deck: deck, roomVisibility: ["r": true], glyphs: glyphs)))
      #expect(!text.contains("\u{1B}"))
      #expect(!text.contains("[31m"))
      #expect(text.contains(glyphs == .unicode ? "┌REACTOR CONT…☢┐" : "+REACTOR CONT~#+"), "\(text)")
    }
  }

  // MARK: - Tokens

  @Test func tokensAreDrawnWithTheGlyphsAndStylesOfTheirTypeAndStatus() throws {
    let tokens = [
      "a": Token(type: .player, name: "Ash", x: 2, y: 2, status: ["wounded"], roomID: "alpha"),
      "b": Token(type: .npc, name: "Bo", x: 4, y: 3, status: ["panicked"], roomID: "alpha"),
      "c": Token(type: .creature, name: "It", x: 11, y: 2, status: ["dead"], roomID: "beta"),
      "d": Token(type: .object, name: "Crate", x: 13, y: 4, roomID: "beta"),
    ]
    let view = DeckMapView(deck: try Self.twoRooms(), roomVisibility: ["alpha": true, "beta": true], tokens: tokens)
    let canvas = Self.render(view, width: 80, height: 24)
    let player = try #require(Self.find("@", in: canvas).first)
    #expect(player.cell.style == CellStyle(role: .player, bold: true))
    let npc = try #require(Self.find("&", in: canvas).first)
    #expect(npc.cell.style == CellStyle(role: .npc, reverse: true))
    let dead = try #require(Self.find("✝", in: canvas).first)
    #expect(dead.cell.style == CellStyle(role: .creature, dim: true))
    #expect(Self.find("□", in: canvas).count == 1)
    #expect(Self.find("M", in: canvas).isEmpty)
  }

  // MARK: - Bounds and scaling

  @Test func everythingStaysInsideTheArea() throws {
    let deck = try Self.twoRooms()
    let tokens = [
      "far": Token(type: .creature, name: "Far", x: 200, y: -50),
      "p": Token(type: .player, name: "Ash", x: 2, y: 3, roomID: "alpha"),
    ]
    for glyphs in GlyphSet.allCases {
      for area in [
        Rect(x: 5, y: 3, width: 30, height: 8), Rect(x: 0, y: 0, width: 7, height: 3),
        Rect(x: 50, y: 10, width: 40, height: 40), Rect(x: 2, y: 1, width: 1, height: 1),
      ] {
        let view = DeckMapView(
          deck: deck, roomVisibility: ["alpha": true, "beta": true], tokens: tokens, glyphs: glyphs, showFogged: true)
        let marker = Cell(grapheme: "~", style: CellStyle(role: .background))
        var canvas = Canvas(width: 60, height: 20)
        canvas.fill(canvas.bounds, with: marker)
        view.draw(into: &canvas, area: area)
        for row in 0..<canvas.height {
          for column in 0..<canvas.width where !area.contains(x: column, y: row) {
            #expect(canvas[x: column, y: row] == marker, "(\(column), \(row)) outside \(area)")
          }
        }
      }
    }
  }

  @Test func theMapIsScaledWithDoubleWidthCellsAndCentred() throws {
    let layout = try #require(MapLayout(gridWidth: 16, gridHeight: 6, area: Rect(x: 0, y: 0, width: 40, height: 12)))
    #expect(layout.columnsPerCell == 2 * layout.rowsPerCell)
    #expect(layout.originX == 0)
    #expect(layout.originY == 2)
    let tall = try #require(MapLayout(gridWidth: 10, gridHeight: 10, area: Rect(x: 0, y: 0, width: 100, height: 20)))
    #expect(tall.rowsPerCell == 2 && tall.columnsPerCell == 4)
    #expect(tall.originX == 30 && tall.originY == 0)
    #expect(MapLayout(gridWidth: 0, gridHeight: 0, area: Rect(x: 0, y: 0, width: 10, height: 10)) == nil)
  }

  @Test func anEmptyGridDrawsNothing() throws {
    let deck = try Deck(data: .object(["grid_size_x": 0, "grid_size_y": 0]), file: "old.yaml")
    let canvas = Self.render(DeckMapView(deck: deck))
    #expect(canvas == Canvas(width: 40, height: 12))
  }

  // MARK: - Demo campaign

  @Test func demoDeckOneHalfRevealedRenders() throws {
    let campaign = try Campaign.load(from: Self.projectRoot.appendingPathComponent("campaigns/demo"))
    let map = try #require(campaign.locations["kestrel_dawn"]?.map)
    let deck = try #require(map.deck("deck_1"))
    var visibility: [String: Bool] = [:]
    for (index, room) in deck.rooms.enumerated() { visibility[room.id] = index.isMultiple(of: 2) }
    let tokens = [
      "p1": Token(type: .player, name: "Vex", x: 3, y: 8, roomID: "galley"),
      "p2": Token(type: .player, name: "Ro", x: 9, y: 8, status: ["wounded"]),
      "n1": Token(type: .npc, name: "Greer", x: 23, y: 2, status: ["panicked"], roomID: "medbay"),
      "c1": Token(type: .creature, name: "Thing", x: 13, y: 2, roomID: "comms_array"),
      "o1": Token(type: .object, name: "Crate", x: 2, y: 14, roomID: "captains_cabin"),
      "d1": Token(type: .npc, name: "Body", x: 4, y: 3, status: ["dead"], roomID: "bridge"),
    ]
    for (width, height) in [(80, 24), (160, 48)] {
      for glyphs in GlyphSet.allCases {
        let view = DeckMapView(deck: deck, roomVisibility: visibility, tokens: tokens, glyphs: glyphs)
        var canvas = Canvas(width: width, height: height)
        view.draw(into: &canvas, area: canvas.bounds)
        let text = TextScreen.plain(canvas)
        let layout = try #require(MapLayout(gridWidth: deck.width, gridHeight: deck.height, area: canvas.bounds))
        for room in deck.rooms {
          let rect = layout.rect(of: room)
          let status = (room.status ?? "").uppercased()
          let available = rect.width - 2 - (status == "WARNING" || status == "HAZARD" ? 1 : 0)
          let name = glyphs.shorten(glyphs.restrict(room.name), to: available)
          #expect(!name.isEmpty)
          if visibility[room.id] == true {
            #expect(text.contains(name), "\(room.id) at \(width)x\(height)")
          } else {
            #expect(!text.contains(name), "\(room.id) at \(width)x\(height)")
          }
        }
        #expect(text.contains("@"))
        let creatures = (0..<height).flatMap { row in
          (0..<width).filter { canvas[x: $0, y: row].style.role == .creature }
        }
        #expect(creatures.isEmpty, "the creature is in the fogged comms array")
      }
    }
  }
}
