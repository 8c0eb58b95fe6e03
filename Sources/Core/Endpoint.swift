/// The write endpoints of API.md, by path.
public enum Endpoint: String, Sendable, CaseIterable {
  case switchView = "/api/gm/switch-view/"
  case showTerminal = "/api/gm/show-terminal/"
  case broadcast = "/api/gm/broadcast/"
  case charonMode = "/api/gm/charon/mode/"
  case charonLocation = "/api/gm/charon/location/"
  case charonSend = "/api/gm/charon/send/"
  case switchLevel = "/api/gm/encounter/switch-level/"
  case toggleRoom = "/api/gm/encounter/toggle-room/"
  case roomVisibility = "/api/gm/encounter/room-visibility/"
  case setDoorStatus = "/api/gm/encounter/set-door-status/"
  case placeToken = "/api/gm/encounter/place-token/"
  case moveToken = "/api/gm/encounter/move-token/"
  case removeToken = "/api/gm/encounter/remove-token/"
  case updateTokenStatus = "/api/gm/encounter/update-token-status/"
  case clearTokens = "/api/gm/encounter/clear-tokens/"
  case togglePortrait = "/api/gm/encounter/toggle-portrait/"
  case shipStatus = "/api/gm/ship-status/toggle/"
  case hideTerminal = "/api/terminal/hide/"
  case toggleCharonDialog = "/api/gm/charon/toggle-dialog/"
  case submitCharonQuery = "/api/charon/submit-query/"

  /// Whether the endpoint is one of the players' public actions (no login, small bodies, rate-limited).
  public var isPlayerAction: Bool {
    switch self {
    case .hideTerminal, .toggleCharonDialog, .submitCharonQuery: true
    default: false
    }
  }
}
