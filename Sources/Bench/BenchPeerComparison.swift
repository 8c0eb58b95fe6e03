import AsyncHTTPClient
import BulkheadClient
import BulkheadCore
import BulkheadServer
import Foundation
import SSEClient

/// `bulkhead bench --peer nchan`: the fan-out figures of Bulkhead and of nginx + nchan, measured in one run on the
/// same loopback harness with events of the same size, the two servers taking turns, and each figure's ratio.
public struct BenchPeerComparison {
  public let campaign: Campaign
  /// Writes timed per run.
  public let writes: Int
  /// The listener counts measured.
  public let listenerCounts: [Int]
  /// How many times each server is measured at each count (they alternate).
  public let rounds: Int
  /// Whether nginx with nchan is measured; without it Bulkhead runs alone.
  public let withPeer: Bool

  /// One server's figures for one listener count, one round.
  public struct Run {
    var p50: Double
    var p99: Double
    var cpuPerWrite: Double
    var missed: Int
    /// Resident memory per open stream in KiB (measured with the most listeners only).
    var memoryPerStream: Double?
  }

  /// Runs every round and returns the table.
  public func run() async throws -> String {
    try OpenFileLimit.raise(to: (listenerCounts.max() ?? 1) * 4 + 256)
    let eventBytes = try await Self.bulkheadEventBytes(campaign)
    var results: [String: [Int: [Run]]] = [:]
    for listeners in listenerCounts {
      for _ in 0..<rounds {
        for makeTarget in targets(eventBytes: eventBytes) {
          let target = try await makeTarget()
          defer { target.stop() }
          let run = try await measure(target, listeners: listeners, memory: listeners == listenerCounts.max())
          results[target.name, default: [:]][listeners, default: []].append(run)
        }
      }
    }
    return table(results, eventBytes: eventBytes)
  }

  private func targets(eventBytes: Int) -> [() async throws -> any BenchFanOutTarget] {
    let campaign = campaign
    var makers: [() async throws -> any BenchFanOutTarget] = [{ try await BenchBulkheadTarget(campaign: campaign) }]
    if withPeer { makers.append { try await BenchNchanTarget(eventBytes: eventBytes) } }
    return makers
  }

  /// The size of the ENCOUNTER event the Bulkhead target sends, for nchan's messages to match.
  private static func bulkheadEventBytes(_ campaign: Campaign) async throws -> Int {
    let target = try await BenchBulkheadTarget(campaign: campaign)
    defer { target.stop() }
    try await target.write(1)
    let base = target.streamURL.replacingOccurrences(of: "/api/active-view/stream/", with: "")
    let payload = try await HTTPJSONClient(server: base).get("/api/active-view/")
    return JSONWriter.encode(payload).count
  }

  /// `listeners` listeners on `target`, then `writes` writes, each timed until every listener has its event.
  private func measure(_ target: any BenchFanOutTarget, listeners: Int, memory: Bool) async throws -> Run {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: listeners)
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    let log = DeliveryLog()
    let memoryBefore = ProcessUsage.residentKiB(target.pids)
    let url = target.streamURL
    let number = target.eventNumber
    let readers = (0..<listeners).map { _ in
      Task { await BenchFanOut.listen(url: url, client: client, log: log, number: number) }
    }
    defer { for reader in readers { reader.cancel() } }
    guard await BenchFanOut.wait(upTo: .seconds(60), { log.listening == listeners }) else {
      throw BenchError("\(target.name): only \(log.listening) of \(listeners) listeners received their first event")
    }
    try await Task.sleep(for: .milliseconds(200))
    let memoryAfter = ProcessUsage.residentKiB(target.pids)
    let first = log.lastVersion
    var starts: [Int: ContinuousClock.Instant] = [:]
    let cpuBefore = ProcessUsage.cpuSeconds(target.pids)
    for sequence in 1...writes {
      starts[first + sequence] = .now
      try await target.write(sequence)
      _ = await BenchFanOut.wait(upTo: BenchFanOut.deliveryLimit) { log.count(first + sequence) == listeners }
    }
    let cpu = ProcessUsage.cpuSeconds(target.pids) - cpuBefore
    let latencies = starts.flatMap { number, start in log.arrivals(number).map { ($0 - start).seconds * 1e3 } }
      .sorted()
    for reader in readers { reader.cancel() }
    for reader in readers { await reader.value }
    try await client.shutdown()
    guard !latencies.isEmpty else { throw BenchError("\(target.name): no listener received any write") }
    return Run(
      p50: BenchFigure.percentile(0.5, of: latencies), p99: BenchFigure.percentile(0.99, of: latencies),
      cpuPerWrite: cpu * 1e3 / Double(writes), missed: listeners * writes - latencies.count,
      memoryPerStream: memory ? Double(memoryAfter - memoryBefore) / Double(listeners) : nil)
  }

  /// The figures side by side: each server's values over the rounds, and Bulkhead's mean over nchan's.
  private func table(_ results: [String: [Int: [Run]]], eventBytes: Int) -> String {
    var lines = [
      "fan-out, \(eventBytes)-byte events, \(writes) writes per run, \(rounds) alternating rounds",
      "figure                      N   bulkhead          nchan             ratio",
    ]
    let figures: [(String, (Run) -> Double?)] = [
      ("write -> event p50 (ms)", { $0.p50 }), ("write -> event p99 (ms)", { $0.p99 }),
      ("server CPU per write (ms)", { $0.cpuPerWrite }), ("memory per stream (KiB)", { $0.memoryPerStream }),
    ]
    for (label, value) in figures {
      for listeners in listenerCounts {
        let ours = (results["bulkhead"]?[listeners] ?? []).compactMap(value)
        let theirs = (results["nchan"]?[listeners] ?? []).compactMap(value)
        guard !ours.isEmpty else { continue }
        let ratio = theirs.isEmpty ? "" : String(format: "%.2fx", Self.mean(ours) / max(Self.mean(theirs), 1e-9))
        lines.append(
          label.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%5d   ", listeners)
            + Self.range(ours).padding(toLength: 18, withPad: " ", startingAt: 0)
            + Self.range(theirs).padding(toLength: 18, withPad: " ", startingAt: 0) + ratio)
      }
    }
    let missed = results.values.flatMap(\.values).flatMap { $0 }.reduce(0) { $0 + $1.missed }
    lines.append("missed deliveries: \(missed)")
    return lines.joined(separator: "\n")
  }

  private static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

  private static func range(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "-" }
    let format = high < 10 ? "%.2f" : "%.1f"
    return low == high ? String(format: format, low) : String(format: format, low) + "-" + String(format: format, high)
  }
}
