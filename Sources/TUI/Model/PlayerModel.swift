import BulkheadCanvas
import BulkheadCore

/// What the player display shows: the last payload, the connection health and the local settings.
///
/// Plain data with no I/O; ``PlayerFrame/render(_:width:height:glyphs:)`` turns it into a frame. The clock is
/// passed in preformatted so that rendering never reads the system time.
public struct PlayerModel: Sendable, Equatable {
  /// Who is looking at the display.
  public enum Role: String, Sendable, Hashable, CaseIterable {
    /// A player: fogged rooms and their contents are hidden.
    case player
    /// The game master: fogged rooms are drawn dim.
    case gm
  }

  /// The last active-view payload received, or `nil` before the first one.
  public var payload: ActiveViewPayload? {
    didSet { deck = Self.currentDeck(of: payload) }
  }
  /// The payload's current deck, parsed once per payload rather than on every frame; `nil` when
  /// the payload has no map or its map does not parse.
  public private(set) var deck: Deck?
  /// A problem with what the server sent (a view that does not read, an event too large), shown until a payload
  /// reads again.
  public var notice: StreamNotice?
  /// `true` while the connection health says lost: the top line becomes the connection banner.
  public var connectionLost: Bool
  /// The number of the current reconnection attempt.
  public var attempt: Int
  /// The seconds until the next reconnection attempt, when known.
  public var secondsToRetry: Int?
  /// Whose view this is.
  public var role: Role
  /// The local time as `HH:MM`.
  public var clock: String
  /// Broadcast messages, newest first (at most ``messageLimit``).
  public var messages: [BroadcastMessage] = []
  /// A new HIGH or CRITICAL message shown over the view for a few seconds.
  public var popover: BroadcastMessage?
  /// The comm terminal of the overlay, once fetched; `nil` while it loads or when no overlay is shown.
  public var terminal: TerminalInbox?
  /// The selected row of the overlay's inbox.
  public var inboxSelection = 0
  /// Whether the selected inbox message is open.
  public var messageOpen = false
  /// The active CHARON channel's conversation, once fetched.
  public var charon: CharonConversation?
  /// The query being typed to CHARON in QUERY mode.
  public var query = ""
  /// The ship's status, once fetched (its name titles the STANDBY panel).
  public var ship: ShipStatus?
  /// The star map, once fetched.
  public var starMap: StarMap?
  /// `true` when the server said the campaign has no star map.
  public var starMapMissing = false
  /// The portraits fetched so far, by ``PortraitSource/path``; kept for the whole session (a campaign has a
  /// handful).
  public var portraits: [String: PortraitArt] = [:]

  /// The most broadcast messages kept.
  public static let messageLimit = 50

  /// Whether the CHARON conversation is on screen: the CHARON view, or its dialog over another view.
  public var showsCharon: Bool {
    guard let payload else { return false }
    return payload.viewType == .charonTerminal || payload.charonDialogOpen
  }

  /// Whether a comm-terminal overlay is on screen.
  public var showsTerminal: Bool {
    !(payload?.overlayTerminalSlug.isEmpty ?? true)
  }

  /// Creates a model; by default a player's display that has not received a payload yet.
  public init(
    payload: ActiveViewPayload? = nil, connectionLost: Bool = false, attempt: Int = 0, secondsToRetry: Int? = nil,
    role: Role = .player, clock: String = "--:--"
  ) {
    self.payload = payload
    deck = Self.currentDeck(of: payload)
    self.connectionLost = connectionLost
    self.attempt = attempt
    self.secondsToRetry = secondsToRetry
    self.role = role
    self.clock = clock
  }

  /// The deck in `location_data.map.current_deck`, if it parses.
  static func currentDeck(of payload: ActiveViewPayload?) -> Deck? {
    payload?.locationData?["map"]?["current_deck"].flatMap { try? Deck(data: $0, file: "payload") }
  }

  /// `hour` and `minute` as `HH:MM`, each wrapped into its range (0–23, 0–59).
  public static func clock(hour: Int, minute: Int) -> String {
    let hours = ((hour % 24) + 24) % 24
    let minutes = ((minute % 60) + 60) % 60
    return (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
  }
}
