import Synchronization

/// When the last bytes of a stream arrived, the longest gap between reads so far, and the rhythm of the server's
/// comment lines (its keepalives).
final class ReadActivity: Sendable {
  private struct Readings {
    var last: ContinuousClock.Instant
    var longestGap: Duration = .zero
    var lastComment: ContinuousClock.Instant?
    /// The longest time between two comment lines; nil until two have arrived.
    var keepaliveInterval: Duration?
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

  /// Notes a comment line (a keepalive) read at `now`.
  func recordComment(_ now: ContinuousClock.Instant) {
    readings.withLock { readings in
      if let previous = readings.lastComment {
        readings.keepaliveInterval = max(readings.keepaliveInterval ?? .zero, previous.duration(to: now))
      }
      readings.lastComment = now
    }
  }

  var snapshot: (last: ContinuousClock.Instant, longestGap: Duration, keepaliveInterval: Duration?) {
    readings.withLock { ($0.last, $0.longestGap, $0.keepaliveInterval) }
  }
}

/// Declares a stream stalled after a silence of `factor` × the server's rhythm.
///
/// Once two keepalive comments have arrived, the rhythm is known: a silence of `factor` × the longest gap seen
/// (keepalive intervals included) is a stall, whatever `floor` says, so a server that sends a keepalive every second
/// is found silent within seconds. Until then the client cannot know how quiet the server may be, and the silence
/// must also reach `floor`. Any bytes count — events or comments — so a half-open connection, which browsers never
/// notice, is found within the threshold.
struct StallWatch: Sendable {
  /// The shortest silence that counts as a stall before the keepalive rhythm is known.
  let floor: Duration
  let factor: Double
  let environment: EventSourceEnvironment
  /// The shortest silence that ever counts as a stall, so the scheduling of a busy machine is not taken for one.
  static let minimum: Duration = .seconds(1)

  /// The silence that counts as a stall, given the longest gap and the keepalive interval seen so far.
  func threshold(longestGap: Duration, keepaliveInterval: Duration? = nil) -> Duration {
    guard let keepaliveInterval else { return max(floor, longestGap * factor) }
    return max(Self.minimum, max(longestGap, keepaliveInterval) * factor)
  }

  /// Returns the silence once it exceeds the threshold; nil when cancelled first.
  func watch(_ activity: ReadActivity) async -> Duration? {
    while !Task.isCancelled {
      let (last, longestGap, keepaliveInterval) = activity.snapshot
      let limit = threshold(longestGap: longestGap, keepaliveInterval: keepaliveInterval)
      let silence = last.duration(to: environment.now())
      if silence >= limit { return silence }
      // Until the rhythm is known the threshold may still shrink (two keepalives arrive): look again within a second.
      let wait = keepaliveInterval == nil ? min(limit - silence, .seconds(1)) : limit - silence
      do {
        try await environment.sleep(wait)
      } catch {
        return nil
      }
    }
    return nil
  }
}
