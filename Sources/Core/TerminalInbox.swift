/// A comm terminal as `GET /api/terminal/<location>/<terminal>/` returns it: who owns it and its messages.
///
/// The server writes it with ``json`` and the displays read it with ``init(json:)``.
public struct TerminalInbox: Sendable, Equatable {
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
  public var inbox: [TerminalMessage]
  /// Sent messages in the server's order (oldest first).
  public var sent: [TerminalMessage]

  /// Creates a terminal.
  public init(
    slug: String = "", owner: String = "", terminalID: String = "", accessLevel: String = "",
    description: String = "", locationName: String = "", inbox: [TerminalMessage] = [], sent: [TerminalMessage] = []
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

  /// The terminal `terminal` of the campaign, in the location named `locationName`.
  public init(_ terminal: CommTerminal, locationName: String) {
    self.init(
      slug: terminal.slug, owner: terminal.owner, terminalID: terminal.terminalID, accessLevel: terminal.accessLevel,
      description: terminal.description, locationName: locationName, inbox: terminal.inbox, sent: terminal.sent)
  }

  /// Reads the terminal response; every key is optional (strings default to `""`, `owner` to the slug, the
  /// message lists to none).
  ///
  /// - Throws: `JSONReadError` naming the key that has the wrong type, e.g. `inbox.2.read`.
  public init(json: JSONValue) throws(JSONReadError) {
    let fields = try JSONObject(json)
    let slug = try fields.optionalString("slug") ?? ""
    self.init(
      slug: slug, owner: try fields.optionalString("owner") ?? slug,
      terminalID: try fields.optionalString("terminal_id") ?? "",
      accessLevel: try fields.optionalString("access_level") ?? "",
      description: try fields.optionalString("description") ?? "",
      locationName: try fields.optionalString("location_name") ?? "",
      inbox: try fields.array("inbox") { value throws(JSONReadError) in try TerminalMessage(json: value) },
      sent: try fields.array("sent") { value throws(JSONReadError) in try TerminalMessage(json: value) })
  }

  /// The response with the keys of API.md.
  public var json: JSONValue {
    [
      "slug": .string(slug), "owner": .string(owner), "terminal_id": .string(terminalID),
      "access_level": .string(accessLevel), "description": .string(description),
      "location_name": .string(locationName), "inbox": .array(inbox.map(\.json)), "sent": .array(sent.map(\.json)),
    ]
  }
}
