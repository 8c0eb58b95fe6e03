import Foundation
import Synchronization

/// The GM sessions a server has already looked up, so that a GM write checks its token in memory.
///
/// An entry is trusted for ``recheckAfter`` after it was read from the database, then read again: a session that
/// another process ended (a password reset with `bulkhead accounts add`) stops working within that time, and one
/// ended by this process (``forget(username:)``) at once. Expiry is checked on every use.
final class SessionCache: Sendable {
  private struct Entry {
    let username: String
    let expiresAt: Date
    let checkedAt: ContinuousClock.Instant
  }

  /// How long an entry is trusted before the database is asked again.
  static let recheckAfter: Duration = .seconds(2)
  /// Entries kept at most; past it the cache starts over (a flood of made-up tokens never enters it anyway).
  static let capacity = 4096
  private let entries = Mutex<[String: Entry]>([:])

  /// What the cache knows of `token`.
  enum Lookup {
    /// A live session of this GM.
    case user(String)
    /// The session has expired.
    case expired
    /// Not known, or due to be checked again.
    case unknown
  }

  func lookup(_ token: String, now: Date = Date()) -> Lookup {
    entries.withLock { entries in
      guard let entry = entries[token] else { return .unknown }
      if entry.expiresAt <= now {
        entries[token] = nil
        return .expired
      }
      guard entry.checkedAt.duration(to: .now) < Self.recheckAfter else { return .unknown }
      return .user(entry.username)
    }
  }

  /// Remembers a session read from the database (or just opened).
  func remember(_ token: String, username: String, expiresAt: Date) {
    entries.withLock { entries in
      if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
      entries[token] = Entry(username: username, expiresAt: expiresAt, checkedAt: .now)
    }
  }

  /// Forgets a token the database no longer knows.
  func forget(token: String) {
    _ = entries.withLock { $0.removeValue(forKey: token) }
  }

  /// Forgets every session of `username` (its password changed).
  func forget(username: String) {
    entries.withLock { entries in entries = entries.filter { $0.value.username != username } }
  }
}
