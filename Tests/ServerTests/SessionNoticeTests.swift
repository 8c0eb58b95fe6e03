import BulkheadCore
import Foundation
import Testing

@testable import BulkheadServer

/// The cluster's notification text: the state goes in when it fits PostgreSQL's limit, and reads back the same.
@Suite("Session notices")
struct SessionNoticeTests {
  /// A state with `count` tokens named with 64 characters each.
  private static func state(tokens count: Int) -> ActiveViewState {
    var state = ActiveViewState()
    state.viewType = .encounter
    state.encounterLocationSlug = "kestrel_dawn"
    state.encounterDeckID = "main"
    for index in 0..<count {
      let name = String(repeating: "n", count: 60) + String(format: "%04d", index)
      state.currentTokens["t\(index)"] = Token(type: .npc, name: name, x: 2, y: 2, roomID: "bridge")
    }
    state.tokensPlaced = count
    return state
  }

  @Test("a small state travels in the notice: campaign (quotes, accents), epoch, version and state read back")
  func carriesTheState() throws {
    let state = Self.state(tokens: 3)
    let campaign = #"The "Kestrel" Dawn — été"#
    let payload = try SessionNotice.payload(
      campaign: campaign, epoch: "e1", version: 7, stateJSON: SessionSnapshot.encodeState(state))
    #expect(payload.utf8.count <= SessionNotice.payloadLimit)
    let notice = try #require(SessionNotice(payload: payload), "\(payload)")
    #expect(notice == SessionNotice(campaign: campaign, epoch: "e1", version: 7, state: state))
    #expect(notice.snapshot == SessionSnapshot(epoch: "e1", version: 7, state: state))
  }

  @Test("a state too large for a notification is left out: the notice names the version only")
  func leavesOutALargeState() throws {
    let state = Self.state(tokens: 80)
    let stateJSON = SessionSnapshot.encodeState(state)
    #expect(stateJSON.utf8.count > 8000)
    let payload = try SessionNotice.payload(campaign: "Kestrel", epoch: "e1", version: 8, stateJSON: stateJSON)
    #expect(payload.utf8.count <= SessionNotice.payloadLimit)
    let notice = try #require(SessionNotice(payload: payload), "\(payload)")
    #expect(notice == SessionNotice(campaign: "Kestrel", epoch: "e1", version: 8, state: nil))
    #expect(notice.snapshot == nil)
  }

  @Test("a payload that is not a notice is refused")
  func refusesOtherText() {
    #expect(SessionNotice(payload: "Kestrel") == nil)
    #expect(SessionNotice(payload: #"{"campaign":"Kestrel"}"#) == nil)
  }
}
