import AsyncHTTPClient
import Foundation
import Hummingbird
import Synchronization
import Testing

@testable import SSEClient

/// Collects an `EventSource`'s updates until `stop` says enough.
func collect(
  _ source: EventSource, limit: Duration = .seconds(20), until stop: @escaping ([EventSourceUpdate]) -> Bool
) async -> [EventSourceUpdate] {
  var updates: [EventSourceUpdate] = []
  let deadline = ContinuousClock.now + limit
  for await update in source.updates() {
    updates.append(update)
    if stop(updates) || ContinuousClock.now > deadline { break }
  }
  return updates
}

func events(_ updates: [EventSourceUpdate]) -> [SSEEvent] {
  updates.compactMap { if case .event(let event) = $0 { event } else { nil } }
}

func states(_ updates: [EventSourceUpdate]) -> [ConnectionState] {
  updates.compactMap { if case .state(let state) = $0 { state } else { nil } }
}

func closedReason(_ updates: [EventSourceUpdate]) -> String? {
  for state in states(updates) { if case .closed(let reason) = state { return reason } }
  return nil
}

/// A fast configuration: short waits so reconnect tests take milliseconds.
func quick(_ url: String) -> EventSourceConfiguration {
  var configuration = EventSourceConfiguration(url: url)
  configuration.defaultRetry = .milliseconds(20)
  configuration.backoffCap = .milliseconds(100)
  configuration.connectTimeout = .seconds(5)
  return configuration
}

@Suite("EventSource connection")
struct EventSourceTests {
  @Test("sends Accept and Cache-Control; resends the last event ID on reconnect; applies retry:")
  func reconnectCarriesLastEventID() async throws {
    let server = try await TestEventServer.start { router in
      router.get("ids") { _, _ in
        TestEventServer.stream(["retry: 30\n", "\nid: \u{2603}-7\ndata: one\n\n", "data: two\n\n"])
      }
    }
    let source = EventSource(configuration: quick(server.url("/ids")))
    let updates = await collect(source) { events($0).count >= 4 }
    await server.stop()
    let received = events(updates)
    #expect(received.map(\.data) == ["one", "two", "one", "two"])
    #expect(received.map(\.lastEventID) == ["\u{2603}-7", "\u{2603}-7", "\u{2603}-7", "\u{2603}-7"])
    let seen = server.seen.filter { $0.path == "/ids" }
    #expect(seen.count >= 2)
    #expect(seen.first?.lastEventID == nil)
    #expect(seen.dropFirst().first?.lastEventID == "\u{2603}-7")
    #expect(seen.allSatisfy { $0.accept == "text/event-stream" && $0.cacheControl == "no-cache" })
    #expect(source.statistics.serverRetry == .milliseconds(30))
    #expect(source.statistics.reconnects >= 1)
    let waits = states(updates).compactMap { if case .waiting(_, let delay, _) = $0 { delay } else { nil } }
    #expect(waits.allSatisfy { $0 >= .milliseconds(30) })
    #expect(updates.contains(.synced(reconnected: false)))
    #expect(updates.contains(.synced(reconnected: true)))
  }

  @Test(
    "status codes: 204 and 4xx close; 5xx, 408 and 429 retry",
    arguments: [
      (204, false), (400, false), (401, false), (404, false), (410, false), (205, false), (408, true), (429, true),
      (500, true), (502, true), (503, true),
    ])
  func statusPolicy(_ status: Int, _ retries: Bool) async throws {
    let server = try await TestEventServer.start()
    var configuration = quick(server.url("/status/\(status)"))
    configuration.healthThreshold = 2
    let source = EventSource(configuration: configuration)
    let updates = await collect(source, limit: .seconds(10)) { updates in
      closedReason(updates) != nil
        || states(updates).filter { if case .waiting = $0 { true } else { false } }.count >= 1
    }
    await server.stop()
    if retries {
      #expect(closedReason(updates) == nil)
      #expect(updates.contains(.health(ConnectionHealth(threshold: 2).recording(failures: 1))))
    } else {
      #expect(closedReason(updates)?.contains("\(status)") == true)
    }
  }

  @Test(
    "content types: text/event-stream with parameters opens, anything else closes",
    arguments: [
      ("params", true), ("semicolon", true), ("upper", true), ("plain", false), ("bogus", false), ("nonsense", false),
    ])
  func contentTypes(_ kind: String, _ opens: Bool) async throws {
    let server = try await TestEventServer.start()
    let source = EventSource(configuration: quick(server.url("/type/\(kind)")))
    let updates = await collect(source, limit: .seconds(10)) { !events($0).isEmpty || closedReason($0) != nil }
    await server.stop()
    #expect(events(updates).first?.data == (opens ? "typed" : nil))
    #expect((closedReason(updates) != nil) == !opens)
  }

  @Test("redirects are followed")
  func redirect() async throws {
    let server = try await TestEventServer.start()
    let source = EventSource(configuration: quick(server.url("/redirect")))
    let updates = await collect(source, limit: .seconds(10)) { !events($0).isEmpty || closedReason($0) != nil }
    await server.stop()
    #expect(events(updates).first?.data == "typed")
  }

