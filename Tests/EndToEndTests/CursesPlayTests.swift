import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead play` drawing with curses in a detached tmux against a real server: what a player at the table sees.
@Suite(
  "Player display (curses in tmux)", .serialized,
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(if: TmuxScreen.executable != nil, "tmux is not installed (apt-get install tmux)"))
struct CursesPlayTests {
  /// The display in a tmux pane; with `quietCrashes` the Swift runtime's interactive crash report is off.
  static func display(
    _ base: String, width: Int = 100, height: Int = 30, _ extra: [String] = [], quietCrashes: Bool = true
  ) throws -> TmuxScreen {
    let executable = try #require(bulkheadExecutable).path
    var environment = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
    if quietCrashes { environment["SWIFT_BACKTRACE"] = "enable=no" }
    return try TmuxScreen(
      [executable, "play", "--server", base] + extra, width: width, height: height, environment: environment)
  }

  @Test("a revealed room appears, a token moves, resizing re-lays out, q quits")
  func followsTheGM() async throws {
    try await ServerHarness.with { server in
      let screen = try Self.display(server.base)
      defer { screen.kill() }
      try screen.waitFor(text: "MSV Kestrel Dawn")
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let fogged = try screen.waitFor(text: "DECK 1/2")
      #expect(!fogged.contains("BRIDGE"))
      _ = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
      try screen.waitFor(text: "BRIDGE")
      let placed = try await server.gm(
        "/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":2,"y":2,"room_id":"bridge"}"#)
      let tokenID = try #require(placed.json["token_id"]?.stringValue)
      let before = try screen.waitFor("a player token") { PlayTests.position(of: "@", in: $0) != nil }
      let start = try #require(PlayTests.position(of: "@", in: before))
      _ = try await server.gm(
        "/api/gm/encounter/move-token/", #"{"token_id":"\#(tokenID)","x":5,"y":3,"room_id":"bridge"}"#)
      try screen.waitFor("the token moved") { PlayTests.position(of: "@", in: $0).map { $0 != start } ?? false }

      try screen.resize(width: 50, height: 15)
      try screen.waitFor(text: "terminal too small")
      try screen.resize(width: 120, height: 40)
      let wide = try screen.waitFor(text: "BRIDGE")
      #expect(wide.split(separator: "\n", omittingEmptySubsequences: false).count >= 40)

      try screen.send("q")
      let deadline = Date().addingTimeInterval(5)
      while screen.isRunning, Date() < deadline { usleep(50_000) }
      #expect(!screen.isRunning, "q must end the display")
    }
  }

  @Test("a portrait is drawn in 256-colour half blocks")
  func portraitInHalfBlocks() async throws {
    try await ServerHarness.with { server in
      let screen = try Self.display(server.base)
      defer { screen.kill() }
      try screen.waitFor(text: "STANDBY")
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      _ = try await server.gm("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"oona_reyes"}"#)
      let drawn = try screen.waitFor("half blocks") { $0.contains("Ship Medic") && $0.contains("▀") }
      #expect(drawn.filter { $0 == "▀" || $0 == "▄" }.count >= 50)
      let coloured = try screen.capture(escapes: true)
      #expect(coloured.contains("48;5;"), "picture cells carry 256-colour backgrounds")
    }
  }

  /// Run with the Swift runtime's crash report on: it would hold the process for 30 s on an unhandled SIGQUIT.
  @Test(
    "SIGTERM, SIGHUP and SIGQUIT end the display and close its pane",
    arguments: [
      SIGTERM, SIGHUP, SIGQUIT,
    ])
  func signalsEndTheDisplay(_ signal: Int32) async throws {
    try await ServerHarness.with { server in
      let screen = try Self.display(server.base, quietCrashes: false)
      defer { screen.kill() }
      try screen.waitFor(text: "STANDBY")
      let pid = try screen.panePID()
      let sent = Date()
      kill(pid, signal)
      while !Self.hasExited(pid), Date().timeIntervalSince(sent) < 5 { usleep(5_000) }
      let seconds = Date().timeIntervalSince(sent)
      #expect(Self.hasExited(pid), "the display still runs \(seconds) s after signal \(signal)")
      try screen.waitFor("the pane closed", timeout: 10) { _ in !screen.isRunning }
      #expect(!screen.isRunning, "the pane closes with the display")
    }
  }

  /// Whether process `pid` has exited: gone, or a zombie its parent (the tmux server) has not reaped yet.
  static func hasExited(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    guard let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }

  @Test("the banner appears only after the threshold, then goes and the same table is back with the server")
  func bannerAndRecovery() async throws {
    let folder = try temporaryFolder()
    let first = try await ServerHarness.start(
      keepalive: .seconds(15), listenerBufferBytes: 64 * 1024, databaseFolder: folder, campaign: demoCampaign)
    let port = Int(first.base.split(separator: ":").last ?? "") ?? 0
    let screen: TmuxScreen
    do {
      screen = try Self.display(first.base, ["--failure-threshold", "3"])
      try screen.waitFor(text: "STANDBY")
      _ = try await first.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      _ = try await first.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
      try screen.waitFor(text: "BRIDGE")
      await first.stop()
    } catch {
      await first.stop()
      throw error
    }
    defer { screen.kill() }
    let lost = try screen.waitFor(text: "CONNECTION LOST", timeout: 45)
    let attempt = try #require(PlayTests.attempt(in: lost))
    #expect(attempt >= 3, "the banner must wait for 3 failures: \(lost)")
    #expect(lost.contains("BRIDGE"), "the last state stays on screen under the banner")
    try await ServerHarness.with(databaseFolder: folder, port: port) { _ in
      // The restarted server resumes the session: the revealed bridge, not STANDBY.
      let back = try screen.waitFor("the banner gone and the bridge drawn", timeout: 20) {
        !$0.contains("CONNECTION LOST") && $0.contains("BRIDGE")
      }
      #expect(!back.contains("STANDBY"))
    }
  }
}
