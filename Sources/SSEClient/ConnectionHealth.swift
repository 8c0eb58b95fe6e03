/// Whether a display should say that the connection is lost.
///
/// Each failed connect and each dropped stream counts one failure; a connection that
/// delivers its first event resets the count. The display shows its banner while `isLost`.
public struct ConnectionHealth: Sendable, Equatable {
  /// The failure count at which the connection counts as lost.
  public let threshold: Int
  /// Consecutive failures since the last healthy connection.
  public private(set) var failures = 0

  /// The threshold of a player's screen: the more tolerant one.
  public static let playerThreshold = 5
  /// The threshold of the GM's screens: the GM hears of trouble first.
  public static let gmThreshold = 2

  /// Health with `threshold` (at least 1).
  public init(threshold: Int) {
    self.threshold = max(1, threshold)
  }

  /// Whether the failures reached the threshold.
  public var isLost: Bool { failures >= threshold }

  /// Counts a failed connect or a dropped stream.
  public mutating func recordFailure() {
    failures += 1
  }

  /// A connection delivered its first event.
  public mutating func recordHealthy() {
    failures = 0
  }
}
