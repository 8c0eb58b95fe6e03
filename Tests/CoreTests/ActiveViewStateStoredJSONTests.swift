import Foundation
import Testing

@testable import BulkheadCore

/// The state as the session store keeps it: the same JSON as its `Codable` form, read back by `JSONDecoder`.
struct ActiveViewStateStoredJSONTests {
  /// A state with every field set away from its default, overrides with and without their optional fields, and
  /// text that needs escaping.
  static var busyState: ActiveViewState {
    var state = ActiveViewState()
    state.viewType = .encounter
    state.locationSlug = "uscss_morrigan"
    state.encounterLocationSlug = "uscss_morrigan"
    state.viewSlug = "bridge/view"
    state.overlayLocationSlug = "uscss_morrigan"
    state.overlayTerminalSlug = "engineering_terminal"
    state.charonMode = .query
    state.charonLocationPath = "sol/earth"
    state.charonActiveChannel = "private"
    state.charonDialogOpen = true
    state.encounterLevel = 3
    state.encounterDeckID = "deck_2"
    state.roomVisibility = ["bridge": true, "cargo": false]
    state.doorStatus = ["bridge-cargo": .locked, "cargo-engine": .open]
    state.tokens = [
      "uscss_morrigan": [
        "deck_2": [
          "0000000a": Token(type: .npc, name: "Dr \"Vance\"\n", x: 4, y: 7, status: ["wounded"], roomID: "cargo"),
          "0000000b": Token(type: .creature, name: "Ölwurm ⚠", x: 0, y: 12, imageURL: "/data/worm.png"),
        ]
      ]
    ]
    state.activePortraits = ["lucia_vance", "ash"]
    state.shipSystemOverrides = [
      "life_support": ShipSystemOverride(status: .critical, condition: 12, info: "venting"),
      "engines": ShipSystemOverride(status: .offline),
    ]
    state.tokensPlaced = 11
    return state
  }

  @Test func readsBackAsTheSameState() throws {
    let state = Self.busyState
    let decoded = try JSONDecoder().decode(ActiveViewState.self, from: Data(state.storedJSON))
    #expect(decoded == state)
  }

  @Test func carriesTheSameJSONAsTheCodableForm() throws {
    for state in [ActiveViewState(), Self.busyState] {
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      let codable = try JSONParser.parse(Array(try encoder.encode(state)))
      #expect(try JSONParser.parse(state.storedJSON) == codable)
    }
  }
}
