import Foundation
import GRDB
import PostgresNIO

/// Where broadcasts and CHARON lines are kept: the SQLite database of one server, or a cluster's PostgreSQL.
protocol MessageRecords: Sendable {
  /// Stores a broadcast and returns its id.
  func insert(_ message: BroadcastRecord) async throws -> Int64
  /// The newest broadcasts with an id above `since`, newest first.
  func broadcasts(since: Int64, limit: Int) async throws -> [BroadcastRecord]
  /// Stores a CHARON line.
  func insert(_ message: CharonRecord) async throws
  /// A channel's lines, oldest first.
  func conversation(channel: String) async throws -> [CharonRecord]
}

/// The messages in the SQLite database.
struct SQLiteMessageRecords: MessageRecords {
  let database: Database

  func insert(_ message: BroadcastRecord) async throws -> Int64 {
    try await database.pool.write { db in
      var message = message
      try message.insert(db)
      return message.id ?? 0
    }
  }

  func broadcasts(since: Int64, limit: Int) async throws -> [BroadcastRecord] {
    try await database.pool.read { db in
      try BroadcastRecord.filter(Column("id") > since).order(Column("id").desc).limit(limit).fetchAll(db)
    }
  }

  func insert(_ message: CharonRecord) async throws {
    try await database.pool.write { db in
      var message = message
      try message.insert(db)
    }
  }

  func conversation(channel: String) async throws -> [CharonRecord] {
    try await database.pool.read { db in
      try CharonRecord.filter(Column("channel") == channel).order(Column("id")).fetchAll(db)
    }
  }
}

/// The messages in a cluster's PostgreSQL database.
struct PostgresMessageRecords: MessageRecords {
  let database: ClusterDatabase

  func insert(_ message: BroadcastRecord) async throws -> Int64 {
    let logger = database.logger
    return try await database.transaction { connection in
      var stored: Int64?
      for try await id in try await connection.query(
        """
        INSERT INTO broadcast_message (sender, content, priority, created_at)
        VALUES (\(message.sender), \(message.content), \(message.priority), \(message.createdAt)) RETURNING id
        """, logger: logger
      ).decode(Int64.self) {
        stored = id
      }
      // Read to the end before returning: a result left half-read holds the connection open.
      guard let stored else { throw DatabaseQueryError(description: "the broadcast was stored without an id") }
      return stored
    }
  }

  func broadcasts(since: Int64, limit: Int) async throws -> [BroadcastRecord] {
    try await database.rows(
      """
      SELECT id, sender, content, priority, created_at FROM broadcast_message WHERE id > \(since)
      ORDER BY id DESC LIMIT \(limit)
      """
    ) { rows in
      var found: [BroadcastRecord] = []
      for try await (id, sender, content, priority, createdAt) in rows.decode(
        (Int64, String, String, String, Date).self)
      {
        found.append(
          BroadcastRecord(id: id, sender: sender, content: content, priority: priority, createdAt: createdAt))
      }
      return found
    }
  }

  func insert(_ message: CharonRecord) async throws {
    let logger = database.logger
    try await database.transaction { connection in
      try await connection.query(
        """
        INSERT INTO charon_message (message_id, channel, role, content, created_at)
        VALUES (\(message.messageID), \(message.channel), \(message.role), \(message.content), \(message.createdAt))
        """, logger: logger)
    }
  }

  func conversation(channel: String) async throws -> [CharonRecord] {
    try await database.rows(
      """
      SELECT id, message_id, channel, role, content, created_at FROM charon_message WHERE channel = \(channel)
      ORDER BY id
      """
    ) { rows in
      var found: [CharonRecord] = []
      for try await (id, messageID, channel, role, content, createdAt) in rows.decode(
        (Int64, String, String, String, String, Date).self)
      {
        found.append(
          CharonRecord(
            id: id, messageID: messageID, channel: channel, role: role, content: content, createdAt: createdAt))
      }
      return found
    }
  }
}
