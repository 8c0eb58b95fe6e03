import BulkheadCanvas
import SSEClient

/// How a player display connects and whose view it is.
public struct PlayerConfiguration: Sendable {
  /// The server's base URL, e.g. `http://127.0.0.1:8000`.
  public var server: String
  /// Other servers of the same cluster, tried in turn when the current one fails; the banner shows only when they
  /// all fail.
  public var fallbackServers: [String] = [] {
    didSet { fallbackServers = fallbackServers.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } }
  }
  /// Whose view this is.
  public var role: PlayerModel.Role
  /// Consecutive connection failures before the banner shows.
  public var failureThreshold: Int
  /// The longest wait between reconnection attempts: a restarted server is back on screen within about this.
  public var retryCap: Duration = .seconds(10)
  /// Time allowed to connect and receive the stream's response head.
  public var connectTimeout: Duration = .seconds(3)
  /// Whether `q` quits (a kiosk has no quit key).
  public var allowsQuit = true
  /// How often broadcast messages (and, while shown, the CHARON conversation) are polled.
  public var pollInterval: Duration = .seconds(2)
  /// Whether to ask for the lean stream (`?compact=1`: the map and the NPC cards only when they change); a server
  /// that does not know it (the original) sends whole payloads, which the display reads as well.
  public var leanStream = true
  /// The largest event the display reads; a larger one is dropped, and the display says so.
  public var maxEventBytes = EventSourceConfiguration(url: "").maxEventBytes

  /// A configuration for `server`; the threshold defaults to the role's (player 5, GM 2).
  public init(server: String, role: PlayerModel.Role = .player, failureThreshold: Int? = nil) {
    self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
    self.role = role
    self.failureThreshold =
      failureThreshold ?? (role == .gm ? ConnectionHealth.gmThreshold : ConnectionHealth.playerThreshold)
  }

  /// The stream's URL.
  public var streamURL: String { streamURL(of: server) }

  /// The stream's URL on `server`.
  func streamURL(of server: String) -> String {
    server + "/api/active-view/stream/" + (leanStream ? "?compact=1" : "")
  }

  /// The event source's configuration.
  var eventSource: EventSourceConfiguration {
    var configuration = EventSourceConfiguration(url: streamURL)
    configuration.fallbackURLs = fallbackServers.map(streamURL(of:))
    configuration.backoffCap = retryCap
    configuration.connectTimeout = connectTimeout
    configuration.healthThreshold = failureThreshold
    configuration.maxEventBytes = maxEventBytes
    return configuration
  }
}
