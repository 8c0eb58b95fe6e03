extension EventSourceUpdate {
  /// A line for a diagnostics log when the update changes the connection's story — a stall, a dropped stream and
  /// the wait before the next attempt, a reconnect, the end — and nil for events and routine states.
  public var logLine: String? {
    switch self {
    case .state(.stalled(let silence)):
      "stream stalled: no data for \(silence.formatted()); closing it to reconnect"
    case .state(.waiting(let attempt, let delay, let reason)):
      "stream down: \(reason); attempt \(attempt) in \(delay.formatted())"
    case .state(.closed(let reason)):
      "stream closed for good: \(reason)"
    case .synced(reconnected: true):
      "stream reconnected: the view is re-synced"
    case .state(.connecting), .state(.open), .event, .synced(reconnected: false), .health, .oversized:
      nil
    }
  }
}
