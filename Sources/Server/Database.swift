import Foundation
import GRDB

/// The SQLite database of a server: the active view of each campaign's session, GM accounts and their logins,
/// broadcasts, CHARON conversations.
///
/// A `DatabasePool` (WAL journal, `synchronous = FULL`): every acknowledged write is committed to disk before
/// the response goes out, so the table and the messages survive a restart, a `kill -9` or a power cut.
public struct Database: Sendable {
  /// The pool every store shares.
  public let pool: DatabasePool

  /// Opens (creating it and its folder when needed) the database at `path` and migrates it.
  public init(path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    pool = try DatabasePool(path: path, configuration: configuration)
    try Self.migrator.migrate(pool)
  }

  private static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "gmAccount") { table in
        table.primaryKey("username", .text)
        table.column("passwordHash", .text).notNull()
        table.column("createdAt", .datetime).notNull()
      }
      try db.create(table: "gmSession") { table in
        table.primaryKey("token", .text)
        table.column("username", .text).notNull()
          .references("gmAccount", onDelete: .cascade)
        table.column("expiresAt", .datetime).notNull()
      }
      try db.create(table: "broadcastMessage") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("sender", .text).notNull()
        table.column("content", .text).notNull()
        table.column("priority", .text).notNull()
        table.column("createdAt", .datetime).notNull()
      }
      try db.create(table: "charonMessage") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("messageID", .text).notNull().unique()
        table.column("channel", .text).notNull().indexed()
        table.column("role", .text).notNull()
        table.column("content", .text).notNull()
        table.column("createdAt", .datetime).notNull()
      }
    }
    migrator.registerMigration("v2-active-session") { db in
      try db.create(table: "activeSession") { table in
        table.primaryKey("campaign", .text)
        table.column("epoch", .text).notNull()
        table.column("version", .integer).notNull()
        table.column("state", .text).notNull()
        table.column("updatedAt", .datetime).notNull()
      }
    }
    return migrator
  }
}
