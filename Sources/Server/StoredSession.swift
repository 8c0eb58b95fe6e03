import BulkheadCore

/// A campaign's stored session, for `bulkhead session`: read it, or start it over.
public struct StoredSession: Sendable {
  private let store: any SessionStore

  /// The session of `campaign` in the SQLite database at `databasePath` (created when missing).
  public init(databasePath: String, campaign: Campaign) throws {
    store = SQLiteSessionStore(database: try Database(path: databasePath), campaign: campaign.sessionKey)
  }

  /// The session of `campaign` in a cluster's database. A reset is announced: every running server of the
  /// cluster moves to the new session at once.
  public init(cluster: ClusterDatabase, campaign: Campaign) {
    store = PostgresSessionStore(database: cluster, campaign: campaign.sessionKey)
  }

  /// The session as stored (a new one is stored when there is none yet).
  public func show() async throws -> SessionSnapshot {
    try await store.open(startOver: false)
  }

  /// Starts the session over: a new epoch, version 0, STANDBY. Messages and accounts stay.
  public func reset() async throws -> SessionSnapshot {
    try await store.open(startOver: true)
  }
}
