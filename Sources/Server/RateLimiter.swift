import Foundation
import Synchronization

/// A token bucket per client: `burst` requests at once, refilled at `perSecond`.
public final class RateLimiter: Sendable {
  private struct Bucket {
    var tokens: Double
    var updated: ContinuousClock.Instant
  }

  private let buckets = Mutex<[String: Bucket]>([:])
  private let burst: Double
  private let perSecond: Double
  private let clock = ContinuousClock()

  /// A limiter allowing `burst` requests at once and `perSecond` sustained, per client.
  public init(burst: Int, perSecond: Double) {
    self.burst = Double(burst)
    self.perSecond = perSecond
  }

  /// Takes one request from `client`'s bucket; false when the bucket is empty.
  public func allow(_ client: String) -> Bool {
    let now = clock.now
    return buckets.withLock { buckets in
      if buckets.count > 10_000 {
        buckets = buckets.filter { self.refilled($0.value, at: now) < burst }
      }
      var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
      bucket.tokens = refilled(bucket, at: now)
      bucket.updated = now
      guard bucket.tokens >= 1 else {
        buckets[client] = bucket
        return false
      }
      bucket.tokens -= 1
      buckets[client] = bucket
      return true
    }
  }

  private func refilled(_ bucket: Bucket, at now: ContinuousClock.Instant) -> Double {
    let elapsed = bucket.updated.duration(to: now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return min(burst, bucket.tokens + seconds * perSecond)
  }
}
