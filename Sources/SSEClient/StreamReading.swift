import AsyncHTTPClient
import NIOCore

/// Reads one open stream: parses its bytes, reports events, and races a stall watch.
struct StreamReading: Sendable {
  var parser: SSEParser
  var health: ConnectionHealth
  /// Whether an earlier connection was open (the first event then reports a reconnect).
  let reconnected: Bool
  let counters: EventSource.Counters
  let environment: EventSourceEnvironment
  let out: AsyncStream<EventSourceUpdate>.Continuation

  /// The parser and health after the stream, and why it ended.
  struct Result: Sendable {
    var parser: SSEParser
    var health: ConnectionHealth
    var reason: String
  }

  private enum Outcome: Sendable {
    case read(Result)
    case stalled(Duration)
    case watchEnded
  }

  /// Reads `body` to its end, or until `stall` finds it silent for too long.
  func read(_ body: HTTPClientResponse.Body, stall: StallWatch) async -> Result {
    let activity = ReadActivity(start: environment.now())
    return await withTaskGroup(of: Outcome.self) { group in
      group.addTask { .read(await consume(body, activity)) }
      group.addTask { await stall.watch(activity).map(Outcome.stalled) ?? .watchEnded }
      var result: Result?
      var stalledFor: Duration?
      for await outcome in group {
        switch outcome {
        case .read(let read):
          result = read
          group.cancelAll()
        case .stalled(let silence):
          stalledFor = silence
          out.yield(.state(.stalled(silence: silence)))
          group.cancelAll()
        case .watchEnded:
          break
        }
      }
      var final = result ?? Result(parser: parser, health: health, reason: "the stream ended")
      if let stalledFor {
        final.reason = "no data for \(stalledFor.formatted()): the connection stalled"
      }
      return final
    }
  }

  private func consume(_ body: HTTPClientResponse.Body, _ activity: ReadActivity) async -> Result {
    var parser = parser
    var health = health
    var delivered = false
    do {
      for try await chunk in body {
        activity.record(environment.now())
        let items = chunk.withUnsafeReadableBytes { parser.feed($0) }
        let lastEventID = parser.lastEventID
        counters.value.withLock {
          $0.bytes += chunk.readableBytes
          $0.lastEventID = lastEventID
        }
        for item in items {
          switch item {
          case .event(let event):
            if !delivered {
              delivered = true
              if health.failures > 0 {
                health.recordHealthy()
                out.yield(.health(health))
              }
              out.yield(.synced(reconnected: reconnected))
            }
            let now = environment.now()
            counters.value.withLock {
              $0.events += 1
              $0.lastEventAt = now
            }
            out.yield(.event(event))
          case .retry(let milliseconds):
            counters.value.withLock { $0.serverRetry = .milliseconds(milliseconds) }
          case .comment:
            activity.recordComment(environment.now())
          case .oversized(let bytes):
            out.yield(.oversized(bytes: bytes))
          }
        }
      }
    } catch {
      parser.endOfStream()
      let reason = Task.isCancelled ? "the connection was closed" : "the stream failed: \(error)"
      return Result(parser: parser, health: health, reason: reason)
    }
    parser.endOfStream()
    let reason = delivered ? "the server ended the stream" : "the server ended the stream before any event"
    return Result(parser: parser, health: health, reason: reason)
  }
}

extension Duration {
  /// Seconds with one decimal, e.g. `2.5 s`.
  func formatted() -> String {
    let (seconds, attoseconds) = components
    let tenths = Int(attoseconds / 100_000_000_000_000_000)
    return "\(seconds).\(tenths) s"
  }
}
