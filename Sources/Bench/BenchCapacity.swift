import BulkheadCore
import BulkheadServer
import Foundation

/// Capacity: how many idle event streams a `bulkhead serve` child process holds and what each costs it in resident
/// memory, then how fast a burst of simultaneous connects gets its first events. The server shows the demo ship's
/// ENCOUNTER, so each stream's first event carries the whole map.
public struct BenchCapacity {
  public let campaign: Campaign
  /// How many idle streams to open.
  public let idleStreams: Int
  /// How many connects the burst starts at once.
  public let burstConnects: Int
  /// How many idle streams may be connecting or waiting for their first event at a time.
  public static let openingWindow = 200
  /// A connect of the burst without its first event after this long counts as failed.
  public static let burstLimit = Duration.seconds(15)

  /// Runs both measurements on one server and returns the figures `capacity.idle` and `capacity.burst`.
  public func run() async throws -> [BenchFigure] {
    // The server child inherits the raised limit.
    let fileLimit = OpenFileLimit.raiseToHardLimit()
    let server = try await BenchServerProcess(campaign: campaign)
    defer { server.stop() }
    _ = try await BenchScene.open(campaign: campaign, gm: try await server.gm())
    let idle = try await idleFigure(server, fileLimit: fileLimit)
    return [idle, try await burstFigure(server)]
  }

  /// Opens the idle streams, holds them for a second and reads the server's memory and descriptors.
  private func idleFigure(_ server: BenchServerProcess, fileLimit: Int) async throws -> BenchFigure {
    let residentBefore = try server.residentKiB()
    let filesBefore = try server.openFiles()
    let sockets = BenchStreamSockets(port: server.port)
    let opening = sockets.open(count: idleStreams, window: Self.openingWindow, limit: .seconds(600))
    try await Task.sleep(for: .seconds(1))
    let held = sockets.checkHeld()
    let residentAfter = try server.residentKiB()
    let filesAfter = try server.openFiles()
    sockets.closeAll()
    try await waitForFiles(server, atMost: filesBefore + 16)
    let perStream = held == 0 ? 0 : Double(residentAfter - residentBefore) / Double(held)
    var label = "server RSS per idle stream, \(held) of \(idleStreams) streams held"
    let dropped = opening.times.count - held
    if opening.failed + dropped > 0 {
      let reasons = [opening.reasons, dropped > 0 ? "\(dropped) closed while idle" : ""].filter { !$0.isEmpty }
      label += " (not held: \(reasons.joined(separator: ", ")); open-file limit \(fileLimit))"
    }
    var figure = BenchFigure(
      key: "capacity.idle", label: label, unit: "KiB", values: [perStream],
      counts: [
        "requested": idleStreams, "held": held, "failed": idleStreams - held, "rss_before_kib": residentBefore,
        "rss_after_kib": residentAfter, "server_fds_before": filesBefore, "server_fds": filesAfter,
        "event_bytes": opening.eventBytes,
      ])
    // One average over every stream held.
    figure.samples = held
    return figure
  }

  /// Starts every connect of the burst in one loop and times each to its first complete event.
  private func burstFigure(_ server: BenchServerProcess) async throws -> BenchFigure {
    let sockets = BenchStreamSockets(port: server.port)
    let opening = sockets.open(count: burstConnects, window: burstConnects, limit: Self.burstLimit)
    sockets.closeAll()
    guard !opening.times.isEmpty else {
      throw BenchError("no connect of the burst received its first event: \(opening.reasons)")
    }
    var label = "burst of \(burstConnects) connects, connect -> first event"
    if opening.failed > 0 { label += " (failed: \(opening.reasons))" }
    return BenchFigure(
      key: "capacity.burst", label: label, unit: "ms", durations: opening.times, showsMax: true,
      counts: [
        "connects": burstConnects, "served": opening.times.count, "failed": opening.failed,
        "within_1s": opening.times.filter { $0 <= .seconds(1) }.count, "event_bytes": opening.eventBytes,
      ])
  }

  /// Waits up to 30 s until the server has closed the streams and has at most `limit` descriptors open.
  private func waitForFiles(_ server: BenchServerProcess, atMost limit: Int) async throws {
    let deadline = ContinuousClock.now.advanced(by: .seconds(30))
    while try server.openFiles() > limit, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(50))
    }
  }
}
