import Foundation
import GRDB
import PostgresNIO

/// Where GM accounts and their logins are kept: the SQLite database of one server, or a cluster's PostgreSQL.
protocol AccountRecords: Sendable {
  /// Creates or replaces an account and ends its open logins.
  func save(_ account: GMAccount) async throws
  /// The account names, sorted.
  func usernames() async throws -> [String]
  /// The account `username`, if there is one.
  func account(_ username: String) async throws -> GMAccount?
  /// Stores a new login (and forgets the expired ones).
  func open(_ session: GMSession) async throws
  /// The login with `token`, if there is one.
  func session(_ token: String) async throws -> GMSession?
}

/// The accounts in the SQLite database.
struct SQLiteAccountRecords: AccountRecords {
  let database: Database

  func save(_ account: GMAccount) async throws {
    try await database.pool.write { db in
      try account.save(db)
      try GMSession.filter(Column("username") == account.username).deleteAll(db)
    }
  }

  func usernames() async throws -> [String] {
    try await database.pool.read { db in
      try String.fetchAll(db, sql: "SELECT username FROM gmAccount ORDER BY username")
    }
  }

  func account(_ username: String) async throws -> GMAccount? {
    try await database.pool.read { db in try GMAccount.fetchOne(db, key: username) }
  }

  func open(_ session: GMSession) async throws {
    try await database.pool.write { db in
      try GMSession.filter(Column("expiresAt") < Date()).deleteAll(db)
      try session.insert(db)
    }
  }

  func session(_ token: String) async throws -> GMSession? {
    try await database.pool.read { db in try GMSession.fetchOne(db, key: token) }
  }
}

/// The accounts in a cluster's PostgreSQL database.
struct PostgresAccountRecords: AccountRecords {
  let database: ClusterDatabase

  func save(_ account: GMAccount) async throws {
    let logger = database.logger
    try await database.transaction { connection in
      try await connection.query(
        """
        INSERT INTO gm_account (username, password_hash, created_at)
        VALUES (\(account.username), \(account.passwordHash), \(account.createdAt))
        ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash
        """, logger: logger)
      try await connection.query("DELETE FROM gm_session WHERE username = \(account.username)", logger: logger)
    }
  }

  func usernames() async throws -> [String] {
    try await database.rows("SELECT username FROM gm_account ORDER BY username") { rows in
      var names: [String] = []
      for try await name in rows.decode(String.self) { names.append(name) }
      return names
    }
  }

  func account(_ username: String) async throws -> GMAccount? {
    try await database.rows(
      "SELECT username, password_hash, created_at FROM gm_account WHERE username = \(username)"
    ) { rows in
      var found: [GMAccount] = []
      for try await (name, hash, createdAt) in rows.decode((String, String, Date).self) {
        found.append(GMAccount(username: name, passwordHash: hash, createdAt: createdAt))
      }
      return found
    }.first
  }

  func open(_ session: GMSession) async throws {
    let logger = database.logger
    try await database.transaction { connection in
      try await connection.query("DELETE FROM gm_session WHERE expires_at < now()", logger: logger)
      try await connection.query(
        """
        INSERT INTO gm_session (token, username, expires_at)
        VALUES (\(session.token), \(session.username), \(session.expiresAt))
        """, logger: logger)
    }
  }

  func session(_ token: String) async throws -> GMSession? {
    try await database.rows("SELECT token, username, expires_at FROM gm_session WHERE token = \(token)") { rows in
      var found: [GMSession] = []
      for try await (token, username, expiresAt) in rows.decode((String, String, Date).self) {
        found.append(GMSession(token: token, username: username, expiresAt: expiresAt))
      }
      return found
    }.first
  }
}
