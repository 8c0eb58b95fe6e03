/// How an `EventSource` connects, retries and watches its stream.
public struct EventSourceConfiguration: Sendable {
  /// The stream's URL.
  public var url: String
  /// The same stream on other servers (a cluster's), tried in turn when the current one fails: a failure counts
  /// towards `healthThreshold` only once every server has failed in a row.
  public var fallbackURLs: [String] = []
  /// Extra request headers (added after `Accept`, `Cache-Control` and `Last-Event-ID`).
  public var headers: [(String, String)] = []
  /// The last event ID to send on the first request (`""`: none).
  public var lastEventID = ""
  /// The reconnection time until the server sends `retry:` (the spec's "a few seconds").
  public var defaultRetry: Duration = .milliseconds(3000)
  /// The longest wait between attempts (unless the server's `retry:` asks for more).
  public var backoffCap: Duration = .seconds(30)
  /// A connection open this long resets the backoff to the server's reconnection time.
  public var healthyAfter: Duration = .seconds(60)
  /// The shortest silence that counts as a stalled connection.
  public var stallFloor: Duration = .seconds(40)
  /// The stall threshold as a multiple of the longest gap between reads seen so far.
  public var stallFactor = 2.5
  /// Lines or events above this size are dropped and reported.
  public var maxEventBytes = 1 << 20
  /// Time allowed for connecting and receiving the response head.
  public var connectTimeout: Duration = .seconds(10)
  /// Whether to reconnect after the stream ends or fails (false: end for good).
  public var reconnects = true
  /// Consecutive failures at which `health.isLost` becomes true.
  public var healthThreshold = ConnectionHealth.playerThreshold

  /// A configuration for `url` with the defaults.
  public init(url: String) {
    self.url = url
  }
}

/// The time and randomness an `EventSource` uses; tests inject their own.
public struct EventSourceEnvironment: Sendable {
  /// Waits `duration` (throws when cancelled).
  public var sleep: @Sendable (Duration) async throws -> Void
  /// A monotonic reading of the time.
  public var now: @Sendable () -> ContinuousClock.Instant
  /// A random number in `0..<1`, for the backoff's jitter.
  public var random: @Sendable () -> Double

  /// An environment of closures.
  public init(
    sleep: @escaping @Sendable (Duration) async throws -> Void,
    now: @escaping @Sendable () -> ContinuousClock.Instant,
    random: @escaping @Sendable () -> Double
  ) {
    self.sleep = sleep
    self.now = now
    self.random = random
  }

  /// The real clock and the system's random numbers.
  public static let live = EventSourceEnvironment(
    sleep: { try await Task.sleep(for: $0) },
    now: { ContinuousClock.now },
    random: { Double.random(in: 0..<1) })
}
