import BulkheadCanvas
import BulkheadClient
import BulkheadCore
import BulkheadTUI

/// The scripted GM session of `bulkhead demo`: about a minute at speed 1 on the demo ship.
///
/// Standby; the encounter on the Kestrel Dawn with rooms revealed one by one; tokens placed and walked along the
/// corridors; doors opened and locked; statuses; two portraits; a deck switch; a CRITICAL broadcast; a ship system
/// damaged on the dashboard; then the server restarts (the display's banner comes and goes) and resumes the session:
/// the table comes back as the GM left it.
public struct DemoScript {
  /// The GM's authenticated client.
  public let gm: HTTPJSONClient
  /// Pauses are divided by this.
  public let speed: Double
  /// Stops the server, waits for the display's banner, starts the server again and waits for the display to
  /// follow it.
  public let restartServer: @Sendable () async throws -> Void

  /// A session written through `gm`, its pauses divided by `speed`, restarting the server with `restartServer`.
  public init(gm: HTTPJSONClient, speed: Double, restartServer: @escaping @Sendable () async throws -> Void) {
    self.gm = gm
    self.speed = speed
    self.restartServer = restartServer
  }

  /// Plays the session once.
  public func run() async throws {
    try await pause(3)
    try await send(.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""))
    try await pause(2)
    for room in ["bridge", "comms_array", "galley", "crew_berths"] {
      try await send(.toggleRoom(roomID: room, visible: true))
      try await pause(1.5)
    }
    let ash = try await place(.player, "Ash", x: 3, y: 2, room: "bridge")
    let kade = try await place(.player, "Kade", x: 5, y: 3, room: "bridge")
    _ = try await place(.npc, "Dr. Reyes", x: 14, y: 2, room: "comms_array")
    try await pause(2)
    for (x, y) in [(4, 4), (4, 5), (4, 6), (4, 8), (6, 9), (9, 9)] {
      try await send(.moveToken(id: ash, x: x, y: y, roomID: nil))
      try await pause(0.8)
    }
    try await send(.setDoorStatus(connectionID: "d1_bridge_galley", status: .locked))
    try await pause(1.5)
    try await send(.setDoorStatus(connectionID: "d1_berths_eva", status: .open))
    try await send(.toggleRoom(roomID: "eva_prep", visible: true))
    let thing = try await place(.creature, "Something", x: 23, y: 9, room: "eva_prep")
    try await pause(2)
    try await send(.updateTokenStatus(id: kade, status: ["wounded"]))
    try await send(.updateTokenStatus(id: thing, status: ["panicked"]))
    try await pause(2)
    for npc in ["imre_sallow", "oona_reyes"] {
      try await send(.togglePortrait(npcID: npc))
      try await pause(2)
    }
    try await send(.switchLevel(level: 2, deckID: "deck_2"))
    try await send(.toggleRoom(roomID: "spine_base", visible: true))
    try await send(.toggleRoom(roomID: "reactor", visible: true))
    try await pause(3)
    try await send(
      .broadcast(content: "HULL BREACH ON DECK 2. SEAL THE COOLANT LOOP.", sender: "CHARON", priority: .critical))
    try await pause(5)
    try await send(
      .setShipSystem(system: "engines", ShipSystemOverride(status: .damaged, condition: 35, info: "Coolant leak")))
    try await send(.switchView(.shipDashboard, locationSlug: "", viewSlug: ""))
    try await pause(5)
    try await restartServer()
    try await pause(3)
  }

  /// Waits `seconds` divided by the speed.
  private func pause(_ seconds: Double) async throws {
    try await Task.sleep(for: .milliseconds(Int(seconds * 1000 / speed)))
  }

  /// One GM write and its answer.
  @discardableResult
  private func send(_ command: Command) async throws -> JSONValue {
    do {
      return try await gm.send(command)
    } catch {
      throw BenchError("the demo's GM write \(command.endpoint.rawValue) failed: \(error)")
    }
  }

  /// Places a token and returns its id.
  private func place(_ type: Token.Kind, _ name: String, x: Int, y: Int, room: String) async throws -> String {
    let answer = try await send(.placeToken(Token(type: type, name: name, x: x, y: y, roomID: room)))
    guard let id = answer["token_id"]?.stringValue else { throw BenchError("the server gave the token no id") }
    return id
  }
}
