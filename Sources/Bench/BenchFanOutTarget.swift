import BulkheadClient
import BulkheadCore
import Foundation
import SSEClient

/// A server the fan-out comparison measures: where its stream is, which processes are its, how to make one write
/// and how to recognise that write's event.
public protocol BenchFanOutTarget: AnyObject {
  /// The name in the table.
  var name: String { get }
  /// The URL listeners read.
  var streamURL: String { get }
  /// The processes whose CPU time and memory count.
  var pids: [pid_t] { get }
  /// Makes the write numbered `sequence` (1, 2, …, counted from the state the listeners started with).
  func write(_ sequence: Int) async throws
  /// The number that identifies the state an event carries: Bulkhead's version, nchan's message number.
  var eventNumber: @Sendable (SSEEvent) -> Int? { get }
  /// Stops the server.
  func stop()
}

/// Bulkhead: a `bulkhead serve` child on the campaign, its GM moving one token between two cells.
public final class BenchBulkheadTarget: BenchFanOutTarget {
  public let name = "bulkhead"
  private let server: BenchServerProcess
  private let gm: HTTPJSONClient
  private let scene: BenchScene

  public init(campaign: Campaign) async throws {
    server = try await BenchServerProcess(campaign: campaign)
    gm = try await server.gm()
    scene = try await BenchScene.open(campaign: campaign, gm: gm, preferred: "uscss_morrigan")
  }

  public var streamURL: String { server.base + "/api/active-view/stream/" }
  public var pids: [pid_t] { [server.pid] }

  public func write(_ sequence: Int) async throws {
    let room = scene.room
    let cell =
      sequence % 2 == 0 ? (x: room.x, y: room.y) : (x: room.x + room.width - 1, y: room.y + room.height - 1)
    try await scene.moveToken(x: cell.x, y: cell.y, gm: gm)
  }

  public let eventNumber = BenchFanOut.version

  public func stop() { server.stop() }
}

/// nginx + nchan: each write publishes a message of `eventBytes` bytes that starts with its number.
public final class BenchNchanTarget: BenchFanOutTarget {
  public let name = "nchan"
  private let nginx: BenchNchan
  private let eventBytes: Int
  private var published = 0

  /// Starts nginx and publishes message 0, the state new listeners start with.
  public init(eventBytes: Int) async throws {
    nginx = try await BenchNchan()
    self.eventBytes = eventBytes
    try await nginx.publish(message(0))
  }

  public var streamURL: String { nginx.base + "/sub" }
  public var pids: [pid_t] { nginx.pids }

  public func write(_ sequence: Int) async throws {
    published += 1
    try await nginx.publish(message(published))
  }

  public let eventNumber: @Sendable (SSEEvent) -> Int? = { event in
    guard event.data.hasPrefix("{\"n\":") else { return nil }
    return Int(event.data.dropFirst(5).prefix(while: \.isNumber))
  }

  public func stop() { nginx.stop() }

  /// `{"n":<number>,"pad":"xxx…"}`, padded to the size of Bulkhead's event.
  private func message(_ number: Int) -> String {
    let head = "{\"n\":\(number),\"pad\":\""
    return head + String(repeating: "x", count: max(0, eventBytes - head.utf8.count - 2)) + "\"}"
  }
}
