import Foundation
import GRDB

/// The SQLite database of a server: GM accounts and sessions, broadcasts, CHARON conversations.
///
/// A `DatabasePool` (WAL journal): every acknowledged write is committed to disk before the
/// response goes out, so messages survive a restart or a `kill -9`.
public struct Database: Sendable {
  /// The pool every store shares.
  public let pool: DatabasePool

  /// Opens (creating it and its folder when needed) the database at `path` and migrates it.
  public init(path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
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
    return migrator
  }
}
