import Logging
import PostgresNIO

/// The cluster database's tables, created and updated in order; servers starting together take turns
/// (a transaction-wide advisory lock), so each migration runs once.
enum ClusterMigrations {
  /// The migrations by name, in order.
  static let steps: [(name: String, sql: [String])] = [
    (
      "v1",
      [
        """
        CREATE TABLE active_session (campaign TEXT PRIMARY KEY, epoch TEXT NOT NULL, version BIGINT NOT NULL,
          state TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now())
        """,
        """
        CREATE TABLE session_version (campaign TEXT NOT NULL, epoch TEXT NOT NULL, version BIGINT NOT NULL,
          state TEXT NOT NULL, PRIMARY KEY (campaign, epoch, version))
        """,
        """
        CREATE TABLE gm_account (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL)
        """,
        """
        CREATE TABLE gm_session (token TEXT PRIMARY KEY,
          username TEXT NOT NULL REFERENCES gm_account (username) ON DELETE CASCADE, expires_at TIMESTAMPTZ NOT NULL)
        """,
        """
        CREATE TABLE broadcast_message (id BIGSERIAL PRIMARY KEY, sender TEXT NOT NULL, content TEXT NOT NULL,
          priority TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)
        """,
        """
        CREATE TABLE charon_message (id BIGSERIAL PRIMARY KEY, message_id TEXT NOT NULL UNIQUE,
          channel TEXT NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)
        """,
        "CREATE INDEX charon_message_channel ON charon_message (channel, id)",
      ]
    )
  ]

  /// Applies the migrations not applied yet, inside the caller's transaction.
  static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
    try await connection.query("SELECT pg_advisory_xact_lock(7461201)", logger: logger)
    try await connection.query(
      "CREATE TABLE IF NOT EXISTS bulkhead_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
      logger: logger)
    var applied: Set<String> = []
    for try await name in try await connection.query("SELECT name FROM bulkhead_migration", logger: logger)
      .decode(String.self)
    {
      applied.insert(name)
    }
    for step in steps where !applied.contains(step.name) {
      for statement in step.sql { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
      try await connection.query(
        "INSERT INTO bulkhead_migration (name, applied_at) VALUES (\(step.name), now())", logger: logger)
      logger.info("cluster database: migration \(step.name) applied")
    }
  }
}
