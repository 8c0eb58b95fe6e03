import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead play --headless` against a real server: the display as a player's screen shows it.
@Suite(
  "Player display (headless)", .serialized,
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct PlayTests {
  @Test("STANDBY names the ship; a revealed room appears; a token moves; fog hides a creature until revealed")
  func followsTheGM() async throws {
    try await ServerHarness.with { server in
      let display = try HeadlessDisplay(server: server.base)
      defer { display.stop() }
      try display.waitFor(text: "MSV Kestrel Dawn")
      let standby = try display.waitFor(text: "STANDBY")
      #expect(standby.text.contains("MSV Kestrel Dawn"))

      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let fogged = try display.waitFor(text: "DECK 1/2")
      #expect(!fogged.text.contains("BRIDGE"))
      _ = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
      let revealed = try display.waitFor(text: "BRIDGE")
      #expect(!revealed.text.contains("MEDBAY"))

      let placed = try await server.gm(
        "/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":2,"y":2,"room_id":"bridge"}"#)
      let tokenID = try #require(placed.json["token_id"]?.stringValue)
      let first = try display.waitFor("a player token") { Self.position(of: "@", in: $0.text) != nil }
      let start = try #require(Self.position(of: "@", in: first.text))
      _ = try await server.gm(
        "/api/gm/encounter/move-token/", #"{"token_id":"\#(tokenID)","x":5,"y":3,"room_id":"bridge"}"#)
      let moved = try display.waitFor("the token moved") {
        Self.position(of: "@", in: $0.text).map { $0 != start } ?? false
      }
      let end = try #require(Self.position(of: "@", in: moved.text))
      #expect(end.column > start.column)
      #expect(end.row > start.row)

      _ = try await server.gm("/api/gm/encounter/place-token/", #"{"type":"creature","name":"Thing","x":23,"y":9}"#)
      _ = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"galley","visible":true}"#)
      let later = try display.waitFor(text: "GALLEY")
      let creatures = { (text: String) in text.filter { $0 == "M" }.count }
      #expect(creatures(later.text) == creatures(moved.text), "a creature in a fogged room must not show")
      _ = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"eva_prep","visible":true}"#)
      let shown = try display.waitFor(text: "EVA PREP")
      #expect(
        creatures(shown.text) == creatures(moved.text) + 2,
        "revealing its room shows the creature on the map and in the token key under it")
      #expect(shown.text.contains("M Thing"), "the key names it")
    }
  }

  @Test("a revealed NPC's portrait is fetched from /data/ and drawn as text art with the name and role")
  func portraitIsDrawn() async throws {
    try await ServerHarness.with { server in
      let display = try HeadlessDisplay(server: server.base)
      defer { display.stop() }
      try display.waitFor(text: "STANDBY")
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      _ = try await server.gm("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"imre_sallow"}"#)
      let card = try display.waitFor("the portrait drawn") {
        $0.text.contains("Ship Captain") && $0.text.contains("==")
      }
      #expect(card.text.contains("Captain Imre Sallow"))
      #expect(!card.text.contains("│ IS │"), "the picture replaces the initials")
      _ = try await server.gm("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"tomas_greer"}"#)
      let placeholder = try display.waitFor(text: "│ TG │")
      #expect(placeholder.text.contains("=="), "the first portrait stays")
      _ = try await server.gm("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"ansel_mott"}"#)
      let drawn = try display.waitFor(text: "| o  o |")
      #expect(drawn.text.contains("Relay Keeper"), "the hand-drawn portrait_text with its caption")
    }
  }

  @Test("the banner shows only after the failure threshold, and goes when the server is back")
  func bannerAfterThreshold() async throws {
    let folder = try temporaryFolder()
    let first = try await ServerHarness.start(
      keepalive: .seconds(15), listenerBufferBytes: 64 * 1024, databaseFolder: folder, campaign: demoCampaign)
    let port = Int(first.base.split(separator: ":").last ?? "") ?? 0
    let display = try HeadlessDisplay(server: first.base, arguments: ["--failure-threshold", "2"])
    defer { display.stop() }
    do {
      try display.waitFor(text: "STANDBY")
      await first.stop()
    } catch {
      await first.stop()
      throw error
    }
    let lost = try display.waitFor(text: "CONNECTION LOST", timeout: 40)
    let attempt = try #require(Self.attempt(in: lost.text))
    #expect(attempt >= 2, "the banner must wait for 2 failures: \(lost.text)")
    try await ServerHarness.with(databaseFolder: folder, port: port) { _ in
      let restored = try display.waitFor("the banner gone and STANDBY drawn", timeout: 20) {
        !$0.text.contains("CONNECTION LOST") && $0.text.contains("STANDBY")
      }
      #expect(restored.text.contains("MSV Kestrel Dawn"))
    }
  }

  /// The row and column of the first `glyph` in `text`.
  @Test("--kiosk without a terminal refuses at once with a readable message and a non-zero exit; no frame")
  func kioskWithoutTerminal() throws {
    // `--frames 1` bounds the run: a display that took the headless path instead would end after one frame.
    for extra in [[], ["--headless"]] {
      let run = try BulkheadRun(["play", "--kiosk", "--server", "http://127.0.0.1:9", "--frames", "1"] + extra)
      #expect(run.status != 0, "\(extra): \(run.out)")
      #expect(run.err.contains("kiosk needs a terminal: ssh -t"), "\(extra): \(run.err)")
      #expect(!run.out.contains("--- frame"), "\(extra): \(run.out)")
    }
  }

  static func position(of glyph: Character, in text: String) -> (row: Int, column: Int)? {
    for (row, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if let index = line.firstIndex(of: glyph) { return (row, line.distance(from: line.startIndex, to: index)) }
    }
    return nil
  }

  /// The attempt number in a banner `… (attempt N…`.
  static func attempt(in text: String) -> Int? {
    guard let range = text.range(of: "(attempt ") else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
  }
}
