import BulkheadCore
import Foundation
import PostgresNIO

/// A campaign's session in the cluster's PostgreSQL database: the current row in `active_session`, and every
/// version in `session_version` (the last ``keptVersions``) so that a server catching up publishes each one.
///
/// A write is committed atomically with its `NOTIFY` on ``channel`` (a ``SessionNotice``, the new state in it when
/// it fits). When this server's cached snapshot is the stored one — the usual case, every server follows the
/// notifications — the reducer runs on it and one statement stores version + 1 only if the row still holds the cached
/// version (one round trip); otherwise, or when the reducer refuses or changes nothing, one transaction locks the
/// row, reads it, applies the reducer to the stored state and stores version + 1.
struct PostgresSessionStore: SessionStore {
  /// The channel every server listens on; the payload is a ``SessionNotice``.
  static let channel = "bulkhead_session"
  /// How many past versions are kept for servers catching up.
  static let keptVersions = 1000
  let database: ClusterDatabase
  /// The row's key: the campaign's name.
  let campaign: String

  func open(startOver: Bool) async throws -> SessionSnapshot {
    let campaign = campaign
    return try await database.transaction { connection in
      if !startOver, let stored = try await Self.read(connection, campaign: campaign, locking: true) { return stored }
      let fresh = SessionSnapshot.fresh()
      let state = SessionSnapshot.encodeState(fresh.state)
      try await connection.query(
        """
        INSERT INTO active_session (campaign, epoch, version, state) VALUES (\(campaign), \(fresh.epoch), 0, \(state))
        ON CONFLICT (campaign) DO UPDATE SET epoch = excluded.epoch, version = 0, state = excluded.state,
          updated_at = now()
        """, logger: database.logger)
      try await Self.record(fresh, state: state, campaign: campaign, on: connection, database.logger)
      return fresh
    }
  }

  func current() async throws -> SessionSnapshot {
    let campaign = campaign
    return try await database.transaction { connection in
      guard let stored = try await Self.read(connection, campaign: campaign, locking: false) else {
        throw SessionStoreError("the session of \(campaign) is missing from the database")
      }
      return stored
    }
  }

  func commit(
    cached: SessionSnapshot, _ apply: @escaping @Sendable (ActiveViewState) throws -> Outcome
  ) async throws -> SessionCommit {
    if let committed = try await commitOverCached(cached, apply) { return committed }
    return try await commitLocked(cached: cached, apply)
  }

  /// The one-statement write: `apply` on `cached`, stored as version + 1 with its history row and its notice if
  /// and only if the row still holds `cached`'s epoch and version. Nil when it did not commit (another server wrote
  /// since, or `apply` refused or changed nothing: the locked path then decides on the stored state).
  private func commitOverCached(
    _ cached: SessionSnapshot, _ apply: @escaping @Sendable (ActiveViewState) throws -> Outcome
  ) async throws -> SessionCommit? {
    guard let outcome = try? apply(cached.state), outcome.state != cached.state else { return nil }
    let next = SessionSnapshot(epoch: cached.epoch, version: cached.version + 1, state: outcome.state)
    let state = SessionSnapshot.encodeState(next.state)
    let notice = try SessionNotice.payload(
      campaign: campaign, epoch: next.epoch, version: next.version, stateJSON: state)
    let stored = try await database.rows(
      """
      WITH updated AS (
        UPDATE active_session SET version = \(next.version), state = \(state), updated_at = now()
        WHERE campaign = \(campaign) AND epoch = \(cached.epoch) AND version = \(cached.version)
        RETURNING version
      ), kept AS (
        INSERT INTO session_version (campaign, epoch, version, state)
        SELECT \(campaign), \(next.epoch), version, \(state) FROM updated
        RETURNING version
      )
      SELECT version, pg_notify(\(Self.channel), \(notice))::text FROM kept
      """
    ) { rows in
      var versions: [Int] = []
      for try await (version, _) in rows.decode((Int, String).self) { versions.append(version) }
      return versions
    }
    guard stored == [next.version] else { return nil }
    if next.version % 100 == 0 {
      try await database.transaction { [campaign, logger = database.logger] connection in
        try await Self.prune(campaign: campaign, keeping: next, on: connection, logger)
      }
    }
    return SessionCommit(snapshot: next, outcome: outcome, missed: [cached])
  }

