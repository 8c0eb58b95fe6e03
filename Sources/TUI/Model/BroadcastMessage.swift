import BulkheadCore

/// A broadcast message, as `GET /api/messages/` lists it: `{id, sender, content, priority, created_at}`.
public struct BroadcastMessage: Sendable, Equatable, Identifiable {
  /// The server's id, increasing with each broadcast; the next poll asks for `?since=` the largest seen.
  public var id: Int
  /// Who sent it, e.g. `CHARON`.
  public var sender: String
  /// The text.
  public var content: String
  /// `LOW`, `NORMAL`, `HIGH` or `CRITICAL`.
  public var priority: MessagePriority
  /// When it was sent, `YYYY-MM-DD HH:MM:SS` in UTC as the server spells it.
  public var createdAt: String

  /// Creates a message.
  public init(id: Int, sender: String, content: String, priority: MessagePriority = .normal, createdAt: String = "") {
    self.id = id
    self.sender = sender
    self.content = content
    self.priority = priority
    self.createdAt = createdAt
  }

  /// Reads one message. `id` is required; `sender`, `content` and `created_at` default to `""` and `priority` to
  /// `NORMAL` when absent or `null`.
  ///
  /// - Throws: `PayloadError` naming the key that has the wrong type or an unknown priority.
  public init(json: JSONValue) throws(PayloadError) {
    let fields = try MessageFields(json)
    id = try fields.int("id")
    sender = try fields.string("sender")
    content = try fields.string("content")
    priority = try fields.choice("priority", MessagePriority.self, default: .normal)
    createdAt = try fields.string("created_at")
  }

  /// Reads the list response `{messages, count}` and returns its messages in the order given (newest first);
  /// `count` is not needed and not checked, and absent `messages` read as none.
  ///
  /// - Throws: `PayloadError` naming the key, e.g. `messages.3.priority`.
  public static func list(json: JSONValue) throws(PayloadError) -> [BroadcastMessage] {
    try MessageFields(json).array("messages") { value throws(PayloadError) in try BroadcastMessage(json: value) }
  }

  /// `HH:MM` taken from ``createdAt`` (UTC), or `""` when it is not in the server's spelling.
  public var time: String {
    let characters = Array(createdAt)
    guard characters.count >= 16, characters[13] == ":",
      characters[11...15].allSatisfy({ $0 == ":" || $0.isASCII && $0.isNumber })
    else { return "" }
    return String(characters[11...15])
  }

  /// `true` for HIGH and CRITICAL messages: those that pop over the view.
  public var isUrgent: Bool { priority == .high || priority == .critical }
}
