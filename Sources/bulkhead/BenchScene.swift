import BulkheadClient
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

  /// Opens the scene on the server `gm` writes to, on the ship `preferred` when the campaign has it.
  static func open(
    campaign: Campaign, gm: HTTPJSONClient, preferred: String = "kestrel_dawn"
  ) async throws -> BenchScene {
    guard let slug = BenchEncounter.shipSlug(in: campaign, preferred: preferred) else {
      throw CLIError("the campaign has no ship with a deck map")
    }
    let encounter = try BenchEncounter(campaign: campaign, locationSlug: slug)
    var room: Room?
    for command in encounter.commands {
      switch command {
      case .toggleRoom(let roomID, _):
        try await reveal(roomID, gm: gm)
        room = room ?? encounter.deck.room(roomID)
      case .switchView, .placeToken, .togglePortrait:
        _ = try await gm.send(command)
      default:
        throw CLIError("the bench encounter has a command it cannot send: \(command)")
      }
    }
    guard let room else { throw CLIError("the deck \(encounter.deck.id) has no room") }
    let placed = try await gm.send(
      .placeToken(Token(type: .player, name: "Bench", x: room.x, y: room.y, roomID: room.id)))
    guard let tokenID = placed["token_id"]?.stringValue else { throw CLIError("place-token answered no token_id") }
    return BenchScene(encounter: encounter, tokenID: tokenID, room: room)
  }

  /// Moves the bench's token to cell (`x`, `y`).
  func moveToken(x: Int, y: Int, gm: HTTPJSONClient) async throws {
    _ = try await gm.send(.moveToken(id: tokenID, x: x, y: y, roomID: nil))
  }

  /// Reveals the room `roomID` to the players.
  static func reveal(_ roomID: String, gm: HTTPJSONClient) async throws {
    _ = try await gm.send(.toggleRoom(roomID: roomID, visible: true))
  }
}
