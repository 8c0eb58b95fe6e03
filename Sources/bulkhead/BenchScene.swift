import BulkheadCore
import Foundation

/// The benchmarks' ENCOUNTER opened on a running server through GM writes: the ``BenchEncounter`` of the demo
/// ship (rooms revealed, tokens placed, portraits shown) plus one token of the bench's own to move.
struct BenchScene {
  /// The encounter the writes set up.
  let encounter: BenchEncounter
  /// The id the server gave the bench's token.
  let tokenID: String
  /// The room the bench's token stands in, at its top left cell.
  let room: Room

  /// Opens the scene on the server `gm` writes to.
  static func open(campaign: Campaign, gm: HTTPJSONClient) async throws -> BenchScene {
    guard let slug = BenchEncounter.shipSlug(in: campaign, preferred: "kestrel_dawn") else {
      throw CLIError("the campaign has no ship with a deck map")
    }
    let encounter = try BenchEncounter(campaign: campaign, locationSlug: slug)
    var room: Room?
    for command in encounter.commands {
      switch command {
      case .switchView(let viewType, let locationSlug, _):
        _ = try await gm.post(
          Endpoint.switchView.rawValue,
          body: ["view_type": .string(viewType.rawValue), "location_slug": .string(locationSlug)])
      case .toggleRoom(let roomID, _):
        try await reveal(roomID, gm: gm)
        room = room ?? encounter.deck.room(roomID)
      case .placeToken(let token):
        _ = try await gm.post(
          Endpoint.placeToken.rawValue,
          body: [
            "type": .string(token.type.rawValue), "name": .string(token.name), "x": .int(token.x),
            "y": .int(token.y), "room_id": .string(token.roomID),
          ])
      case .togglePortrait(let npcID):
        _ = try await gm.post(Endpoint.togglePortrait.rawValue, body: ["npc_id": .string(npcID)])
      default:
        throw CLIError("the bench encounter has a command it cannot send: \(command)")
      }
    }
    guard let room else { throw CLIError("the deck \(encounter.deck.id) has no room") }
    let placed = try await gm.post(
      Endpoint.placeToken.rawValue,
      body: ["type": "player", "name": "Bench", "x": .int(room.x), "y": .int(room.y), "room_id": .string(room.id)])
    guard let tokenID = placed["token_id"]?.stringValue else { throw CLIError("place-token answered no token_id") }
    return BenchScene(encounter: encounter, tokenID: tokenID, room: room)
  }

  /// Moves the bench's token to cell (`x`, `y`).
  func moveToken(x: Int, y: Int, gm: HTTPJSONClient) async throws {
    _ = try await gm.post(
      Endpoint.moveToken.rawValue, body: ["token_id": .string(tokenID), "x": .int(x), "y": .int(y)])
  }

  /// Reveals the room `roomID` to the players.
  static func reveal(_ roomID: String, gm: HTTPJSONClient) async throws {
    _ = try await gm.post(Endpoint.toggleRoom.rawValue, body: ["room_id": .string(roomID), "visible": true])
  }
}
