extension TerminalMessage {
  /// Reads one message of a terminal response; every key is optional (strings default to `""`, `priority` to
  /// `NORMAL`, `read` to `true` as the campaign loader does, `folder` to `inbox`).
  ///
  /// - Throws: `JSONReadError` naming the key that has the wrong type.
  public init(json: JSONValue) throws(JSONReadError) {
    let fields = try JSONObject(json)
    self.init(
      messageID: try fields.optionalString("message_id") ?? "", subject: try fields.optionalString("subject") ?? "",
      from: try fields.optionalString("from") ?? "", to: try fields.optionalString("to") ?? "",
      content: try fields.optionalString("content") ?? "", timestamp: try fields.optionalString("timestamp"),
      priority: try fields.optionalString("priority") ?? "NORMAL", read: try fields.optionalBool("read") ?? true,
      folder: try fields.optionalString("folder") ?? "inbox", contact: try fields.optionalString("contact") ?? "",
      conversationID: try fields.optionalString("conversation_id") ?? "",
      inReplyTo: try fields.optionalString("in_reply_to") ?? "")
  }

  /// The message with the keys of API.md (`timestamp` is `null` when the message has none).
  public var json: JSONValue {
    [
      "message_id": .string(messageID), "subject": .string(subject), "from": .string(from), "to": .string(to),
      "content": .string(content), "timestamp": timestamp.map(JSONValue.string) ?? .null,
      "priority": .string(priority), "read": .bool(read), "folder": .string(folder), "contact": .string(contact),
      "conversation_id": .string(conversationID), "in_reply_to": .string(inReplyTo),
    ]
  }

  /// The sender to show: ``from``, else ``contact``.
  public var sender: String { from.isEmpty ? contact : from }
}
