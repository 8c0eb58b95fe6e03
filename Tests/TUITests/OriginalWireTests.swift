import BulkheadCore
import Foundation
import SSEClient
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The original Django server's wire, read for real: every event of a recorded GM session and every answer to the
/// public reads, through the same readers, controller and views as a live display.
@Suite(
  "The original server's wire",
  .enabled(if: OriginalWire.available, "../shared/fixtures/original-wire is absent: the original's wire tests skipped"))
struct OriginalWireTests {
  @Test("every event of the original's stream reads as a payload, without version or epoch")
  func everyEventReads() throws {
    let wire = try OriginalWire()
    #expect(wire.events.count == 18)
    var previous: ActiveViewPayload?
    for (index, event) in wire.events.enumerated() {
      #expect(event.type == "activeview")
      let payload = try ActiveViewPayload.decode(Array(event.data.utf8), after: previous)
      #expect(payload.version == 0, "event \(index): the original sends no version")
      #expect(payload.epoch == "", "event \(index): the original sends no epoch")
      previous = payload
    }
    let first = try ActiveViewPayload.decode(Array(wire.events[0].data.utf8))
    #expect(first.viewType == .standby)
    #expect(first.locationName == nil && first.locationData == nil, "STANDBY comes without the location keys")
    let tokens = try ActiveViewPayload.decode(Array(wire.events[5].data.utf8)).encounterTokens
    #expect(tokens.values.map(\.name).sorted() == ["Thing", "Vasquez"])
    #expect(tokens["0691a004"]?.roomID == "bridge")
    let lower = try ActiveViewPayload.decode(Array(wire.events[8].data.utf8))
    #expect(lower.encounterDeckID == "deck_2" && lower.encounterDeckName == "Lower Deck")
    #expect(lower.encounterDoorStatus["conn_bridge_crew"] == .locked)
    #expect(lower.encounterNPCData["lucia_vance"]?.portrait == "/data/campaign/NPCs/images/lucia_vance.png")
    #expect(lower.encounterNPCData["lucia_vance"]?.role == "", "the original's cards have no role")
  }

