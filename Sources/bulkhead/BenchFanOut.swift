import AsyncHTTPClient
import BulkheadCore
import Foundation
import NIOCore
import SSEClient

/// Write → event latency: an in-process server on loopback, listeners reading its event stream over real sockets,
/// and GM token moves timed from just before each write to each listener's parser delivering its event.
struct BenchFanOut {
  let campaign: Campaign
  /// How many token moves are timed.
  let writes: Int
  /// How long to wait for one write's event to reach every listener before counting the rest as missed.
  static let deliveryLimit = Duration.seconds(5)

  /// Runs the measurement with `listeners` listeners on a fresh server.
  func run(listeners: Int) async throws -> BenchFigure {
    try Self.raiseFileLimit(to: listeners * 2 + 256)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulkhead-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try DemoServer(campaign: campaign, database: folder.appendingPathComponent("bench.sqlite").path)
    let port = try await server.start(port: 0)
    do {
      let figure = try await measure(base: "http://127.0.0.1:\(port)", server: server, listeners: listeners)
      await server.stop()
      return figure
    } catch {
      await server.stop()
      throw error
    }
  }

  private func measure(base: String, server: DemoServer, listeners: Int) async throws -> BenchFigure {
    let gm = HTTPJSONClient(server: base, token: try await server.login(base))
    let (tokenID, cells) = try await setUp(gm)
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: listeners)
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    let log = DeliveryLog()
    let readers = (0..<listeners).map { _ in Task { await Self.listen(base: base, client: client, log: log) } }
    defer { for reader in readers { reader.cancel() } }
    guard await Self.wait(upTo: .seconds(60), { log.listening == listeners }) else {
      throw CLIError("only \(log.listening) of \(listeners) listeners received their first event")
    }
    let firstVersion = log.lastVersion
    var starts: [Int: ContinuousClock.Instant] = [:]
    for index in 1...writes {
      let cell = cells[index % cells.count]
      let version = firstVersion + index
      starts[version] = .now
      _ = try await gm.post(
        Endpoint.moveToken.rawValue,
        body: ["token_id": .string(tokenID), "x": .int(cell.x), "y": .int(cell.y)])
      _ = await Self.wait(upTo: Self.deliveryLimit) { log.count(version) == listeners }
    }
    let latencies = starts.flatMap { version, start in log.arrivals(version).map { $0 - start } }
    for reader in readers { reader.cancel() }
    for reader in readers { await reader.value }
    try await client.shutdown()
    guard !latencies.isEmpty else { throw CLIError("no listener received any token move") }
    return BenchFigure(
      key: "latency.listeners_\(listeners)",
      label: "write -> event, \(listeners) listener\(listeners == 1 ? "" : "s"), \(writes) token moves",
      unit: "ms", durations: latencies, showsMax: true,
      counts: ["missed": listeners * writes - latencies.count, "event_bytes": log.eventBytes])
  }

  /// Opens the demo ship's ENCOUNTER with its rooms revealed, portraits shown and one token placed; returns the
  /// token's id and two cells of its room to move it between.
  private func setUp(_ gm: HTTPJSONClient) async throws -> (String, [(x: Int, y: Int)]) {
    guard let slug = BenchEncounter.shipSlug(in: campaign, preferred: "kestrel_dawn") else {
      throw CLIError("the campaign has no ship with a deck map")
    }
    let encounter = try BenchEncounter(campaign: campaign, locationSlug: slug)
    _ = try await gm.post(
      Endpoint.switchView.rawValue, body: ["view_type": "ENCOUNTER", "location_slug": .string(slug)])
    var room: Room?
    for command in encounter.commands {
      switch command {
      case .toggleRoom(let roomID, _):
        _ = try await gm.post(Endpoint.toggleRoom.rawValue, body: ["room_id": .string(roomID), "visible": true])
        room = room ?? encounter.deck.room(roomID)
      case .togglePortrait(let npcID):
        _ = try await gm.post(Endpoint.togglePortrait.rawValue, body: ["npc_id": .string(npcID)])
      default:
        break
      }
    }
    guard let room else { throw CLIError("the deck \(encounter.deck.id) has no room") }
    let cells = [(x: room.x, y: room.y), (x: room.x + room.width - 1, y: room.y + room.height - 1)]
    let placed = try await gm.post(
      Endpoint.placeToken.rawValue,
      body: ["type": "player", "name": "Bench", "x": .int(cells[0].x), "y": .int(cells[0].y)])
    guard let tokenID = placed["token_id"]?.stringValue else { throw CLIError("place-token answered no token_id") }
    return (tokenID, cells)
  }

  /// Reads the event stream until cancelled, logging when each event's version arrives.
  private static func listen(base: String, client: HTTPClient, log: DeliveryLog) async {
    var parser = SSEParser(maxEventBytes: 8 << 20)
    var listening = false
    do {
      let response = try await client.execute(
        HTTPClientRequest(url: base + "/api/active-view/stream/"), timeout: .hours(24))
      for try await buffer in response.body {
        let items = buffer.withUnsafeReadableBytes { parser.feed($0) }
        let now = ContinuousClock.now
        for case .event(let event) in items {
          guard let version = event.lastEventID.split(separator: ".").last.flatMap({ Int($0) }) else { continue }
          log.record(version: version, at: now, bytes: event.data.utf8.count, first: !listening)
          listening = true
        }
      }
    } catch {
      // Cancelled at the end of the run, or cut off: the log shows the deliveries that did not happen.
    }
  }

  /// Polls `condition` every millisecond until it holds or `limit` has passed; returns whether it holds.
  private static func wait(upTo limit: Duration, _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while !condition() {
      guard ContinuousClock.now < deadline else { return false }
      try? await Task.sleep(for: .milliseconds(1))
    }
    return true
  }

  /// Raises the soft limit on open files to at least `needed` (up to the hard limit).
  private static func raiseFileLimit(to needed: Int) throws {
    var limit = rlimit()
    guard getrlimit(Self.openFiles, &limit) == 0 else { return }
    guard limit.rlim_cur < rlim_t(needed) else { return }
    limit.rlim_cur = Swift.min(rlim_t(needed), limit.rlim_max)
    guard setrlimit(Self.openFiles, &limit) == 0, limit.rlim_cur >= rlim_t(needed) else {
      throw CLIError("cannot raise the open-file limit to \(needed) (hard limit \(limit.rlim_max))")
    }
  }

  #if os(Linux)
    private static let openFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    private static let openFiles = RLIMIT_NOFILE
  #endif
}
