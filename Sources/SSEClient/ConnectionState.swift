/// Where an `EventSource` connection is, as its `updates()` report it.
public enum ConnectionState: Sendable, Equatable {
  /// Opening connection number `attempt` (1 for the first).
  case connecting(attempt: Int)
  /// The server answered 200 with `text/event-stream`; events may flow.
  case open
  /// No byte arrived for longer than the stall threshold; the connection is being torn down.
  case stalled(silence: Duration)
  /// Waiting `delay` before the next attempt, because of `reason`.
  case waiting(attempt: Int, delay: Duration, reason: String)
  /// Given up for good (the server said stop, refused the request, or the caller asked).
  case closed(reason: String)
}
