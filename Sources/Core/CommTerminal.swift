import Foundation

/// A comm terminal of a location (`comms/<slug>/terminal.yaml`) with its messages.
public struct CommTerminal: Sendable, Equatable {
  public var slug: String
  public var owner: String
  public var terminalID: String
  public var accessLevel: String
  public var description: String
  /// Received messages, oldest first.
  public var inbox: [TerminalMessage]
  /// Sent messages, oldest first.
  public var sent: [TerminalMessage]
}

/// One message of a comm terminal, read from a Markdown file with YAML front matter.
public struct TerminalMessage: Sendable, Equatable {
  public var messageID: String
  public var subject: String
  public var from: String
  public var to: String
  /// The Markdown body after the front matter.
  public var content: String
  /// As the file gives it, e.g. `2183-07-01 08:00:00`; `nil` when absent.
  public var timestamp: String?
  public var priority: String
  public var read: Bool
  /// `inbox` or `sent`.
  public var folder: String
  /// The other party: the sender of a received message, the recipient of a sent one.
  public var contact: String
  public var conversationID: String
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

  /// Parses a message file: `---` front matter, then the body; `file` names it in errors.
  static func parse(
    _ text: String, fileName: String, file: String, warnings: inout [String]
  ) throws(CampaignError) -> TerminalMessage {
    var frontMatter: JSONValue = .null
    let text = text.replacingOccurrences(of: "\r\n", with: "\n")
    var body = text
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
      let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
    {
      frontMatter = try YAMLFile.parse(lines[1..<end].joined(separator: "\n"), file: file, warnings: &warnings)
      body = lines[(end + 1)...].joined(separator: "\n")
    }
    do {
      let fields = try JSONObject.campaignFile(frontMatter)
      return TerminalMessage(
        messageID: try fields.optionalString("message_id") ?? fileName,
        subject: try fields.optionalString("subject") ?? "",
        from: try fields.optionalString("from") ?? "",
        to: try fields.optionalString("to") ?? "",
        content: body.trimmingCharacters(in: .whitespacesAndNewlines),
        timestamp: try fields.optionalString("timestamp"),
        priority: try fields.optionalString("priority") ?? "NORMAL",
        read: try fields.optionalBool("read") ?? true,
        folder: "inbox",
        contact: "",
        conversationID: try fields.optionalString("conversation_id") ?? "",
        inReplyTo: try fields.optionalString("in_reply_to") ?? "")
    } catch {
      throw CampaignError(file: file, error)
    }
  }

  /// This message filed in `folder` with `contact` as the other party.
  func filed(in folder: String, contact: String) -> TerminalMessage {
    var copy = self
    copy.folder = folder
    copy.contact = contact
    return copy
  }
}

extension CommTerminal {
  /// Loads every terminal under `comms/` of a location folder.
  static func loadAll(
    comms: URL, relative: String, warnings: inout [String]
  ) throws(CampaignError) -> [String: CommTerminal] {
    let central = comms.appendingPathComponent("messages")
    let centralMessages: [TerminalMessage]? =
      YAMLFolder.isDirectory(central)
      ? try loadMessages(in: central, relative: "\(relative)/messages", warnings: &warnings) : nil
    var terminals: [String: CommTerminal] = [:]
    for slug in YAMLFolder.subfolders(of: comms) where slug != "messages" {
      let folder = comms.appendingPathComponent(slug)
      let file = "\(relative)/\(slug)/terminal.yaml"
      let url = folder.appendingPathComponent("terminal.yaml")
      let data: JSONValue =
        FileManager.default.fileExists(atPath: url.path)
        ? try YAMLFile.load(url, file: file, warnings: &warnings) : .null
      var terminal: CommTerminal
      do {
        let fields = try JSONObject.campaignFile(data)
        terminal = CommTerminal(
          slug: slug,
          owner: try fields.optionalString("owner") ?? slug,
          terminalID: try fields.optionalString("terminal_id") ?? "",
          accessLevel: try fields.optionalString("access_level") ?? "PUBLIC",
          description: try fields.optionalString("description") ?? "",
          inbox: [], sent: [])
      } catch {
        throw CampaignError(file: file, error)
      }
      if let centralMessages {
        terminal.fileCentral(centralMessages)
      } else {
        terminal.inbox = try loadFolder(
          folder.appendingPathComponent("inbox"), "inbox", "\(relative)/\(slug)", &warnings)
        terminal.sent = try loadFolder(
          folder.appendingPathComponent("sent"), "sent", "\(relative)/\(slug)", &warnings)
      }
      terminals[slug] = terminal
    }
    return terminals
  }

  /// Files the central store's messages: received when the owner is among `to`, sent when among `from`.
  private mutating func fileCentral(_ messages: [TerminalMessage]) {
    let owner = owner.lowercased()
    guard !owner.isEmpty else { return }
    inbox = messages.filter { $0.to.lowercased().contains(owner) }.map {
      $0.filed(in: "inbox", contact: $0.from.isEmpty ? "Unknown" : $0.from)
    }
    sent = messages.filter { $0.from.lowercased().contains(owner) }.map {
      $0.filed(in: "sent", contact: $0.to.isEmpty ? "Unknown" : $0.to)
    }
  }

  /// Loads `<folder>/<contact>/*.md`, filed in `name` with the contact folder's name.
  private static func loadFolder(
    _ folder: URL, _ name: String, _ relative: String, _ warnings: inout [String]
  ) throws(CampaignError)
    -> [TerminalMessage]
  {
    var messages: [TerminalMessage] = []
    for contact in YAMLFolder.subfolders(of: folder) {
      let loaded = try loadMessages(
        in: folder.appendingPathComponent(contact), relative: "\(relative)/\(name)/\(contact)", warnings: &warnings)
      messages += loaded.map { $0.filed(in: name, contact: contact) }
    }
    return sortedByTime(messages)
  }

  private static func loadMessages(
    in folder: URL, relative: String, warnings: inout [String]
  ) throws(CampaignError) -> [TerminalMessage] {
    var messages: [TerminalMessage] = []
    for name in YAMLFolder.files(in: folder, suffix: ".md") {
      let file = "\(relative)/\(name)"
      let text = try YAMLFile.readText(folder.appendingPathComponent(name), file: file)
      messages.append(try TerminalMessage.parse(text, fileName: name, file: file, warnings: &warnings))
    }
    return sortedByTime(messages)
  }

  private static func sortedByTime(_ messages: [TerminalMessage]) -> [TerminalMessage] {
    messages.enumerated().sorted { lhs, rhs in
      let left = lhs.element.timestamp ?? ""
      let right = rhs.element.timestamp ?? ""
      return left == right ? lhs.offset < rhs.offset : left < right
    }.map(\.element)
  }
}
