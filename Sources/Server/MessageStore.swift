import BulkheadCore
import Foundation
import GRDB

/// A broadcast message as stored; ``message`` is the one `/api/messages/` lists.
struct BroadcastRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
  static let databaseTableName = "broadcastMessage"
  var id: Int64?
  var sender: String
  var content: String
  var priority: String
  var createdAt: Date

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// The message of the wire contract.
  var message: BroadcastMessage {
    BroadcastMessage(
      id: Int(id ?? 0), sender: sender, content: content,
      priority: MessagePriority(rawValue: priority) ?? .normal, createdAt: Timestamps.plain(createdAt))
  }
}

/// One line of a CHARON conversation as stored; ``line`` is the one the conversation lists.
struct CharonRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
  static let databaseTableName = "charonMessage"
  var id: Int64?
  var messageID: String
  var channel: String
  var role: String
  var content: String
  var createdAt: Date

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// The line of the wire contract.
  var line: CharonConversation.Line {
    CharonConversation.Line(
      messageID: messageID, role: role, content: content, timestamp: Timestamps.iso(createdAt))
  }
}

/// Broadcasts and CHARON conversations, in SQLite or in a cluster's PostgreSQL database.
public struct MessageStore: Sendable {
  /// How many messages `/api/messages/` returns at most.
  public static let pageSize = 50
  let records: any MessageRecords

  /// A store over the SQLite `database`.
  public init(database: Database) {
    records = SQLiteMessageRecords(database: database)
  }

  /// A store over a cluster's database.
  public init(cluster: ClusterDatabase) {
    records = PostgresMessageRecords(database: cluster)
  }

  /// Stores a broadcast and returns its id.
  func addBroadcast(sender: String, content: String, priority: MessagePriority) async throws -> Int64 {
    try await records.insert(
      BroadcastRecord(sender: sender, content: content, priority: priority.rawValue, createdAt: Date()))
  }

  /// The newest broadcasts with an id above `since`, newest first, at most `pageSize`.
  func broadcasts(since: Int64) async throws -> [BroadcastRecord] {
    try await records.broadcasts(since: since, limit: Self.pageSize)
  }

  /// Appends a line to a CHARON channel and returns its message id.
  func addCharonMessage(channel: String, role: String, content: String) async throws -> String {
    let messageID = UUID().uuidString.lowercased()
    try await records.insert(
      CharonRecord(messageID: messageID, channel: channel, role: role, content: content, createdAt: Date()))
    return messageID
  }

  /// The conversation of a channel, oldest first.
  func charonConversation(channel: String) async throws -> [CharonRecord] {
    try await records.conversation(channel: channel)
  }
}

/// The timestamp spellings of API.md.
enum Timestamps {
  /// `YYYY-MM-DD HH:MM:SS` in UTC.
  static func plain(_ date: Date) -> String {
    format(date, separator: " ")
  }

  /// `YYYY-MM-DDTHH:MM:SS` in UTC.
  static func iso(_ date: Date) -> String {
    format(date, separator: "T")
  }

  private static func format(_ date: Date, separator: String) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String {
      let text = String(value ?? 0)
      return text.count < 2 ? "0" + text : text
    }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))\(separator)"
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
  }
}
