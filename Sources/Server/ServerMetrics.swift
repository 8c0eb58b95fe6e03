import CoreMetrics
import Prometheus

/// What `GET /metrics` reports: the server's counters, gauges and histograms in its own Prometheus registry, kept
/// through swift-metrics types whose handlers are registered with their help text.
///
/// Everything is counted whether or not a metrics listener is open; each count is one atomic add, per publish and
/// not per listener for the stream's events and bytes.
public final class ServerMetrics: Sendable {
  /// Which stream a figure is about.
  public enum StreamKind: String, Sendable {
    /// `GET /api/active-view/stream/`.
    case full
    /// `GET /api/active-view/stream/?compact=1`.
    case lean
  }

  /// Which limiter refused a request.
  public enum Limiter: String, Sendable {
    /// The players' public actions.
    case player
    /// `POST /api/auth/login`.
    case login
  }

  /// The registry `GET /metrics` renders.
  public let registry: PrometheusCollectorRegistry
  private let factory: PrometheusMetricsFactory
  private let openStreams: [StreamKind: Meter]
  private let eventsSent: [StreamKind: CoreMetrics.Counter]
  private let bytesSent: [StreamKind: CoreMetrics.Counter]
  private let slowConsumersClosed: [StreamKind: CoreMetrics.Counter]
  private let loginFailures: CoreMetrics.Counter
  private let rateLimited: [Limiter: CoreMetrics.Counter]
  private let writeToPublish: Timer

  /// The buckets of the write → publish histogram: a write on loopback takes about a millisecond.
  static let latencyBuckets: [Duration] = [
    .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
    .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
    .milliseconds(500), .seconds(1), .seconds(2.5),
  ]

  /// Fresh metrics, at zero, with `version` in `bulkhead_build_info`.
  public init(version: String = BuildInfo.version) {
    let registry = PrometheusCollectorRegistry()
    let factory = PrometheusMetricsFactory(registry: registry)
    self.registry = registry
    self.factory = factory
    func counter(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> CoreMetrics.Counter {
      let descriptor = MetricNameDescriptor(namespace: "bulkhead", metricName: name, unitName: "total", helpText: help)
      let handler = registry.makeCounter(descriptor: descriptor, labels: labels)
      return CoreMetrics.Counter(label: descriptor.name, dimensions: labels, handler: handler, factory: factory)
    }
    func perStream(_ name: String, _ help: String) -> [StreamKind: CoreMetrics.Counter] {
      [.full: counter(name, help, [("stream", "full")]), .lean: counter(name, help, [("stream", "lean")])]
    }
    let open = MetricNameDescriptor(
      namespace: "bulkhead", metricName: "open_streams", unitName: "", helpText: "SSE streams open now.")
    openStreams = Dictionary(
      uniqueKeysWithValues: [StreamKind.full, .lean].map { kind in
        let labels = [("stream", kind.rawValue)]
        let gauge = registry.makeGauge(descriptor: open, labels: labels)
        return (kind, Meter(label: open.name, dimensions: labels, handler: gauge, factory: factory))
      })
    eventsSent = perStream("stream_events_sent", "State events handed to stream listeners (first frames included).")
    bytesSent = perStream("stream_bytes_sent", "Bytes handed to stream listeners, keepalives included.")
    slowConsumersClosed = perStream(
      "slow_consumers_closed",
      "Stream listeners closed because their connection had more queued than the write limit (a slow or dead consumer)."
    )
    loginFailures = counter("login_failures", "Logins refused for a wrong user name or password.")
    rateLimited = [
      .player: counter("rate_limited", "Requests refused with 429 by a rate limiter.", [("limiter", "player")]),
      .login: counter("rate_limited", "Requests refused with 429 by a rate limiter.", [("limiter", "login")]),
    ]
    let latency = MetricNameDescriptor(
      namespace: "bulkhead", metricName: "write_to_publish", unitName: "seconds",
      helpText: "Time from a successful write's arrival until its change was handed to every stream listener.")
    writeToPublish = Timer(
      label: latency.name, dimensions: [],
      handler: registry.makeDurationHistogram(descriptor: latency, buckets: Self.latencyBuckets), factory: factory)
    let build = MetricNameDescriptor(
      namespace: "bulkhead", metricName: "build", unitName: "info", helpText: "The running build; always 1.")
    registry.makeGauge(descriptor: build, labels: [("version", version)]).set(to: 1)
  }

  /// A stream opened.
  func streamOpened(_ kind: StreamKind) {
    openStreams[kind]?.increment()
  }

  /// A stream closed.
  func streamClosed(_ kind: StreamKind) {
    openStreams[kind]?.decrement()
  }

  /// One frame of `bytes` went to `listeners` listeners at once; `isEvent` is false for a keepalive.
  func sent(_ kind: StreamKind, bytes: Int, listeners: Int, isEvent: Bool) {
    guard listeners > 0 else { return }
    if isEvent { eventsSent[kind]?.increment(by: Int64(listeners)) }
    bytesSent[kind]?.increment(by: Int64(bytes * listeners))
  }

  /// A listener was closed as too slow.
  func slowConsumerClosed(_ kind: StreamKind) {
    slowConsumersClosed[kind]?.increment()
  }

  /// A login was refused for its credentials.
  func loginFailed() {
    loginFailures.increment()
  }

  /// `limiter` refused a request.
  func rateLimitHit(_ limiter: Limiter) {
    rateLimited[limiter]?.increment()
  }

  /// A write of `command` ended with `status`; `duration` is how long it took when it published a change.
  func write(command: String, status: Int, publishedAfter duration: Duration?) {
    let outcome =
      switch status {
      case 200..<300: "ok"
      case 401, 403: "unauthorized"
      case 400..<500: "refused"
      default: "failed"
      }
    let descriptor = MetricNameDescriptor(
      namespace: "bulkhead", metricName: "writes", unitName: "total",
      helpText: "GM writes and player actions by command and outcome (ok, refused, unauthorized, failed).")
    let labels = [("command", command), ("outcome", outcome)]
    CoreMetrics.Counter(
      label: descriptor.name, dimensions: labels, handler: registry.makeCounter(descriptor: descriptor, labels: labels),
      factory: factory
    ).increment()
    if let duration { writeToPublish.recordNanoseconds(duration.nanoseconds) }
  }

  /// The Prometheus text exposition of every metric, process metrics included.
  public func exposition() -> String {
    registry.emitToString() + ProcessMetrics.read().exposition()
  }
}

extension Duration {
  /// The duration in whole nanoseconds.
  var nanoseconds: Int64 {
    components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
  }
}
