import BulkheadCore
import Foundation
import GRDB

/// The session of one campaign in the server's SQLite database (table `activeSession`, one row per campaign).
///
/// Each change is one small write transaction, committed (WAL, `synchronous = FULL`) before it returns.
struct SQLiteSessionStore: SessionStore {
  let database: Database
  /// The row's key: the campaign's name.
  let campaign: String

  func open(startOver: Bool) async throws -> SessionSnapshot {
    let campaign = campaign
    return try await database.pool.write { db in
      if !startOver, let stored = try Self.read(db, campaign: campaign) { return stored }
      let fresh = SessionSnapshot.fresh()
      try db.execute(
        sql: """
          INSERT INTO activeSession (campaign, epoch, version, state, updatedAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (campaign) DO UPDATE SET
            epoch = excluded.epoch, version = excluded.version, state = excluded.state, updatedAt = excluded.updatedAt
          """,
        arguments: [campaign, fresh.epoch, fresh.version, SessionSnapshot.encodeState(fresh.state), Date()])
      return fresh
    }
  }

  func current() async throws -> SessionSnapshot {
    let campaign = campaign
    return try await database.pool.read { db in
      guard let stored = try Self.read(db, campaign: campaign) else {
        throw SessionStoreError("the session of \(campaign) is missing from the database")
      }
      return stored
    }
  }

  func commit(
    cached: SessionSnapshot, _ apply: @escaping @Sendable (ActiveViewState) throws -> Outcome
  ) async throws -> SessionCommit {
    let campaign = campaign
    return try await database.pool.write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT epoch, version FROM activeSession WHERE campaign = ?", arguments: [campaign])
      else { throw SessionStoreError("the session of \(campaign) is missing from the database") }
      let epoch: String = row["epoch"]
      let version: Int = row["version"]
      // Another process wrote the row (or started the session over): start from what is stored.
      let current =
        epoch == cached.epoch && version == cached.version ? cached : try Self.read(db, campaign: campaign)!
      let outcome = try apply(current.state)
      guard outcome.state != current.state else { return SessionCommit(snapshot: current, outcome: outcome) }
      let next = SessionSnapshot(epoch: current.epoch, version: current.version + 1, state: outcome.state)
      try db.execute(
        sql: "UPDATE activeSession SET version = ?, state = ?, updatedAt = ? WHERE campaign = ?",
        arguments: [next.version, SessionSnapshot.encodeState(next.state), Date(), campaign])
      return SessionCommit(snapshot: next, outcome: outcome)
    }
  }

  private static func read(_ db: GRDB.Database, campaign: String) throws -> SessionSnapshot? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT epoch, version, state FROM activeSession WHERE campaign = ?", arguments: [campaign])
    else { return nil }
    return SessionSnapshot(
      epoch: row["epoch"], version: row["version"], state: try SessionSnapshot.decodeState(row["state"]))
  }
}
