import Foundation
import Hummingbird
import Testing

@testable import SSEClient

@Suite("Keepalive rhythm")
struct KeepaliveRhythmTests {
  @Test("before two keepalives the floor holds; after them, 2.5 x the rhythm counts as a stall")
  func threshold() {
    let watch = StallWatch(floor: .seconds(40), factor: 2.5, environment: .live)
    #expect(watch.threshold(longestGap: .seconds(1)) == .seconds(40))
    #expect(watch.threshold(longestGap: .seconds(20)) == .seconds(50))
    #expect(watch.threshold(longestGap: .milliseconds(400), keepaliveInterval: .seconds(1)) == .milliseconds(2500))
    #expect(watch.threshold(longestGap: .seconds(4), keepaliveInterval: .seconds(1)) == .seconds(10))
    #expect(watch.threshold(longestGap: .zero, keepaliveInterval: .milliseconds(50)) == StallWatch.minimum)
  }

  @Test("a server that sent keepalives every 0.4 s and goes silent is found stalled long before the 40 s floor")
  func halfOpenAfterKeepalives() async throws {
    let server = try await TestEventServer.start { router in
      router.get("quiet") { _, _ in
        TestEventServer.stream(
          ["data: hello\n\n", ": keepalive\n\n", ": keepalive\n\n", ": keepalive\n\n"], pause: .milliseconds(400),
          holdOpen: true)
      }
    }
    var configuration = quick(server.url("/quiet"))
    #expect(configuration.stallFloor == .seconds(40))
    configuration.reconnects = false
    let source = EventSource(configuration: configuration)
    // Bounded: without the rhythm the stall would come after 40 s, past this limit.
    let updates = await collect(source, limit: .seconds(15)) { updates in
      states(updates).contains { if case .stalled = $0 { true } else { false } }
    }
    await server.stop()
    let stalls = states(updates).compactMap { if case .stalled(let silence) = $0 { silence } else { nil } }
    #expect(stalls.count == 1, "no stall within 15 s: \(states(updates))")
    #expect(stalls.allSatisfy { $0 >= .seconds(1) && $0 < .seconds(15) })
  }

  @Test("the log lines tell a stall, a retry and a reconnect, and stay quiet for events")
  func logLines() {
    #expect(EventSourceUpdate.state(.stalled(silence: .milliseconds(2500))).logLine?.contains("2.5 s") == true)
    let waiting = EventSourceUpdate.state(.waiting(attempt: 3, delay: .seconds(4), reason: "connection refused"))
    #expect(waiting.logLine == "stream down: connection refused; attempt 3 in 4.0 s")
    #expect(EventSourceUpdate.synced(reconnected: true).logLine?.contains("reconnected") == true)
    #expect(EventSourceUpdate.synced(reconnected: false).logLine == nil)
    #expect(EventSourceUpdate.event(SSEEvent(type: "message", data: "x", lastEventID: "")).logLine == nil)
  }
}
