import BulkheadCore

/// A comm terminal as `GET /api/terminal/<location>/<terminal>/` returns it: who owns it and its messages.
public struct TerminalInbox: Sendable, Equatable {
  /// One message of the terminal, with the keys of API.md.
  public struct Message: Sendable, Equatable {
    /// `message_id`.
    public var messageID: String
    /// The subject line.
    public var subject: String
    /// The sender as written in the message.
    public var from: String
    /// The recipients as written in the message.
    public var to: String
    /// The body, possibly several paragraphs.
    public var content: String
    /// As the campaign gives it, e.g. `2183-07-01 08:00:00`; nil when it has none.
    public var timestamp: String?
    /// `LOW`, `NORMAL`, `HIGH`, `CRITICAL` or whatever the campaign wrote.
    public var priority: String
    /// `false` for an unread message.
    public var read: Bool
    /// `inbox` or `sent`.
    public var folder: String
    /// The other party: the sender of a received message, the recipient of a sent one.
    public var contact: String
    /// `conversation_id`, `""` when none.
    public var conversationID: String
    /// `in_reply_to`, `""` when none.
    public var inReplyTo: String

    /// Creates a message; by default a read NORMAL message in the inbox.
    public init(
      messageID: String = "", subject: String = "", from: String = "", to: String = "", content: String = "",
      timestamp: String? = nil, priority: String = "NORMAL", read: Bool = true, folder: String = "inbox",
      contact: String = "", conversationID: String = "", inReplyTo: String = ""
    ) {
      self.messageID = messageID
      self.subject = subject
      self.from = from
      self.to = to
      self.content = content
      self.timestamp = timestamp
      self.priority = priority
      self.read = read
      self.folder = folder
      self.contact = contact
      self.conversationID = conversationID
      self.inReplyTo = inReplyTo
    }

    /// Reads one message; every key is optional (strings default to `""`, `priority` to `NORMAL`, `read` to
    /// `true` as the campaign loader does, `folder` to `inbox`).
    ///
    /// - Throws: `PayloadError` naming the key that has the wrong type.
    public init(json: JSONValue) throws(PayloadError) {
      let fields = try MessageFields(json)
      self.init(
        messageID: try fields.string("message_id"), subject: try fields.string("subject"),
        from: try fields.string("from"), to: try fields.string("to"), content: try fields.string("content"),
        timestamp: try fields.optionalString("timestamp"), priority: try fields.string("priority", default: "NORMAL"),
        read: try fields.bool("read", default: true), folder: try fields.string("folder", default: "inbox"),
        contact: try fields.string("contact"), conversationID: try fields.string("conversation_id"),
        inReplyTo: try fields.string("in_reply_to"))
    }

    /// The sender to show: ``from``, else ``contact``.
    public var sender: String { from.isEmpty ? contact : from }
  }

  /// The terminal's slug.
  public var slug: String
  /// Whose terminal it is.
  public var owner: String
  /// The terminal's id, e.g. `CLX-KEEP-01`.
  public var terminalID: String
  /// The access level, e.g. `PUBLIC` or `RESTRICTED`.
  public var accessLevel: String
  /// A line about the terminal.
  public var description: String
  /// The name of the location the terminal is in.
  public var locationName: String
  /// Received messages in the server's order (oldest first).
  public var inbox: [Message]
  /// Sent messages in the server's order (oldest first).
  public var sent: [Message]

  /// Creates a terminal.
  public init(
    slug: String = "", owner: String = "", terminalID: String = "", accessLevel: String = "",
    description: String = "", locationName: String = "", inbox: [Message] = [], sent: [Message] = []
  ) {
    self.slug = slug
    self.owner = owner
    self.terminalID = terminalID
    self.accessLevel = accessLevel
    self.description = description
    self.locationName = locationName
    self.inbox = inbox
    self.sent = sent
  }

  /// Reads the terminal response; every key is optional (strings default to `""`, `owner` to the slug, the
  /// message lists to none).
  ///
  /// - Throws: `PayloadError` naming the key that has the wrong type, e.g. `inbox.2.read`.
  public init(json: JSONValue) throws(PayloadError) {
    let fields = try MessageFields(json)
    let slug = try fields.string("slug")
    self.init(
      slug: slug, owner: try fields.string("owner", default: slug), terminalID: try fields.string("terminal_id"),
      accessLevel: try fields.string("access_level"), description: try fields.string("description"),
      locationName: try fields.string("location_name"),
      inbox: try fields.array("inbox") { value throws(PayloadError) in try Message(json: value) },
      sent: try fields.array("sent") { value throws(PayloadError) in try Message(json: value) })
  }
}
