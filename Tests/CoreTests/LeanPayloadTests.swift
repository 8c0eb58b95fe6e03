import Testing

@testable import BulkheadCore

/// The lean payload of `?compact=1`: without the campaign-only parts, read back with the previous payload's.
struct LeanPayloadTests {
  let campaign: Campaign
  let builder: PayloadBuilder

  init() throws {
    campaign = try Campaigns.demo()
    builder = PayloadBuilder(campaign: campaign)
  }

  func state(_ commands: Command...) throws -> ActiveViewState {
    var state = ActiveViewState()
    for command in commands { state = try Reducer.apply(command, to: state, campaign: campaign).state }
    return state
  }

  static let encounter = Command.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: "")

  @Test func theLeanPayloadLeavesOutTheMapAndTheCardsAndSaysSo() throws {
    let state = try state(Self.encounter, .toggleRoom(roomID: "bridge", visible: true))
    let full = builder.encode(state, version: 2, epoch: "e")
    let lean = builder.encode(state, version: 2, epoch: "e", omittingStatic: true)
    let object = try #require(JSONParser.parse(lean).objectValue)
    #expect(object["compact"] == .bool(true))
    #expect(object["location_data"] == nil && object["encounter_npc_data"] == nil)
    #expect(object["location_name"] == .string("MSV Kestrel Dawn"), "the small location fields stay")
    #expect(lean.count * 3 < full.count, "\(lean.count) B lean against \(full.count) B")
  }

  @Test func aLeanPayloadReadsBackWithThePreviousOnesParts() throws {
    let before = try ActiveViewPayload.decode(builder.encode(try state(Self.encounter), version: 1, epoch: "e"))
    let moved = try state(Self.encounter, .toggleRoom(roomID: "bridge", visible: true))
    let lean = builder.encode(moved, version: 2, epoch: "e", omittingStatic: true)
    let expected = try ActiveViewPayload.decode(builder.encode(moved, version: 2, epoch: "e"))
    #expect(try ActiveViewPayload.decode(lean, after: before) == expected)
    #expect(throws: JSONReadError(path: "compact", problem: .missing)) {
      try ActiveViewPayload.decode(lean, after: nil)
    }
  }

  @Test func theStaticKeyFollowsTheLocationAndDeck() throws {
    #expect(builder.staticKey(of: try state()) == "")
    let deck1 = builder.staticKey(of: try state(Self.encounter))
    #expect(deck1 == "kestrel_dawn/deck_1")
    #expect(builder.staticKey(of: try state(Self.encounter, .toggleRoom(roomID: "bridge", visible: true))) == deck1)
    #expect(builder.staticKey(of: try state(Self.encounter, .switchLevel(level: 2, deckID: "deck_2"))) != deck1)
  }
}
