import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead gm console` in a detached tmux against a real in-process server: the GM's keys change the server's
/// state (checked over HTTP), and the players' display shows it.
@Suite(
  "GM console (curses in tmux)", .serialized,
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(if: TmuxScreen.executable != nil, "tmux is not installed (apt-get install tmux)"))
struct GMConsoleTests {
  /// The console on `base` in a 120×40 tmux pane, with its own config folder (`XDG_CONFIG_HOME`).
  static func console(_ base: String, config: URL) throws -> TmuxScreen {
    let executable = try #require(bulkheadExecutable).path
    return try TmuxScreen(
      [executable, "gm", "console", "--server", base], width: 120, height: 40,
      environment: [
        "LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "enable=no", "XDG_CONFIG_HOME": config.path,
      ])
  }

  /// A config folder whose credentials hold the harness's token for `server`.
  static func loggedInConfig(_ server: ServerHarness) throws -> URL {
    let config = try temporaryFolder()
    let folder = config.appendingPathComponent("bulkhead")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let credentials = JSONWriter.encode([server.base: ["token": .string(server.token), "expires_at": ""]])
    try Data(credentials).write(to: folder.appendingPathComponent("credentials"))
    return config
  }

  /// Polls the server's payload until `condition` holds (at most `timeout` seconds).
  @discardableResult
  static func waitForServer(
    _ server: ServerHarness, _ what: String, timeout: Double = 10, _ condition: (ActiveViewPayload) -> Bool
  ) async throws -> ActiveViewPayload {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let payload = try await server.payload()
      if condition(payload) { return payload }
      guard Date() < deadline else { throw HarnessError("the server never had \(what)") }
      try await Task.sleep(for: .milliseconds(100))
    }
  }

  /// The row of `slug` in the console's location list: the five views, then the locations with a map or terminals
  /// by path, as `GET /api/locations/` lists them.
  static func listRow(of slug: String, _ server: ServerHarness) async throws -> Int {
    let answer = try await server.get("/api/locations/")
    let listed = (answer.json["locations"]?.arrayValue ?? []).filter {
      $0["has_map"]?.boolValue == true || !($0["terminals"]?.arrayValue ?? []).isEmpty
    }
    let index = try #require(listed.firstIndex { $0["slug"]?.stringValue == slug })
    return 5 + index
  }

  @Test("keys change the server's state and the players' display shows it; a refusal shows the server's message")
  func drivesTheTable() async throws {
    try await ServerHarness.with { server in
      let players = try HeadlessDisplay(server: server.base)
      defer { players.stop() }
      let screen = try Self.console(server.base, config: try Self.loggedInConfig(server))
      defer { screen.kill() }
      try screen.waitFor("the console on STANDBY") { $0.contains("players see STANDBY") && $0.contains("Kestrel") }

      try screen.send("v")
      for _ in 0..<(try await Self.listRow(of: "kestrel_dawn", server)) { try screen.send("Down") }
      try screen.send("Enter")
      try await Self.waitForServer(server, "the encounter open") {
        $0.viewType == .encounter && $0.locationSlug == "kestrel_dawn"
      }
      try players.waitFor(text: "DECK 1/2")
      try screen.send("Escape")
      try screen.waitFor(text: "ROOM bridge")

      try screen.send("r")
      try await Self.waitForServer(server, "the bridge revealed") { $0.encounterRoomVisibility["bridge"] == true }
      try players.waitFor(text: "BRIDGE")
      try screen.waitFor(text: "done: reveal bridge")

      try screen.send("t")
      try screen.send("p")
      try screen.send("-l", "Ash")
      try screen.send("Enter")
      let placed = try await Self.waitForServer(server, "a token") { !$0.encounterTokens.isEmpty }
      let (id, token) = try #require(placed.encounterTokens.first)
      #expect(token.name == "Ash" && token.type == .player && token.x == 4 && token.y == 2 && token.roomID == "bridge")
      let before = try players.waitFor("the token") { PlayTests.position(of: "@", in: $0.text) != nil }
      let start = try #require(PlayTests.position(of: "@", in: before.text))

      try screen.waitFor(text: "TOKEN \(id)")
      try screen.send("m")
      try screen.send("Right")
      try screen.send("Right")
      try screen.send("Enter")
      try await Self.waitForServer(server, "the token moved") { $0.encounterTokens[id]?.x == 6 }
      try players.waitFor("the token moved") {
        PlayTests.position(of: "@", in: $0.text).map { $0 != start } ?? false
      }

      try screen.send("d")
      try await Self.waitForServer(server, "the door closed") { $0.encounterDoorStatus["d1_bridge_comms"] == .closed }

      let version = try await server.payload().version
      try screen.send("y")
      try screen.waitFor(text: "SHIP SYSTEMS")
      try screen.send("Enter")
      try screen.send("-l", "140")
      try screen.send("Enter")
      try screen.waitFor(text: "refused (400): condition must be between 0 and 100")
      let after = try await server.payload()
      #expect(after.version == version, "a refused action changes nothing")
      #expect(after.shipSystemOverrides.isEmpty)

      try screen.send("q")
      try screen.waitFor(text: "Quit the GM console? y/n")
      try screen.send("y")
      try screen.waitFor("the console gone", timeout: 10) { _ in !screen.isRunning }
    }
  }

  /// Types a mouse report as an xterm sends it (`ESC [ M` with the button and the 1-based cell, each plus 32):
  /// `button` 0 for a press of the first button, 3 for a release.
  static func mouse(_ screen: TmuxScreen, button: Int, row: Int, column: Int) throws {
    let bytes = [32 + button, 33 + column, 33 + row].compactMap(Unicode.Scalar.init).map(String.init).joined()
    try screen.send("-l", "\u{1B}[M" + bytes)
  }

  /// The row and column (in characters) where `text` first shows in `capture`.
  static func position(of text: String, in capture: String) -> (row: Int, column: Int)? {
    for (row, line) in capture.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if let range = line.range(of: text) { return (row, line.distance(from: line.startIndex, to: range.lowerBound)) }
    }
    return nil
  }

  @Test("a click on a fogged room reveals it; a drag moves a token")
  func mouseDrivesTheMap() async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      _ = try await server.gm("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
      let placed = try await server.gm(
        "/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":2,"y":2,"room_id":"bridge"}"#)
      let id = try #require(placed.json["token_id"]?.stringValue)
      let screen = try Self.console(server.base, config: try Self.loggedInConfig(server))
      defer { screen.kill() }
      let map = try screen.waitFor(text: "┌galley")
      let galley = try #require(Self.position(of: "┌galley", in: map))
      try Self.mouse(screen, button: 0, row: galley.row + 1, column: galley.column + 2)
      try Self.mouse(screen, button: 3, row: galley.row + 1, column: galley.column + 2)
      try await Self.waitForServer(server, "the galley revealed") { $0.encounterRoomVisibility["galley"] == true }
      let ash = try #require(PlayTests.position(of: "@", in: try screen.capture()))
      try Self.mouse(screen, button: 0, row: ash.row, column: ash.column)
      try Self.mouse(screen, button: 3, row: galley.row + 1, column: galley.column + 3)
      let moved = try await Self.waitForServer(server, "the token in the galley") {
        $0.encounterTokens[id]?.roomID == "galley"
      }
      #expect(moved.encounterTokens[id]?.name == "Ash")
    }
  }

  @Test("without a stored login the console asks for the user and password and stores the token")
  func logsInInTheConsole() async throws {
    try await ServerHarness.with { server in
      let config = try temporaryFolder()
      let screen = try Self.console(server.base, config: config)
      defer { screen.kill() }
      try screen.waitFor(text: "Log in: user")
      try screen.send("-l", ServerHarness.username)
      try screen.send("Enter")
      try screen.waitFor(text: "Password for gm")
      try screen.send("-l", ServerHarness.password)
      let typed = try screen.capture()
      #expect(!typed.contains(ServerHarness.password), "the password is not shown")
      try screen.send("Enter")
      try screen.waitFor(text: "logged in as gm")
      let stored = try String(
        contentsOf: config.appendingPathComponent("bulkhead/credentials"), encoding: .utf8)
      #expect(stored.contains(server.base))
      try screen.send("c")
      try screen.send("d")
      try await Self.waitForServer(server, "the CHARON dialog open") { $0.charonDialogOpen }
    }
  }

  @Test("stopping the server shows the GM banner before a player display with the default threshold shows its own")
  func bannerComesFirst() async throws {
    let server = try await ServerHarness.start(
      keepalive: .seconds(15), listenerBufferBytes: 64 * 1024, databaseFolder: nil, campaign: demoCampaign)
    let executable = try #require(bulkheadExecutable).path
    let players: TmuxScreen
    let screen: TmuxScreen
    do {
      players = try TmuxScreen(
        [executable, "play", "--server", server.base], width: 100, height: 30,
        environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "enable=no"])
      screen = try Self.console(server.base, config: try Self.loggedInConfig(server))
      try players.waitFor(text: "STANDBY")
      try screen.waitFor(text: "players see STANDBY")
    } catch {
      await server.stop()
      throw error
    }
    defer {
      screen.kill()
      players.kill()
    }
    await server.stop()
    try screen.waitFor(text: "CONNECTION LOST", timeout: 45)
    let playersThen = try players.capture()
    #expect(!playersThen.contains("CONNECTION LOST"), "the players' banner came first:\n\(playersThen)")
    let lost = try players.waitFor(text: "CONNECTION LOST", timeout: 90)
    #expect((PlayTests.attempt(in: lost) ?? 0) >= 5)
  }
}
