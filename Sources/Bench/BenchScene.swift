import BulkheadClient
import BulkheadCore
import Foundation

/// The benchmarks' ENCOUNTER opened on a running server through GM writes: the ``BenchEncounter`` of the demo
/// ship (rooms revealed, tokens placed, portraits shown) plus one token of the bench's own to move.
public struct BenchScene {
  /// The encounter the writes set up.
  public let encounter: BenchEncounter
  /// The id the server gave the bench's token.
  public let tokenID: String
  /// The room the bench's token stands in, at its top left cell.
  public let room: Room

  /// Opens the scene on the server `gm` writes to, on the ship `preferred` when the campaign has it.
  public static func open(
    campaign: Campaign, gm: HTTPJSONClient, preferred: String = "kestrel_dawn"
  ) async throws -> BenchScene {
    guard let slug = BenchEncounter.shipSlug(in: campaign, preferred: preferred) else {
      throw BenchError("the campaign has no ship with a deck map")
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
        throw BenchError("the bench encounter has a command it cannot send: \(command)")
      }
    }
    guard let room else { throw BenchError("the deck \(encounter.deck.id) has no room") }
    let placed = try await gm.send(
      .placeToken(Token(type: .player, name: "Bench", x: room.x, y: room.y, roomID: room.id)))
    guard let tokenID = placed["token_id"]?.stringValue else { throw BenchError("place-token answered no token_id") }
    return BenchScene(encounter: encounter, tokenID: tokenID, room: room)
  }

  /// Moves the bench's token to cell (`x`, `y`).
  public func moveToken(x: Int, y: Int, gm: HTTPJSONClient) async throws {
    _ = try await gm.send(.moveToken(id: tokenID, x: x, y: y, roomID: nil))
  }

  /// Reveals the room `roomID` to the players.
  public static func reveal(_ roomID: String, gm: HTTPJSONClient) async throws {
    _ = try await gm.send(.toggleRoom(roomID: roomID, visible: true))
  }
}
