/// Everything the GM has set about the shared screen; the payload is built from it.
///
/// A value type changed only by `Reducer.apply`; the server commits each one to its database (as JSON).
public struct ActiveViewState: Sendable, Equatable, Codable {
  public var viewType: ViewType = .standby
  public var locationSlug = ""
  /// The location of the last ENCOUNTER opened: fog, doors, decks and tokens refer to its map,
  /// so the GM can keep preparing it while the players see another view.
  public var encounterLocationSlug = ""
  public var viewSlug = ""
  public var overlayLocationSlug = ""
  public var overlayTerminalSlug = ""
  public var charonMode: CharonMode = .display
  public var charonLocationPath = ""
  public var charonActiveChannel = "story"
  public var charonDialogOpen = false
  public var encounterLevel = 1
  public var encounterDeckID = ""
  public var roomVisibility: [String: Bool] = [:]
  public var doorStatus: [String: DoorStatus] = [:]
  /// Tokens by location slug, then deck id, then token id; the payload shows the current deck's.
  public var tokens: [String: [String: [String: Token]]] = [:]
  public var activePortraits: [String] = []
  public var shipSystemOverrides: [String: ShipSystemOverride] = [:]
  /// How many tokens have been placed; token ids are made from it.
  public var tokensPlaced = 0

  /// The start state: STANDBY, nothing revealed.
  public init() {}

  /// The tokens of the encounter location's current deck.
  public var currentTokens: [String: Token] {
    get { tokens[encounterLocationSlug]?[encounterDeckID] ?? [:] }
    set { tokens[encounterLocationSlug, default: [:]][encounterDeckID] = newValue }
  }
}