  @Test("a 200 that ends before any event counts as a failure and backs off")
  func emptyStreamIsAFailure() async throws {
    let server = try await TestEventServer.start()
    var configuration = quick(server.url("/empty"))
    configuration.healthThreshold = 3
    let live = EventSourceEnvironment.live
    let highJitter = EventSourceEnvironment(sleep: live.sleep, now: live.now, random: { 0.99 })
    let source = EventSource(configuration: configuration, environment: highJitter)
    let updates = await collect(source, limit: .seconds(10)) { updates in
      states(updates).filter { if case .waiting = $0 { true } else { false } }.count >= 3
    }
    await server.stop()
    let lost = updates.compactMap { if case .health(let health) = $0 { health } else { nil } }
    #expect(lost.map(\.failures) == [1, 2, 3])
    #expect(lost.last?.isLost == true)
    let reasons = states(updates).compactMap { if case .waiting(_, _, let reason) = $0 { reason } else { nil } }
    #expect(reasons.count >= 3)
    #expect(reasons.allSatisfy { $0.contains("before any event") })
    let delays = states(updates).compactMap { if case .waiting(_, let delay, _) = $0 { delay } else { nil } }
    try #require(delays.count >= 3)
    #expect(delays[2] > delays[0], "with the jitter at its top the wait grows with the failures: \(delays)")
  }

  @Test("a server that goes silent is detected as stalled, torn down and retried")
  func stallDetection() async throws {
    let server = try await TestEventServer.start { router in
      router.get("silent") { _, _ in TestEventServer.stream(["data: hello\n\n"], holdOpen: true) }
    }
    var configuration = quick(server.url("/silent"))
    configuration.stallFloor = .milliseconds(300)
    let source = EventSource(configuration: configuration)
    let started = ContinuousClock.now
    let updates = await collect(source, limit: .seconds(10)) { updates in
      events(updates).count >= 2
    }
    let elapsed = ContinuousClock.now - started
    await server.stop()
    let stalls = states(updates).compactMap { if case .stalled(let silence) = $0 { silence } else { nil } }
    #expect(stalls.count == 1)
    #expect(stalls.allSatisfy { $0 >= .milliseconds(300) })
    #expect(events(updates).map(\.data) == ["hello", "hello"])
    #expect(elapsed < .seconds(10))
  }

  @Test("Last-Event-ID seeded by the caller; an ID that cannot be a header is not sent")
  func seededAndUnsendableIDs() async throws {
    let server = try await TestEventServer.start { router in
      router.get("one") { _, _ in TestEventServer.stream(["data: x\n\n"]) }
    }
    let cases: [(seed: String, sent: String?)] = [("42", "42"), (" padded", nil), ("a\u{1}b", nil), ("", nil)]
    for (seed, _) in cases {
      var configuration = quick(server.url("/one"))
      configuration.lastEventID = seed
      configuration.reconnects = false
      let updates = await collect(EventSource(configuration: configuration)) { closedReason($0) != nil }
      #expect(events(updates).count == 1)
    }
    let sent = server.seen.filter { $0.path == "/one" }.map(\.lastEventID)
    #expect(sent == cases.map(\.sent))
    await server.stop()
  }

  @Test("the backoff starts again after a connection that stayed open long enough")
  func backoffResetsAfterHealthyConnection() async throws {
    let server = try await TestEventServer.start { router in
      router.get("brief") { _, _ in TestEventServer.stream(["data: x\n\n"]) }
      router.get("lasting") { _, _ in
        TestEventServer.stream(["data: x\n\n", ": still here\n\n"], pause: .milliseconds(150))
      }
    }
    func waits(_ path: String) async -> [Duration] {
      var configuration = quick(server.url(path))
      configuration.defaultRetry = .milliseconds(20)
      configuration.backoffCap = .seconds(1)
      configuration.healthyAfter = .milliseconds(100)
      let environment = EventSourceEnvironment(
        sleep: { try await Task.sleep(for: $0) }, now: { ContinuousClock.now }, random: { 0.999_999 })
      let updates = await collect(EventSource(configuration: configuration, environment: environment)) { updates in
        states(updates).filter { if case .waiting = $0 { true } else { false } }.count >= 3
      }
      return states(updates).compactMap { if case .waiting(_, let delay, _) = $0 { delay } else { nil } }
    }
    let lasting = await waits("/lasting")
    let brief = await waits("/brief")
    await server.stop()
    // Random 0.999999: each wait is nearly its ceiling, 2 × 20 ms after a reset, doubling per failure.
    #expect(lasting.count == 3 && lasting.allSatisfy { $0 == lasting[0] && $0 < .milliseconds(41) }, "\(lasting)")
    #expect(brief.count == 3 && brief[0] == lasting[0] && brief[2] > .milliseconds(150), "\(brief)")
  }
}

extension ConnectionHealth {
  /// This health after `failures` failures.
  func recording(failures: Int) -> ConnectionHealth {
    var copy = self
    for _ in 0..<failures { copy.recordFailure() }
    return copy
  }
}