  @Test("every answer of the original to the public reads is read by the display's readers")
  func everyAnswerReads() throws {
    let wire = try OriginalWire()
    let view = try ActiveViewPayload(json: try #require(wire.rest["/api/active-view/"]))
    #expect(view.viewType == .standby && view.encounterTokens.count == 2)
    let messages = try BroadcastMessage.list(json: try #require(wire.rest["/api/messages/"]))
    #expect(messages.map(\.id) == [3, 2, 1])
    #expect(messages.allSatisfy { $0.content == "Hull breach on deck 2" && $0.isUrgent })
    let ship = try ShipStatus(json: try #require(wire.rest["/api/ship-status/"]))
    #expect(ship.name == "USCSS Morrigan")
    #expect(ship.systems.map(\.key).sorted() == ["comms", "engines", "life_support", "weapons"])
    #expect(ship.systems.first { $0.key == "life_support" }?.status == .damaged)
    let charon = try CharonConversation(json: try #require(wire.rest["/api/charon/conversation/"]))
    #expect(charon.messages.count == 3 && charon.messages.allSatisfy { $0.content == "Systems nominal." })
    let terminal = try TerminalInbox(json: try #require(wire.rest["/api/terminal/uscss_morrigan/bridge_terminal/"]))
    #expect(terminal.owner == "Captain Morrison")
    #expect(terminal.inbox.first?.subject == "Departure Clearance")
    let map = try #require(wire.rest["/api/encounter-map/uscss_morrigan/"])
    let deck = try Deck(data: try #require(map["current_deck"]), file: "encounter-map")
    #expect(deck.id == "deck_2" && deck.room("maintenance") != nil)
    let allDecks = try #require(wire.rest["/api/encounter-map/uscss_morrigan/all-decks/"]?["decks"]?.arrayValue)
    #expect(allDecks.compactMap { $0["id"]?.stringValue } == ["deck_1", "deck_2"])
  }

  /// The frame sizes the session is drawn at.
  static let sizes = [(width: 80, height: 24), (width: 120, height: 40)]

  @Test("the original's session drawn by the player display", arguments: sizes)
  func session(width: Int, height: Int) throws {
    var session = try OriginalWireSession()
    var frames: [String] = []
    for event in session.wire.events {
      session.receive(event)
      frames.append(session.frame(width: width, height: height))
    }
    #expect(session.logs.isEmpty, "\(session.logs)")
    #expect(frames.count == 18)
    for (index, frame) in frames.enumerated() {
      #expect(!frame.contains("CONNECTING"), "event \(index):\n\(frame)")
      #expect(!frame.contains("CANNOT READ"), "event \(index):\n\(frame)")
      #expect(frame.contains("Hull breach on deck 2"), "event \(index): the original's messages:\n\(frame)")
    }
    let wide = width >= 120
    func expect(_ index: Int, _ texts: [String], not absent: [String] = [], _ what: String) {
      for text in texts { #expect(frames[index].contains(text), "event \(index), \(what): \(text)\n\(frames[index])") }
      for text in absent {
        #expect(!frames[index].contains(text), "event \(index), \(what): \(text)\n\(frames[index])")
      }
    }
    expect(0, ["STANDBY", "USCSS Morrigan"], "standby with the ship's name")
    expect(1, ["USCSS Morrigan", "Main Deck", "DECK 1/2"], not: ["BRIDGE", "MEDICAL"], "every room in the fog")
    expect(2, ["BRIDGE"], not: ["CREW QUARTERS", "MEDICAL"], "the bridge revealed")
    expect(3, ["BRIDGE", "MEDICAL"], not: ["CREW QUARTERS"], "the medical bay revealed")
    expect(4, wide ? ["Vasquez", "@"] : ["@"], "Vasquez on the bridge")
    expect(5, wide ? ["Vasquez", "Thing"] : ["@"], "the creature beside her")
    expect(6, ["▤"], "the locked door")
    expect(7, ["Dr. Lucia Vance"], "the portrait card")
    expect(8, ["Lower Deck", "DECK 2/2"], not: ["Main Deck"], "deck 2")
    expect(9, ["MAINTENAN", "DECK 2/2"], "maintenance revealed on deck 2")
    expect(10, ["COMM TERMINAL", "Captain Morrison", "Departure Clearance"], "the comm-terminal overlay")
    expect(13, ["CHARON", "Systems nominal."], "the CHARON dialog over the dashboard")
    expect(15, ["USCSS MORRIGAN", "LIFE SUPPORT", "DAMAGED", "40%"], not: ["Systems nominal."], "the dashboard")
    expect(17, ["STANDBY"], not: ["LIFE SUPPORT"], "back to standby")
  }
}

/// The player display's controller fed the original's stream, its REST reads answered from the fixture and its
/// portraits decoded from the fixture campaign's images.
struct OriginalWireSession {
  let wire: OriginalWire
  var controller = PlayerController(role: .player)
  /// The lines the display logged.
  var logs: [String] = []
  let now = ContinuousClock.now

  init() throws {
    wire = try OriginalWire()
    run(controller.start(hour: 21, minute: 7, now: now))
  }

  /// Folds `event` in, then answers what the display asks for.
  mutating func receive(_ event: SSEEvent) {
    run(controller.handle(.event(event), now: now))
  }

  /// The display's frame now.
  func frame(width: Int, height: Int) -> String {
    TextScreen.plain(PlayerFrame.render(controller.model, width: width, height: height, glyphs: .unicode))
  }

  /// Runs `effects` and those their answers call for.
  private mutating func run(_ effects: [PlayerEffect]) {
    var queue = effects
    while !queue.isEmpty {
      switch queue.removeFirst() {
      case .fetch(let resource):
        queue += controller.fetched(resource, wire.answer(resource.path), now: now)
      case .fetchPortrait(let source):
        queue += controller.portraitLoaded(source, Self.portrait(source))
      case .log(let line):
        logs.append(line)
      case .send, .repaint, .quit:
        break
      }
    }
  }

  /// The fixture campaign's image at the original's `/data/` path, decoded as the display does.
  static func portrait(_ source: PortraitSource) -> PortraitArt {
    let campaignData = OriginalWire.root.deletingLastPathComponent().appendingPathComponent("mothership-data")
    guard source.path.hasPrefix("/data/"),
      let bytes = try? Data(contentsOf: campaignData.appendingPathComponent(String(source.path.dropFirst(6)))),
      let image = try? PNGDecoder.decode(Array(bytes))
    else { return .unavailable }
    return .image(image.fitted(within: PortraitLoader.keptSide))
  }
}
