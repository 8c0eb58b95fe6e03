import BulkheadCore
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

@Suite("Player model")
struct PlayerModelTests {
  @Test("the current deck is parsed when the payload is set and follows every new payload")
  func deckFollowsPayload() throws {
    let encounter = try PlayerFrameTests.encounter()
    var model = PlayerModel(payload: encounter.payload)
    #expect(model.deck?.id == "deck_1")
    #expect(model.deck?.rooms.map(\.id) == encounter.deck.rooms.map(\.id))
    model.payload = try PlayerFrameTests.standbyPayload()
    #expect(model.deck == nil)
    model.payload = encounter.payload
    #expect(model.deck?.id == "deck_1")
    #expect(PlayerModel().deck == nil)
  }
}
