import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// A reconnecting EventSource client (WHATWG §9.2) over AsyncHTTPClient.
///
/// `updates()` connects, parses, reconnects with backoff, and watches for stalls until the
/// consumer stops iterating or the server says stop. The last event ID is carried from one
/// connection to the next; the server's `retry:` is the floor of every wait.
public struct EventSource: Sendable {
  /// How the client connects and retries.
  public let configuration: EventSourceConfiguration
  let client: HTTPClient
  let environment: EventSourceEnvironment
  private let counters: Counters

  /// A client for `configuration`, using `client` for HTTP and `environment` for time.
  public init(
    configuration: EventSourceConfiguration, client: HTTPClient = EventSource.defaultClient,
    environment: EventSourceEnvironment = .live
  ) {
    self.configuration = configuration
    self.client = client
    self.environment = environment
    counters = Counters(lastEventID: configuration.lastEventID)
  }

  /// The process-wide stream client (``ClientTrust/streamClient``): no read timeout (the stall watch decides when a
  /// stream is dead), up to 10 redirects, the system's trust store plus a CA given to ``ClientTrust``.
  public static var defaultClient: HTTPClient { ClientTrust.streamClient }

  /// The counters so far.
  public var statistics: EventSourceStatistics {
    counters.value.withLock { $0 }
  }

  /// Connects and reports states, events and health until the consumer stops or the client closes.
  public func updates() -> AsyncStream<EventSourceUpdate> {
    let (stream, continuation) = AsyncStream.makeStream(of: EventSourceUpdate.self)
    let task = Task {
      await run(continuation)
      continuation.finish()
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  private func run(_ out: AsyncStream<EventSourceUpdate>.Continuation) async {
    var parser = SSEParser(lastEventID: configuration.lastEventID, maxEventBytes: configuration.maxEventBytes)
    var health = ConnectionHealth(threshold: configuration.healthThreshold)
    let backoff = Backoff(cap: configuration.backoffCap)
    var failures = 0
    var attempt = 0
    var opened = 0
    let urls = [configuration.url] + configuration.fallbackURLs
    var current = 0
    /// Servers that failed one after the other since one last streamed.
    var failedInRow = 0
    while !Task.isCancelled {
      attempt += 1
      out.yield(.state(.connecting(attempt: attempt)))
      let end = await connect(urls[current], &parser, &health, &opened, out)
      switch end {
      case .closed(let reason):
        out.yield(.state(.closed(reason: reason)))
        return
      case .failed(let reason, let retryAfter, let openFor):
        if Task.isCancelled { break }
        if urls.count > 1 {
          failedInRow = openFor == nil ? failedInRow + 1 : 1
          current = (current + 1) % urls.count
          if failedInRow < urls.count && configuration.reconnects {
            // Another server may still answer: move on at once, without counting a failure.
            out.yield(.state(.waiting(attempt: attempt + 1, delay: .zero, reason: reason)))
            continue
          }
          failedInRow = 0
        }
        health.recordFailure()
        out.yield(.health(health))
        if let openFor, openFor >= configuration.healthyAfter { failures = 0 }
        failures += 1
        guard configuration.reconnects else {
          out.yield(.state(.closed(reason: reason)))
          return
        }
        let floor = parser.retryMilliseconds.map { Duration.milliseconds($0) } ?? configuration.defaultRetry
        var delay = backoff.delay(failures: failures, floor: floor, unit: environment.random())
        if let retryAfter { delay = max(delay, retryAfter) }
        out.yield(.state(.waiting(attempt: attempt + 1, delay: delay, reason: reason)))
        do {
          try await environment.sleep(delay)
        } catch {
          break
        }
      }
    }
    out.yield(.state(.closed(reason: "stopped by the caller")))
  }

  /// How one connection ended.
  private enum ConnectionEnd {
    case closed(String)
    case failed(String, retryAfter: Duration?, openFor: Duration?)
  }

  private func connect(
    _ url: String, _ parser: inout SSEParser, _ health: inout ConnectionHealth, _ opened: inout Int,
    _ out: AsyncStream<EventSourceUpdate>.Continuation
  ) async -> ConnectionEnd {
    let response: HTTPClientResponse
    do {
      response = try await client.execute(
        request(url, lastEventID: parser.lastEventID), timeout: timeAmount(configuration.connectTimeout))
    } catch {
      return .failed("cannot connect: \(error)", retryAfter: nil, openFor: nil)
    }
    let decision = ResponseDecision.decide(
      status: Int(response.status.code), contentType: response.headers.first(name: "content-type"),
      retryAfter: response.headers.first(name: "retry-after"))
    switch decision {
    case .close(let reason):
      return .closed(reason)
    case .retry(let reason, let after):
      return .failed(reason, retryAfter: after, openFor: nil)
    case .open:
      break
    }
    out.yield(.state(.open))
    let openedAt = environment.now()
    let reconnected = opened > 0
    opened += 1
    if reconnected { counters.value.withLock { $0.reconnects += 1 } }
    let reading = StreamReading(
      parser: parser, health: health, reconnected: reconnected, counters: counters, environment: environment, out: out)
    let result = await reading.read(response.body, stall: stallWatch)
    parser = result.parser
    health = result.health
    let openFor = openedAt.duration(to: environment.now())
    return .failed(result.reason, retryAfter: nil, openFor: openFor)
  }

  private var stallWatch: StallWatch {
    StallWatch(floor: configuration.stallFloor, factor: configuration.stallFactor, environment: environment)
  }

  private func request(_ url: String, lastEventID: String) -> HTTPClientRequest {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "Accept", value: "text/event-stream")
    request.headers.add(name: "Cache-Control", value: "no-cache")
    if LastEventIDHeader.canSend(lastEventID) {
      request.headers.add(name: "Last-Event-ID", value: lastEventID)
    }
    for (name, value) in configuration.headers { request.headers.add(name: name, value: value) }
    return request
  }

  private func timeAmount(_ duration: Duration) -> TimeAmount {
    let (seconds, attoseconds) = duration.components
    return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }

  /// The counters, shared with the reading task.
  final class Counters: Sendable {
    let value: Mutex<EventSourceStatistics>

    init(lastEventID: String) {
      value = Mutex(EventSourceStatistics(lastEventID: lastEventID))
    }
  }
}

/// Whether a last event ID can go in a `Last-Event-ID` header unchanged.
enum LastEventIDHeader {
  /// The longest ID sent: servers and proxies refuse larger headers (nginx at about 8 KiB).
  static let maxBytes = 1024

  /// Non-empty, at most `maxBytes`, no control characters (CR, LF, NUL and the rest), no leading
  /// or trailing whitespace (HTTP stacks trim it); other Unicode is sent as UTF-8.
  static func canSend(_ id: String) -> Bool {
    guard id.utf8.count <= maxBytes, let first = id.unicodeScalars.first, let last = id.unicodeScalars.last else {
      return false
    }
    if first == " " || first == "\t" || last == " " || last == "\t" { return false }
    return id.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" }
  }
}
