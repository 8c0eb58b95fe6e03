import Synchronization

/// When each listener received each version, shared by the listener tasks and the writer.
public final class DeliveryLog: Sendable {
  private struct Entries {
    var arrivals: [Int: [ContinuousClock.Instant]] = [:]
    var listening = 0
    var lastVersion = 0
    var eventBytes = 0
  }

  private let entries = Mutex(Entries())

  /// Records that a listener's parser delivered `version`; `first` for the listener's first event.
  public func record(version: Int, at instant: ContinuousClock.Instant, bytes: Int, first: Bool) {
    entries.withLock { entries in
      entries.arrivals[version, default: []].append(instant)
      entries.lastVersion = Swift.max(entries.lastVersion, version)
      if first {
        entries.listening += 1
      } else {
        entries.eventBytes = Swift.max(entries.eventBytes, bytes)
      }
    }
  }

  /// How many listeners have received their first event.
  public var listening: Int { entries.withLock { $0.listening } }
  /// The highest version received.
  public var lastVersion: Int { entries.withLock { $0.lastVersion } }
  /// The size of the largest event's data after the listeners' first (the timed events), in bytes.
  public var eventBytes: Int { entries.withLock { $0.eventBytes } }
  /// How many listeners have received `version`.
  public func count(_ version: Int) -> Int { entries.withLock { $0.arrivals[version]?.count ?? 0 } }
  /// When the listeners received `version`.
  public func arrivals(_ version: Int) -> [ContinuousClock.Instant] { entries.withLock { $0.arrivals[version] ?? [] } }
}
