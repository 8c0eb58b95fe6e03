import BulkheadCanvas
import BulkheadCore

/// What the GM console shows: the live view as the GM sees it, plus the console's own state — where the cursor is,
/// what is focused and selected, the prompt being answered and the last action's result.
///
/// Plain data with no I/O; ``GMConsoleFrame/render(_:width:height:glyphs:)`` turns it into a frame and
/// ``GMConsoleController`` changes it.
public struct GMConsoleModel: Sendable, Equatable {
  /// The area the keys act on.
  public enum Focus: Sendable, Hashable {
    /// The deck map: the cursor moves, rooms, doors and tokens are acted on.
    case map
    /// The location list (`v`): Enter switches the shared screen.
    case locations
    /// The NPC list (`p`): Enter shows or dismisses a portrait.
    case npcs
    /// The ship's systems (`y`).
    case ship
    /// The CHARON panel (`c`).
    case charon
    /// The comm terminals (`o`): Enter shows one to the players.
    case terminals
  }

  /// A cell of the deck grid.
  public struct GridPoint: Sendable, Hashable {
    /// The column, from 0.
    public var x: Int
    /// The row, from 0.
    public var y: Int

    /// The cell at (`x`, `y`).
    public init(x: Int, y: Int) {
      self.x = x
      self.y = y
    }
  }

  /// A token picked up with `m`, on its way to a new cell.
  public struct CarriedToken: Sendable, Equatable {
    /// The token's id.
    public var id: String
    /// The token as the server last sent it.
    public var token: Token
    /// Where it would be dropped.
    public var at: GridPoint
  }

  /// The status line: the last action's result or the server's error.
  public struct StatusLine: Sendable, Equatable {
    /// The text (already safe to draw).
    public var text: String
    /// Whether it reports a failure.
    public var isError: Bool

    /// A status line.
    public init(_ text: String, isError: Bool = false) {
      self.text = text
      self.isError = isError
    }
  }

  /// One row of the location list.
  public enum ListEntry: Sendable, Equatable {
    /// A view that needs no location.
    case view(ViewType)
    /// A campaign location with a map or terminals.
    case location(ConsoleLocation)
  }

  /// The views the location list offers before the locations.
  public static let listedViews: [ViewType] = [.standby, .bridge, .shipDashboard, .charonTerminal, .messages]

  /// The live view: the players' screen in the GM's rendering.
  public var view = PlayerModel(role: .gm)
  /// The area the keys act on.
  public var focus = Focus.map
  /// The cursor on the current deck's grid; `nil` until a deck is shown.
  public var cursor: GridPoint?
  /// The deck the cursor was placed on: a new deck puts the cursor on its first room.
  public var cursorDeckID: String?
  /// The token being moved, if any.
  public var carried: CarriedToken?
  /// The campaign's locations with maps or terminals, once loaded.
  public var locations: [ConsoleLocation] = []
  /// The selected row of the location list.
  public var listSelection = 0
  /// The selected row of the NPC list.
  public var npcSelection = 0
  /// The selected ship system.
  public var shipSelection = 0
  /// The selected comm terminal.
  public var terminalSelection = 0
  /// The active CHARON channel's conversation, as the GM's CHARON panel last read it.
  public var charon: CharonConversation?
  /// The question being answered, if any.
  public var prompt: ConsolePrompt?
  /// The yes/no question being asked, if any.
  public var confirmation: ConsoleConfirmation?
  /// Whether the key help is shown.
  public var helpShown = false
  /// The last action's result or error.
  public var status: StatusLine?
  /// Whether the console has a token to send with its writes.
  public var loggedIn = false

  /// A console that has received nothing yet.
  public init() {}

  /// The rows of the location list: the views, then the locations.
  public var listEntries: [ListEntry] {
    Self.listedViews.map(ListEntry.view) + locations.map(ListEntry.location)
  }

  /// The NPCs of the campaign (`encounter_npc_data`), by name then id.
  public var npcs: [NPCCard] {
    (view.payload?.encounterNPCData.values.map { $0 } ?? []).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
  }

  /// Every comm terminal of every location, in the location list's order.
  public var terminals: [(location: ConsoleLocation, terminal: ConsoleLocation.Terminal)] {
    locations.flatMap { location in location.terminals.map { (location, $0) } }
  }

  /// The current deck, while the shared screen shows an ENCOUNTER.
  public var deck: Deck? {
    view.payload?.viewType == .encounter ? view.deck : nil
  }

  /// The room under the cursor.
  public var roomUnderCursor: Room? {
    guard let deck, let cursor else { return nil }
    return deck.room(atX: cursor.x, y: cursor.y)
  }

  /// The token under the cursor (the first by id when several share the cell).
  public var tokenUnderCursor: (id: String, token: Token)? {
    guard deck != nil, let cursor, let tokens = view.payload?.encounterTokens else { return nil }
    return tokens.filter { $0.value.x == cursor.x && $0.value.y == cursor.y }.min { $0.key < $1.key }
      .map { ($0.key, $0.value) }
  }

  /// The door nearest the cursor, with its live status.
  public var doorNearCursor: (connection: Connection, status: DoorStatus)? {
    guard let deck, let cursor, let connection = DeckGeometry.nearestDoor(to: cursor, in: deck) else { return nil }
    return (connection, view.payload?.encounterDoorStatus[connection.id] ?? connection.doorStatus)
  }
}
