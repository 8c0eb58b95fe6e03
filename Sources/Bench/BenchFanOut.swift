import AsyncHTTPClient
import BulkheadClient
import BulkheadCore
import BulkheadServer
import Foundation
import NIOCore
import SSEClient

/// Write → event latency: an in-process server on loopback, listeners reading its event stream over real sockets,
/// and GM token moves timed from just before each write to each listener's parser delivering its event.
public struct BenchFanOut {
  public let campaign: Campaign
  /// How many token moves are timed.
  public let writes: Int
  /// Whether the listeners read the lean stream (`?compact=1`) rather than the default one.
  public var lean = false
  /// How long to wait for one write's event to reach every listener before counting the rest as missed.
  public static let deliveryLimit = Duration.seconds(5)

  /// Runs the measurement with `listeners` listeners on a fresh server.
  public func run(listeners: Int) async throws -> BenchFigure {
    try OpenFileLimit.raise(to: listeners * 2 + 256)
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
    let scene = try await BenchScene.open(campaign: campaign, gm: gm)
    let room = scene.room
    let cells = [(x: room.x, y: room.y), (x: room.x + room.width - 1, y: room.y + room.height - 1)]
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: listeners)
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    let log = DeliveryLog()
    let url = base + "/api/active-view/stream/" + (lean ? "?compact=1" : "")
    let readers = (0..<listeners).map { _ in Task { await Self.listen(url: url, client: client, log: log) } }
    defer { for reader in readers { reader.cancel() } }
    guard await Self.wait(upTo: .seconds(60), { log.listening == listeners }) else {
      throw BenchError("only \(log.listening) of \(listeners) listeners received their first event")
    }
    let firstVersion = log.lastVersion
    var starts: [Int: ContinuousClock.Instant] = [:]
    for index in 1...writes {
      let cell = cells[index % cells.count]
      let version = firstVersion + index
      starts[version] = .now
      try await scene.moveToken(x: cell.x, y: cell.y, gm: gm)
      _ = await Self.wait(upTo: Self.deliveryLimit) { log.count(version) == listeners }
    }
    let latencies = starts.flatMap { version, start in log.arrivals(version).map { $0 - start } }
    for reader in readers { reader.cancel() }
    for reader in readers { await reader.value }
    try await client.shutdown()
    guard !latencies.isEmpty else { throw BenchError("no listener received any token move") }
    return BenchFigure(
      key: (lean ? "latency.lean.listeners_" : "latency.listeners_") + "\(listeners)",
      label: "write -> event, \(listeners) listener\(listeners == 1 ? "" : "s")\(lean ? " (lean stream)" : ""), "
        + "\(writes) token moves",
      unit: "ms", durations: latencies, showsMax: true,
      counts: ["missed": listeners * writes - latencies.count, "event_bytes": log.eventBytes])
  }

  /// The version an event of Bulkhead's stream carries, from its id `<epoch>.<version>`.
  public static let version: @Sendable (SSEEvent) -> Int? = { event in
    event.lastEventID.split(separator: ".").last.flatMap { Int($0) }
  }

  /// Reads the event stream until cancelled, logging when each event's number (by default its version) arrives.
  public static func listen(
    url: String, client: HTTPClient, log: DeliveryLog, number: @Sendable (SSEEvent) -> Int? = version
  ) async {
    var parser = SSEParser(maxEventBytes: 8 << 20)
    var listening = false
    do {
      var request = HTTPClientRequest(url: url)
      // nchan serves its EventSource subscriber only to requests that ask for one.
      request.headers.add(name: "Accept", value: "text/event-stream")
      let response = try await client.execute(request, timeout: .hours(24))
      for try await buffer in response.body {
        let items = buffer.withUnsafeReadableBytes { parser.feed($0) }
        let now = ContinuousClock.now
        for case .event(let event) in items {
          guard let value = number(event) else { continue }
          log.record(version: value, at: now, bytes: event.data.utf8.count, first: !listening)
          listening = true
        }
      }
    } catch {
      // Cancelled at the end of the run, or cut off: the log shows the deliveries that did not happen.
    }
  }

  /// Polls `condition` every millisecond until it holds or `limit` has passed; returns whether it holds.
  public static func wait(upTo limit: Duration, _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while !condition() {
      guard ContinuousClock.now < deadline else { return false }
      try? await Task.sleep(for: .milliseconds(1))
    }
    return true
  }
}
