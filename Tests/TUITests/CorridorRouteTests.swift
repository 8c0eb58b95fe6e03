import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The corridor and door rule shared by the deck map and the GM console's geometry.
struct CorridorRouteTests {
  typealias Cell = CorridorRoute.Cell

  @Test func roomsSideBySideAreJoinedStraightAcrossTheirSharedRows() {
    let left = Rect(x: 0, y: 0, width: 4, height: 3)
    let right = Rect(x: 9, y: 0, width: 4, height: 5)
    let route = CorridorRoute(from: left, to: right, rooms: [left, right])
    #expect(route.path == (1...10).map { Cell(x: $0, y: 1) })
    #expect(route.visible == (4...8).map { Cell(x: $0, y: 1) })
    #expect(route.door == Cell(x: 6, y: 1))
    #expect(route.doorNeighbours == [Cell(x: 5, y: 1), Cell(x: 7, y: 1)])
  }

  @Test func roomsAboveEachOtherAreJoinedStraightDownTheirSharedColumns() {
    let top = Rect(x: 2, y: 0, width: 6, height: 2)
    let bottom = Rect(x: 5, y: 6, width: 6, height: 2)
    let route = CorridorRoute(from: bottom, to: top, rooms: [top, bottom])
    #expect(route.path.allSatisfy { $0.x == 6 })
    #expect(route.path.map(\.y) == [6, 5, 4, 3, 2, 1, 0])
    #expect(route.visible.map(\.y) == [5, 4, 3, 2])
    #expect(route.door == Cell(x: 6, y: 3))
  }

  @Test func roomsThatDoNotFaceEachOtherAreJoinedByAnL() {
    let a = Rect(x: 0, y: 0, width: 3, height: 3)
    let b = Rect(x: 6, y: 6, width: 3, height: 3)
    let route = CorridorRoute(from: a, to: b, rooms: [a, b])
    #expect(route.path == (1...7).map { Cell(x: $0, y: 1) } + (2...7).map { Cell(x: 7, y: $0) })
    #expect(route.visible == (3...7).map { Cell(x: $0, y: 1) } + (2...5).map { Cell(x: 7, y: $0) })
    #expect(route.door == Cell(x: 7, y: 1))
  }

  @Test func touchingRoomsPutTheDoorOnTheFirstRoomsWall() {
    let a = Rect(x: 0, y: 0, width: 4, height: 3)
    let b = Rect(x: 4, y: 0, width: 4, height: 3)
    let route = CorridorRoute(from: a, to: b, rooms: [a, b])
    #expect(route.visible.isEmpty)
    #expect(route.door == Cell(x: 3, y: 1))
    #expect(route.doorNeighbours.isEmpty)
    #expect(CorridorRoute(from: b, to: a, rooms: [a, b]).door == Cell(x: 4, y: 1))
  }

  @Test func theCorridorShowsOnlyOutsideEveryRoom() {
    let a = Rect(x: 0, y: 0, width: 3, height: 3)
    let b = Rect(x: 12, y: 0, width: 3, height: 3)
    let between = Rect(x: 5, y: 0, width: 3, height: 3)
    let route = CorridorRoute(from: a, to: b, rooms: [a, between, b])
    #expect(route.visible.map(\.x) == [3, 4, 8, 9, 10, 11])
    #expect(route.door == Cell(x: 9, y: 1))
  }

  @Test func aOneCellCorridorHasNoNeighboursForAnAirlock() {
    let a = Rect(x: 0, y: 0, width: 3, height: 3)
    let b = Rect(x: 4, y: 0, width: 3, height: 3)
    let route = CorridorRoute(from: a, to: b, rooms: [a, b])
    #expect(route.visible == [Cell(x: 3, y: 1)])
    #expect(route.door == Cell(x: 3, y: 1))
    #expect(route.doorNeighbours.isEmpty)
  }

  // MARK: - The console's door is the map's door

  static var projectRoot: URL {
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  /// Where the map draws `connection`'s door when one grid cell is two columns by one row (scale 1, the map at the
  /// canvas's origin), as the grid cell under it; `nil` when no door glyph is drawn.
  static func drawnDoorCell(_ connection: Connection, in deck: Deck) throws -> GMConsoleModel.GridPoint? {
    var alone = deck
    alone.connections = [connection]
    let view = DeckMapView(deck: alone, doorStatus: [connection.id: .damaged], showFogged: true)
    var canvas = Canvas(width: 2 * deck.width, height: deck.height)
    view.draw(into: &canvas, area: canvas.bounds)
    let glyph = MapSymbols.doorGlyph(.damaged, glyphs: .unicode)
    let drawn = (0..<canvas.height).flatMap { row in
      (0..<canvas.width).filter { canvas[x: $0, y: row].grapheme == glyph }.map { (x: $0, y: row) }
    }
    try #require(drawn.count <= 1, "one door drawn for \(connection.id)")
    return drawn.first.map { GMConsoleModel.GridPoint(x: $0.x / 2, y: $0.y) }
  }

  /// Two rooms on a 20 × 14 grid joined by one door: `a` at (1, 1), `b` 3 × 3.
  static func twoRooms(aWidth: Int, aHeight: Int, bX: Int, bY: Int) throws -> Deck {
    try Deck(
      data: .object([
        "grid": .object(["width": 20, "height": 14]),
        "rooms": .array([
          DeckMapViewTests.room("a", "A", x: 1, y: 1, width: aWidth, height: aHeight),
          DeckMapViewTests.room("b", "B", x: bX, y: bY, width: 3, height: 3),
        ]),
        "connections": .array([DeckMapViewTests.connection("c", "a", "b", type: "standard", status: "OPEN")]),
      ]), file: "t.yaml")
  }

  @Test func theConsolesDoorCellIsWhereTheMapDrawsTheDoorOnEveryDemoDeck() throws {
    let campaign = try Campaign.load(from: Self.projectRoot.appendingPathComponent("campaigns/demo"))
    let decks = campaign.locations.values.sorted { $0.slug < $1.slug }.flatMap { $0.map?.decks ?? [] }
    try #require(!decks.isEmpty, "the demo campaign has deck maps")
    var checked = 0
    for deck in decks {
      for connection in deck.connections {
        let console = try #require(DeckGeometry.doorCell(connection, in: deck))
        #expect(try Self.drawnDoorCell(connection, in: deck) == console, "\(deck.id) \(connection.id)")
        checked += 1
      }
    }
    #expect(checked >= 20)
  }

  /// Rooms that face each other (a straight corridor), touch, or are joined by an L: the console's door is in the
  /// grid cell under the door the map draws.
  @Test func theConsolesDoorCellIsWhereTheMapDrawsTheDoorForEveryPairOfRooms() throws {
    var checked = 0
    for aWidth in 2...5 {
      for aHeight in 2...4 {
        for bX in [1, 2, 3, 4, 5, 6, 7, 9, 12, 15] {
          for bY in [1, 2, 3, 4, 5, 6, 9] {
            let a = Rect(x: 1, y: 1, width: aWidth, height: aHeight)
            let b = Rect(x: bX, y: bY, width: 3, height: 3)
            guard a.intersection(b).isEmpty else { continue }
            let deck = try Self.twoRooms(aWidth: aWidth, aHeight: aHeight, bX: bX, bY: bY)
            let connection = deck.connections[0]
            let console = try #require(DeckGeometry.doorCell(connection, in: deck))
            #expect(try Self.drawnDoorCell(connection, in: deck) == console, "\(a) to \(b)")
            checked += 1
          }
        }
      }
    }
    #expect(checked >= 400)
  }
}
