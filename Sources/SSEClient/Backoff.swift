/// The wait before reconnecting: exponential with jitter, never below the server's `retry:`.
public struct Backoff: Sendable, Equatable {
  /// The largest wait the caller allows (unless the server's `retry:` asks for more).
  public var cap: Duration

  /// A backoff capped at `cap`.
  public init(cap: Duration = .seconds(30)) {
    self.cap = cap
  }

  /// The wait before attempt `failures + 1`, after `failures` consecutive failures (≥ 1).
  ///
  /// The ceiling doubles with each failure from `floor` (the server's reconnection time) up to
  /// `cap`; the wait is drawn uniformly between half the ceiling and the ceiling ("equal
  /// jitter", so screens that lost the same server do not return in step), and is never below
  /// `floor`. `unit` is a random number in `0..<1`.
  public func delay(failures: Int, floor: Duration, unit: Double) -> Duration {
    let exponent = min(max(failures - 1, 0), 30)
    let doubled = floor * (1 << exponent)
    let ceiling = max(floor, min(cap, doubled))
    let jittered = ceiling / 2 + (ceiling / 2) * min(max(unit, 0), 1)
    return max(floor, jittered)
  }
}
