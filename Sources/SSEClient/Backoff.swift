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
  /// The wait is drawn uniformly between `floor` (the server's reconnection time) and a ceiling
  /// that starts at twice the floor and doubles with each failure up to `cap`, so screens that
  /// lost the same server do not all return in step, not even the first time. A floor above
  /// the cap wins. `unit` is a random number in `0..<1`.
  public func delay(failures: Int, floor: Duration, unit: Double) -> Duration {
    let exponent = min(max(failures, 1), 30)
    let ceiling = max(floor, min(cap, floor * (1 << exponent)))
    return floor + (ceiling - floor) * min(max(unit, 0), 1)
  }
}
