/// A broadcast message, as `GET /api/messages/` lists it: `{id, sender, content, priority, created_at}`.
///
/// The server writes it with ``json`` and the displays read it with ``init(json:)``.
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
  /// - Throws: `JSONReadError` naming the key that has the wrong type or an unknown priority.
  public init(json: JSONValue) throws(JSONReadError) {
    let fields = try JSONObject(json)
    id = try fields.int("id")
    sender = try fields.optionalString("sender") ?? ""
    content = try fields.optionalString("content") ?? ""
    priority = try fields.optionalChoice("priority", MessagePriority.self) ?? .normal
    createdAt = try fields.optionalString("created_at") ?? ""
  }

  /// The message with the keys of API.md.
  public var json: JSONValue {
    [
      "id": .int(id), "sender": .string(sender), "content": .string(content),
      "priority": .string(priority.rawValue), "created_at": .string(createdAt),
    ]
  }

  /// Reads the list response `{messages, count}` and returns its messages in the order given (newest first);
  /// `count` is not needed and not checked, and absent `messages` read as none.
  ///
  /// - Throws: `JSONReadError` naming the key, e.g. `messages.3.priority`.
  public static func list(json: JSONValue) throws(JSONReadError) -> [BroadcastMessage] {
    try JSONObject(json).array("messages") { value throws(JSONReadError) in try BroadcastMessage(json: value) }
  }

  /// The list response `{messages, count}` of `messages`, in the order given.
  public static func listJSON(_ messages: [BroadcastMessage]) -> JSONValue {
    ["messages": .array(messages.map(\.json)), "count": .int(messages.count)]
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
