import BulkheadClient
import BulkheadCore
import BulkheadTUI
import Foundation

/// Terminal bytes: `bulkhead play` with curses on a 100x30 pseudo-terminal (TERM=xterm-256color, UTF-8), showing the
/// demo ship's ENCOUNTER from a `bulkhead serve` child; the bytes the display writes for one token move of one cell
/// and for one door change — what a player's terminal receives over SSH.
public struct BenchTerminalBytes {
  public let campaign: Campaign
  /// How many token moves, and how many door changes, are counted.
  public let samples: Int
  public static let width = 100
  public static let height = 30
  /// Output stops counting for an update after this long without a byte.
  public static let quiet = Duration.milliseconds(300)

  /// Runs the measurement and returns the figures `terminal.token_move` and `terminal.door_change`.
  public func run() async throws -> [BenchFigure] {
    let server = try await BenchServerProcess(campaign: campaign)
    defer { server.stop() }
    let gm = try await server.gm()
    let scene = try await BenchScene.open(campaign: campaign, gm: gm)
    let door = try await openDoor(of: scene, gm: gm)
    let display = try BenchPseudoTerminal(
      executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path,
      arguments: ["play", "--server", server.base, "--theme", ThemeLibrary.defaultName],
      environment: Self.environment(), width: Self.width, height: Self.height)
    defer { display.end(within: .seconds(5)) }
    let firstPaint = display.readUntilQuiet(quiet: .milliseconds(500), limit: .seconds(30))
    let shown = String(decoding: firstPaint, as: UTF8.self)
    guard shown.contains(scene.room.name) else {
      let tail = shown.suffix(400).replacingOccurrences(of: "\u{1B}", with: "^[")
      throw BenchError("the display on the pseudo-terminal did not draw the ENCOUNTER; it wrote at the end: \(tail)")
    }
    let room = scene.room
    let cells = room.width > 1 ? [(room.x + 1, room.y), (room.x, room.y)] : [(room.x, room.y + 1), (room.x, room.y)]
    var moves: [[UInt8]] = []
    var changes: [[UInt8]] = []
    for index in 0..<samples {
      let cell = cells[index % 2]
      moves.append(try await update(display) { try await scene.moveToken(x: cell.0, y: cell.1, gm: gm) })
      let status: DoorStatus = index % 2 == 0 ? .closed : .open
      changes.append(try await update(display) { try await Self.setDoor(door.id, status, gm: gm) })
    }
    display.type("q")
    return [
      figure(
        key: "terminal.token_move", label: "terminal bytes, one token move of one cell, 100x30 curses", moves,
        firstPaint: firstPaint.count),
      figure(
        key: "terminal.door_change", label: "terminal bytes, one door OPEN <-> CLOSED, 100x30 curses", changes,
        firstPaint: firstPaint.count),
    ]
  }

  /// A figure of the byte counts, with the first paint's size and, for the median update, how many of its bytes
  /// are cursor moves, colour and attribute changes (SGR), other escape sequences and text.
  private func figure(key: String, label: String, _ updates: [[UInt8]], firstPaint: Int) -> BenchFigure {
    let median = updates.sorted { $0.count < $1.count }[(updates.count - 1) / 2]
    var counts = BenchEscapeBreakdown(median).counts
    counts["first_paint_bytes"] = firstPaint
    return BenchFigure(
      key: key, label: label, unit: "B", values: updates.map { Double($0.count) }, showsMax: true, counts: counts)
  }

  /// Runs one GM write and returns the bytes the display writes for it. Waits first when the display's clock is
  /// about to turn to the next minute, so no sample counts a clock redraw.
  private func update(_ display: BenchPseudoTerminal, _ write: () async throws -> Void) async throws -> [UInt8] {
    let second = Calendar.current.component(.second, from: Date())
    if second >= 58 { try await Task.sleep(for: .seconds(61 - second)) }
    _ = display.readUntilQuiet(quiet: .milliseconds(20), limit: .milliseconds(20))
    try await write()
    return display.readUntilQuiet(quiet: Self.quiet, limit: .seconds(5))
  }

  /// Picks the first door of the shown deck that is open or closed on the map (preferring a standard one), shows
  /// both its rooms and opens it.
  private func openDoor(of scene: BenchScene, gm: HTTPJSONClient) async throws -> Connection {
    let doors = scene.encounter.deck.connections.filter { [.open, .closed].contains($0.doorStatus) }
    guard let door = doors.first(where: { $0.doorType == "standard" }) ?? doors.first else {
      throw BenchError("the deck \(scene.encounter.deck.id) has no door that opens and closes")
    }
    try await BenchScene.reveal(door.from, gm: gm)
    try await BenchScene.reveal(door.to, gm: gm)
    try await Self.setDoor(door.id, .open, gm: gm)
    return door
  }

  private static func setDoor(_ id: String, _ status: DoorStatus, gm: HTTPJSONClient) async throws {
    _ = try await gm.send(.setDoorStatus(connectionID: id, status: status))
  }

  /// The display's environment: this process's, with the terminal set to a UTF-8 xterm-256color of 100x30 and
  /// nothing that would change what it draws (`LC_*`, `NO_COLOR`).
  private static func environment() -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { name, _ in
      !name.hasPrefix("LC_") && name != "NO_COLOR"
    }
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment["COLUMNS"] = String(width)
    environment["LINES"] = String(height)
    return environment
  }
}
