import BulkheadCore
import BulkheadTUI

/// The scripted GM session of `bulkhead demo`: about a minute at speed 1 on the demo ship.
///
/// Standby; the encounter on the Kestrel Dawn with rooms revealed one by one; tokens placed and walked along the
/// corridors; doors opened and locked; statuses; two portraits; a deck switch; a CRITICAL broadcast; a ship system
/// damaged on the dashboard; then the server restarts (the display's banner comes and goes) and resumes the session:
/// the table comes back as the GM left it.
struct DemoScript {
  /// The GM's authenticated client.
  let gm: HTTPJSONClient
  /// Pauses are divided by this.
  let speed: Double
  /// Stops the server, waits for the display's banner, starts the server again and waits for the display to
  /// follow it.
  let restartServer: @Sendable () async throws -> Void

  /// Plays the session once.
  func run() async throws {
    try await pause(3)
    try await write("switch-view", ["view_type": "ENCOUNTER", "location_slug": "kestrel_dawn"])
    try await pause(2)
    for room in ["bridge", "comms_array", "galley", "crew_berths"] {
      try await write("encounter/toggle-room", ["room_id": .string(room), "visible": true])
      try await pause(1.5)
    }
    let ash = try await place("player", "Ash", x: 3, y: 2, room: "bridge")
    let kade = try await place("player", "Kade", x: 5, y: 3, room: "bridge")
    _ = try await place("npc", "Dr. Reyes", x: 14, y: 2, room: "comms_array")
    try await pause(2)
    for (x, y) in [(4, 4), (4, 5), (4, 6), (4, 8), (6, 9), (9, 9)] {
      try await write("encounter/move-token", ["token_id": .string(ash), "x": .int(x), "y": .int(y)])
      try await pause(0.8)
    }
    try await write("encounter/set-door-status", ["connection_id": "d1_bridge_galley", "door_status": "LOCKED"])
    try await pause(1.5)
    try await write("encounter/set-door-status", ["connection_id": "d1_berths_eva", "door_status": "OPEN"])
    try await write("encounter/toggle-room", ["room_id": "eva_prep", "visible": true])
    let thing = try await place("creature", "Something", x: 23, y: 9, room: "eva_prep")
    try await pause(2)
    try await write("encounter/update-token-status", ["token_id": .string(kade), "status": ["wounded"]])
    try await write("encounter/update-token-status", ["token_id": .string(thing), "status": ["panicked"]])
    try await pause(2)
    for npc in ["imre_sallow", "oona_reyes"] {
      try await write("encounter/toggle-portrait", ["npc_id": .string(npc)])
      try await pause(2)
    }
    try await write("encounter/switch-level", ["level": 2, "deck_id": "deck_2"])
    try await write("encounter/toggle-room", ["room_id": "spine_base", "visible": true])
    try await write("encounter/toggle-room", ["room_id": "reactor", "visible": true])
    try await pause(3)
    try await write(
      "broadcast",
      ["content": "HULL BREACH ON DECK 2. SEAL THE COOLANT LOOP.", "sender": "CHARON", "priority": "CRITICAL"])
    try await pause(5)
    try await write(
      "ship-status/toggle", ["system": "engines", "status": "DAMAGED", "condition": 35, "info": "Coolant leak"])
    try await write("switch-view", ["view_type": "SHIP_DASHBOARD"])
    try await pause(5)
    try await restartServer()
    try await pause(3)
  }

  /// Waits `seconds` divided by the speed.
  private func pause(_ seconds: Double) async throws {
    try await Task.sleep(for: .milliseconds(Int(seconds * 1000 / speed)))
  }

  /// One GM write (`/api/gm/<path>/`) and its answer.
  @discardableResult
  private func write(_ path: String, _ body: JSONValue) async throws -> JSONValue {
    do {
      return try await gm.post("/api/gm/\(path)/", body: body)
    } catch {
      throw CLIError("the demo's GM write \(path) failed: \(error)")
    }
  }

  /// Places a token and returns its id.
  private func place(_ type: String, _ name: String, x: Int, y: Int, room: String) async throws -> String {
    let answer = try await write(
      "encounter/place-token",
      ["type": .string(type), "name": .string(name), "x": .int(x), "y": .int(y), "room_id": .string(room)])
    guard let id = answer["token_id"]?.stringValue else { throw CLIError("the server gave the token no id") }
    return id
  }
}
