import Synchronization
import Testing

@testable import SSEClient

@Suite("Backoff, response policy, health")
struct BackoffTests {
  @Test("the wait lies between the server's retry and a ceiling that doubles up to the cap")
  func sequence() {
    let backoff = Backoff(cap: .seconds(30))
    let middle = (1...7).map { backoff.delay(failures: $0, floor: .seconds(3), unit: 0.5) }
    #expect(
      middle == [
        .milliseconds(4500), .milliseconds(7500), .milliseconds(13500), .milliseconds(16500),
        .milliseconds(16500), .milliseconds(16500), .milliseconds(16500),
      ])
    let low = (1...6).map { backoff.delay(failures: $0, floor: .seconds(3), unit: 0) }
    #expect(low.allSatisfy { $0 == .seconds(3) })
    let high = (1...6).map { backoff.delay(failures: $0, floor: .seconds(3), unit: 0.999_999) }
    #expect(high[0] > .milliseconds(5_999) && high[0] <= .seconds(6))
    #expect(high.last! <= .seconds(30) && high.last! > .milliseconds(29_999))
  }

  @Test("the server's retry is a floor, even above the cap")
  func floorWins() {
    let backoff = Backoff(cap: .seconds(30))
    #expect(backoff.delay(failures: 1, floor: .seconds(45), unit: 0) == .seconds(45))
    #expect(backoff.delay(failures: 9, floor: .seconds(45), unit: 0.7) == .seconds(45))
    #expect(backoff.delay(failures: 1_000, floor: .seconds(3), unit: 0.5) == .milliseconds(16500))
  }

  @Test("the backoff sequence of a live client with an injected clock and randomness")
  func injectedEnvironment() async throws {
    let server = try await TestEventServer.start()
    let slept = SleepLog()
    let environment = EventSourceEnvironment(
      sleep: { duration in slept.append(duration) }, now: { ContinuousClock.now }, random: { 0.5 })
    var configuration = EventSourceConfiguration(url: server.url("/status/503"))
    configuration.defaultRetry = .seconds(3)
    configuration.backoffCap = .seconds(30)
    let source = EventSource(configuration: configuration, environment: environment)
    var waits: [Duration] = []
    for await update in source.updates() {
      if case .state(.waiting(_, let delay, _)) = update { waits.append(delay) }
      if waits.count == 6 { break }
    }
    await server.stop()
    // 503 carries Retry-After: 1, below every wait here, so the backoff decides.
    #expect(
      waits == [
        .milliseconds(4500), .milliseconds(7500), .milliseconds(13500), .milliseconds(16500),
        .milliseconds(16500), .milliseconds(16500),
      ])
    #expect(slept.values.prefix(5) == waits.prefix(5))
  }

  @Test(
    "response policy",
    arguments: [
      (200, "text/event-stream", ResponseDecision.open),
      (200, "text/event-stream;charset=utf-8", .open),
      (200, "text/html", .close(reason: "the server answered with content type text/html, not text/event-stream")),
      (204, "text/event-stream", .close(reason: "the server asked the client to stop (204 No Content)")),
      (403, "", .close(reason: "the server refused the request (403)")),
      (429, "", .retry(reason: "the server answered 429", after: .seconds(7))),
      (503, "", .retry(reason: "the server answered 503", after: .seconds(7))),
    ])
  func policy(_ status: Int, _ type: String, _ expected: ResponseDecision) {
    #expect(ResponseDecision.decide(status: status, contentType: type, retryAfter: "7") == expected)
  }

  @Test("Retry-After: seconds only")
  func retryAfter() {
    #expect(ResponseDecision.parseRetryAfter("120") == .seconds(120))
    #expect(ResponseDecision.parseRetryAfter(" 5 ") == .seconds(5))
    #expect(ResponseDecision.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
    #expect(ResponseDecision.parseRetryAfter("-1") == nil)
  }

  @Test("health: counted failures, lost at the threshold, reset by a healthy connection")
  func health() {
    var health = ConnectionHealth(threshold: ConnectionHealth.gmThreshold)
    #expect(!health.isLost)
    health.recordFailure()
    #expect(!health.isLost)
    health.recordFailure()
    #expect(health.isLost)
    health.recordHealthy()
    #expect(!health.isLost && health.failures == 0)
    #expect(ConnectionHealth(threshold: 0).threshold == 1)
    #expect(ConnectionHealth.playerThreshold == 5)
  }

  @Test("which last event IDs can be sent as a header")
  func headerValues() {
    #expect(LastEventIDHeader.canSend("epoch.12"))
    #expect(LastEventIDHeader.canSend("\u{2603} snow"))
    #expect(!LastEventIDHeader.canSend(""))
    #expect(!LastEventIDHeader.canSend("a\rb"))
    #expect(!LastEventIDHeader.canSend("a\nb"))
    #expect(!LastEventIDHeader.canSend("trailing "))
    #expect(!LastEventIDHeader.canSend("a\u{7F}"))
    #expect(LastEventIDHeader.canSend(String(repeating: "x", count: 1024)))
    #expect(!LastEventIDHeader.canSend(String(repeating: "x", count: 1025)))
  }
}

/// Durations an injected sleep was asked for.
final class SleepLog: Sendable {
  private let log = Mutex<[Duration]>([])
  func append(_ duration: Duration) { log.withLock { $0.append(duration) } }
  var values: [Duration] { log.withLock { $0 } }
}