  /// The locked write: the row locked and read (`cached` stands in for it when it is that version), `apply` on the
  /// stored state, version + 1 stored with its history row and notice, in one transaction.
  private func commitLocked(
    cached: SessionSnapshot, _ apply: @escaping @Sendable (ActiveViewState) throws -> Outcome
  ) async throws -> SessionCommit {
    let campaign = campaign
    let logger = database.logger
    return try await database.transaction { connection in
      var head: (epoch: String, version: Int)?
      for try await row in try await connection.query(
        "SELECT epoch, version FROM active_session WHERE campaign = \(campaign) FOR UPDATE", logger: logger
      ).decode((String, Int).self) {
        head = row
      }
      guard let head else { throw SessionStoreError("the session of \(campaign) is missing from the database") }
      var current = cached
      var missed: [SessionSnapshot] = []
      if head.epoch != cached.epoch || head.version != cached.version {
        // Another server wrote since: start from the stored state, and hand back the versions in between.
        current = try await Self.read(connection, campaign: campaign, locking: false)!
        if head.epoch == cached.epoch {
          missed = try await Self.versions(connection, campaign: campaign, after: cached, upTo: head.version - 1)
        }
      }
      let outcome = try apply(current.state)
      guard outcome.state != current.state else {
        return SessionCommit(snapshot: current, outcome: outcome, missed: missed + [current])
      }
      let next = SessionSnapshot(epoch: current.epoch, version: current.version + 1, state: outcome.state)
      let state = SessionSnapshot.encodeState(next.state)
      try await connection.query(
        """
        UPDATE active_session SET version = \(next.version), state = \(state), updated_at = now()
        WHERE campaign = \(campaign)
        """, logger: logger)
      try await Self.record(next, state: state, campaign: campaign, on: connection, logger)
      return SessionCommit(snapshot: next, outcome: outcome, missed: missed + [current])
    }
  }

  /// The stored versions after `snapshot` (same epoch), oldest first, up to `last`.
  func versions(after snapshot: SessionSnapshot, upTo last: Int) async throws -> [SessionSnapshot] {
    let campaign = campaign
    return try await database.transaction { connection in
      try await Self.versions(connection, campaign: campaign, after: snapshot, upTo: last)
    }
  }

  private static func versions(
    _ connection: PostgresConnection, campaign: String, after snapshot: SessionSnapshot, upTo last: Int
  ) async throws -> [SessionSnapshot] {
    var found: [SessionSnapshot] = []
    for try await (version, state) in try await connection.query(
      """
      SELECT version, state FROM session_version WHERE campaign = \(campaign) AND epoch = \(snapshot.epoch)
        AND version > \(snapshot.version) AND version <= \(last) ORDER BY version
      """, logger: Logger(label: "bulkhead-cluster")
    ).decode((Int, String).self) {
      found.append(
        SessionSnapshot(epoch: snapshot.epoch, version: version, state: try SessionSnapshot.decodeState(state)))
    }
    return found
  }

  private static func read(
    _ connection: PostgresConnection, campaign: String, locking: Bool
  ) async throws -> SessionSnapshot? {
    let query: PostgresQuery =
      locking
      ? "SELECT epoch, version, state FROM active_session WHERE campaign = \(campaign) FOR UPDATE"
      : "SELECT epoch, version, state FROM active_session WHERE campaign = \(campaign)"
    // Every row is read before returning: a result left half-read holds the connection (and the transaction)
    // open for good.
    var found: SessionSnapshot?
    for try await (epoch, version, state) in try await connection.query(
      query, logger: Logger(label: "bulkhead-cluster")
    )
    .decode((String, Int, String).self) {
      found = SessionSnapshot(epoch: epoch, version: version, state: try SessionSnapshot.decodeState(state))
    }
    return found
  }

  /// Keeps `snapshot` in the history (pruned to ``keptVersions``) and notifies every server at commit, with the
  /// state in the notice when it fits.
  private static func record(
    _ snapshot: SessionSnapshot, state: String, campaign: String, on connection: PostgresConnection, _ logger: Logger
  ) async throws {
    try await connection.query(
      """
      INSERT INTO session_version (campaign, epoch, version, state)
      VALUES (\(campaign), \(snapshot.epoch), \(snapshot.version), \(state))
      """, logger: logger)
    if snapshot.version == 0 || snapshot.version % 100 == 0 {
      try await prune(campaign: campaign, keeping: snapshot, on: connection, logger)
    }
    let notice = try SessionNotice.payload(
      campaign: campaign, epoch: snapshot.epoch, version: snapshot.version, stateJSON: state)
    try await connection.query("SELECT pg_notify(\(channel), \(notice))", logger: logger)
  }

  /// Drops the history older than ``keptVersions`` before `snapshot`, and every other epoch's.
  private static func prune(
    campaign: String, keeping snapshot: SessionSnapshot, on connection: PostgresConnection, _ logger: Logger
  ) async throws {
    let oldest = snapshot.version - keptVersions
    try await connection.query(
      """
      DELETE FROM session_version WHERE campaign = \(campaign)
        AND (epoch <> \(snapshot.epoch) OR version < \(oldest))
      """, logger: logger)
  }
}
