import AsyncHTTPClient
import BulkheadClient
import BulkheadCore
import BulkheadServer
import Foundation
import Logging

/// The cluster figures: two in-process servers on one PostgreSQL database, listeners on each, GM token moves on
/// the first; the time from just before each write to each listener's parser delivering its event, on the writing
/// server and on the other one, and the writes per second one GM gets through PostgreSQL.
public struct BenchCluster {
  public let campaign: Campaign
  /// The scratch database (its session of the demo campaign is started over).
  public let url: String
  /// Listeners on each server.
  public let listenersPerServer: Int
  /// Timed token moves.
  public let writes: Int

  public func run() async throws -> [BenchFigure] {
    try OpenFileLimit.raise(to: listenersPerServer * 4 + 256)
    var logger = Logger(label: "bulkhead-bench")
    logger.logLevel = .error
    var servers: [(server: BulkheadServer, task: Task<Void, any Error>, base: String)] = []
    defer { for entry in servers { entry.server.stop() } }
    for index in 0..<2 {
      let configuration = ServerConfiguration(
        host: "127.0.0.1", port: 0, campaign: campaign, databasePath: "", listenerBufferBytes: 4 * 1024 * 1024,
        newSession: index == 0, cluster: url)
      let server: BulkheadServer
      do {
        server = try await BulkheadServer(configuration: configuration, logger: logger)
      } catch {
        throw BenchError("cannot open the cluster database for the bench: \(error)")
      }
      let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
      let task = Task {
        defer { continuation.finish() }
        try await server.run { continuation.yield($0) }
      }
      var iterator = ports.makeAsyncIterator()
      guard let port = await iterator.next() else { throw BenchError("a cluster bench server did not start") }
      servers.append((server, task, "http://127.0.0.1:\(port)"))
    }
    let password = UUID().uuidString
    try await servers[0].server.accounts.setAccount(username: "bench-gm", password: password)
    let login = try await HTTPJSONClient(server: servers[0].base).post(
      "/api/auth/login", body: ["username": "bench-gm", "password": .string(password)])
    guard let token = login["token"]?.stringValue else { throw BenchError("the bench GM could not log in") }
    let figures = try await measure(
      bases: servers.map(\.base), gm: HTTPJSONClient(server: servers[0].base, token: token))
    for entry in servers {
      entry.server.stop()
      _ = await entry.task.result
    }
    return figures
  }

  private func measure(bases: [String], gm: HTTPJSONClient) async throws -> [BenchFigure] {
    let scene = try await BenchScene.open(campaign: campaign, gm: gm)
    let room = scene.room
    let cells = [(x: room.x, y: room.y), (x: room.x + room.width - 1, y: room.y + room.height - 1)]
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: listenersPerServer)
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    let logs = bases.map { _ in DeliveryLog() }
    var readers: [Task<Void, Never>] = []
    for (base, log) in zip(bases, logs) {
      let url = base + "/api/active-view/stream/"
      readers += (0..<listenersPerServer).map { _ in
        Task { await BenchFanOut.listen(url: url, client: client, log: log) }
      }
    }
    defer { for reader in readers { reader.cancel() } }
    let expected = listenersPerServer
    guard await BenchFanOut.wait(upTo: .seconds(60), { logs.allSatisfy { $0.listening == expected } }) else {
      throw BenchError("only \(logs.map(\.listening)) of \(listenersPerServer) listeners per server started")
    }
    let firstVersion = logs.map(\.lastVersion).max() ?? 0
    var starts: [Int: ContinuousClock.Instant] = [:]
    var roundTrips: [Duration] = []
    let clock = ContinuousClock()
    for index in 1...writes {
      let cell = cells[index % cells.count]
      let version = firstVersion + index
      let start = clock.now
      starts[version] = start
      try await scene.moveToken(x: cell.x, y: cell.y, gm: gm)
      roundTrips.append(start.duration(to: clock.now))
      _ = await BenchFanOut.wait(upTo: BenchFanOut.deliveryLimit) { logs.allSatisfy { $0.count(version) == expected } }
    }
    // Writes back to back, nobody waiting for the listeners: what one GM gets through PostgreSQL.
    let burst = Swift.max(writes, 100)
    let burstStart = clock.now
    for index in 0..<burst {
      let cell = cells[index % cells.count]
      try await scene.moveToken(x: cell.x, y: cell.y, gm: gm)
    }
    let burstSeconds = burstStart.duration(to: clock.now).seconds
    for reader in readers { reader.cancel() }
    for reader in readers { await reader.value }
    try await client.shutdown()
    func latencies(_ log: DeliveryLog) -> [Duration] {
      starts.flatMap { version, start in log.arrivals(version).map { $0 - start } }
    }
    let own = latencies(logs[0])
    let other = latencies(logs[1])
    guard !own.isEmpty, !other.isEmpty else { throw BenchError("no cluster listener received any token move") }
    let total = "2×\(listenersPerServer)"
    return [
      BenchFigure(
        key: "cluster.latency.same_server", label: "cluster \(total): write on A -> event on A, \(writes) moves",
        unit: "ms", durations: own, showsMax: true, counts: ["missed": listenersPerServer * writes - own.count]),
      BenchFigure(
        key: "cluster.latency.other_server", label: "cluster \(total): write on A -> event on B, \(writes) moves",
        unit: "ms", durations: other, showsMax: true, counts: ["missed": listenersPerServer * writes - other.count]),
      BenchFigure(
        key: "cluster.write", label: "cluster: GM write round trip through PostgreSQL", unit: "ms",
        durations: roundTrips, counts: ["writes_per_second": Int((Double(burst) / burstSeconds).rounded())]),
    ]
  }
}
