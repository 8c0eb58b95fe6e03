/// The CHARON conversation of a channel, as `GET /api/charon/conversation/` returns it.
///
/// The server writes it with ``json`` and the displays read it with ``init(json:)``.
public struct CharonConversation: Sendable, Equatable {
  /// One line of the conversation.
  public struct Line: Sendable, Equatable {
    /// `message_id`.
    public var messageID: String
    /// Who wrote it: `charon` for CHARON, `user` for a player's query (compared case-insensitively).
    public var role: String
    /// The text.
    public var content: String
    /// When it was written, `YYYY-MM-DDTHH:MM:SS` in UTC; `""` when absent.
    public var timestamp: String
    /// `true` while the line waits for the GM's approval.
    public var pendingApproval: Bool

    /// Creates a line.
    public init(
      messageID: String = "", role: String, content: String, timestamp: String = "", pendingApproval: Bool = false
    ) {
      self.messageID = messageID
      self.role = role
      self.content = content
      self.timestamp = timestamp
      self.pendingApproval = pendingApproval
    }

    /// Reads one line; every key is optional (strings default to `""`, `role` to `charon`, `pending_approval` to
    /// `false`).
    ///
    /// - Throws: `JSONReadError` naming the key that has the wrong type.
    public init(json: JSONValue) throws(JSONReadError) {
      let fields = try JSONObject(json)
      self.init(
        messageID: try fields.optionalString("message_id") ?? "",
        role: try fields.optionalString("role") ?? "charon",
        content: try fields.optionalString("content") ?? "", timestamp: try fields.optionalString("timestamp") ?? "",
        pendingApproval: try fields.optionalBool("pending_approval") ?? false)
    }

    /// The line with the keys of API.md.
    public var json: JSONValue {
      [
        "message_id": .string(messageID), "role": .string(role), "content": .string(content),
        "timestamp": .string(timestamp), "pending_approval": .bool(pendingApproval),
      ]
    }

    /// `true` when CHARON wrote the line; any other role is a player's.
    public var isFromCharon: Bool { role.lowercased() == "charon" }
  }

  /// `DISPLAY` or `QUERY` when the conversation was fetched.
  public var mode: CharonMode
  /// The channel the lines belong to, e.g. `story`; `""` when the response does not say.
  public var channel: String
  /// The location path CHARON is set to.
  public var charonLocationPath: String
  /// The location path in effect: the encounter's during an ENCOUNTER, else ``charonLocationPath``.
  public var activeLocationPath: String
  /// The lines, oldest first.
  public var messages: [Line]

  /// Creates a conversation.
  public init(
    mode: CharonMode = .display, channel: String = "", charonLocationPath: String = "",
    activeLocationPath: String = "", messages: [Line] = []
  ) {
    self.mode = mode
    self.channel = channel
    self.charonLocationPath = charonLocationPath
    self.activeLocationPath = activeLocationPath
    self.messages = messages
  }

  /// Reads the conversation response; every key is optional (`mode` defaults to `DISPLAY`, strings to `""`,
  /// `messages` to none).
  ///
  /// - Throws: `JSONReadError` naming the key that has the wrong type or an unknown mode, e.g. `messages.0.role`.
  public init(json: JSONValue) throws(JSONReadError) {
    let fields = try JSONObject(json)
    self.init(
      mode: try fields.optionalChoice("mode", CharonMode.self) ?? .display,
      channel: try fields.optionalString("channel") ?? "",
      charonLocationPath: try fields.optionalString("charon_location_path") ?? "",
      activeLocationPath: try fields.optionalString("active_location_path") ?? "",
      messages: try fields.array("messages") { value throws(JSONReadError) in try Line(json: value) })
  }

  /// The response with the keys of API.md. The location paths are written when `withLocations`, as the answer for
  /// the active channel has them; the answer for a named channel leaves them out.
  public func json(withLocations: Bool) -> JSONValue {
    var members: [String: JSONValue] = [
      "mode": .string(mode.rawValue), "channel": .string(channel), "messages": .array(messages.map(\.json)),
    ]
    if withLocations {
      members["charon_location_path"] = .string(charonLocationPath)
      members["active_location_path"] = .string(activeLocationPath)
    }
    return .object(members)
  }
}
