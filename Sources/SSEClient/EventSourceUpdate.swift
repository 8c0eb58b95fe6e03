/// What an `EventSource` reports, in order.
public enum EventSourceUpdate: Sendable, Equatable {
  /// The connection changed state.
  case state(ConnectionState)
  /// An event arrived.
  case event(SSEEvent)
  /// The first event of a connection arrived; `reconnected` is false for the very first
  /// connection. Callers re-fetch their REST state here.
  case synced(reconnected: Bool)
  /// The health changed (a failure was counted, or the count was reset).
  case health(ConnectionHealth)
  /// A line or event over the size limit was dropped.
  case oversized(bytes: Int)
}

/// Counters of an `EventSource` since it started.
public struct EventSourceStatistics: Sendable, Equatable {
  /// Connections opened after the first.
  public var reconnects = 0
  /// Body bytes received.
  public var bytes = 0
  /// Events delivered.
  public var events = 0
  /// When the last event arrived.
  public var lastEventAt: ContinuousClock.Instant?
  /// The last event ID the client would send.
  public var lastEventID = ""
  /// The server's `retry:` value, when it sent one.
  public var serverRetry: Duration?
}
