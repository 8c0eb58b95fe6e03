import Synchronization

/// When the last bytes of a stream arrived, and the longest gap between reads so far.
final class ReadActivity: Sendable {
  private struct Readings {
    var last: ContinuousClock.Instant
    var longestGap: Duration = .zero
  }

  private let readings: Mutex<Readings>

  init(start: ContinuousClock.Instant) {
    readings = Mutex(Readings(last: start))
  }

  /// Notes bytes arriving at `now`.
  func record(_ now: ContinuousClock.Instant) {
    readings.withLock { readings in
      readings.longestGap = max(readings.longestGap, readings.last.duration(to: now))
      readings.last = now
    }
  }

  var snapshot: (last: ContinuousClock.Instant, longestGap: Duration) {
    readings.withLock { ($0.last, $0.longestGap) }
  }
}

/// Declares a stream stalled after a silence of `factor` × the longest gap seen (at least `floor`).
///
/// Any bytes count — events or keepalive comments — so a half-open connection, which
/// browsers never notice, is found within the threshold.
struct StallWatch: Sendable {
  let floor: Duration
  let factor: Double
  let environment: EventSourceEnvironment

  /// The silence that counts as a stall, given the longest gap seen so far.
  func threshold(longestGap: Duration) -> Duration {
    max(floor, longestGap * factor)
  }

  /// Returns the silence once it exceeds the threshold; nil when cancelled first.
  func watch(_ activity: ReadActivity) async -> Duration? {
    while !Task.isCancelled {
      let (last, longestGap) = activity.snapshot
      let limit = threshold(longestGap: longestGap)
      let silence = last.duration(to: environment.now())
      if silence >= limit { return silence }
      do {
        try await environment.sleep(limit - silence)
      } catch {
        return nil
      }
    }
    return nil
  }
}
